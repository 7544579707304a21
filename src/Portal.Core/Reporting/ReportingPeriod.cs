namespace Portal.Core.Reporting;

/// <summary>
/// The days a report covers, both included. Moments count by their UTC date, so a request
/// submitted at 23:30 UTC on 31 March falls in the year that ends that day.
/// </summary>
public sealed record ReportingPeriod
{
    public ReportingPeriod(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new DomainException("The end of the period must be the same as or after its start.");
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    /// <summary>The first moment of the period (midnight UTC at the start of <see cref="From"/>).</summary>
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first moment after the period (midnight UTC after <see cref="To"/>).</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// The UK public sector's financial year that contains <paramref name="day"/>: 1 April to 31 March,
    /// the year NHS library and knowledge services report their activity for.
    /// </summary>
    public static ReportingPeriod FinancialYearOf(DateOnly day)
    {
        var startYear = day.Month >= 4 ? day.Year : day.Year - 1;
        return new ReportingPeriod(new DateOnly(startYear, 4, 1), new DateOnly(startYear + 1, 3, 31));
    }

    public bool Contains(DateTimeOffset moment) => Start <= moment && moment < End;

    public bool Contains(DateOnly day) => From <= day && day <= To;
}
