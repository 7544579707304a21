using Portal.Core.Reporting;

namespace Portal.Core.Tests.Coordination;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2026-03-02", "2025-04-01", "2026-03-31")]
    [InlineData("2026-03-31", "2025-04-01", "2026-03-31")]
    [InlineData("2026-04-01", "2026-04-01", "2027-03-31")]
    [InlineData("2025-12-31", "2025-04-01", "2026-03-31")]
    [InlineData("2024-01-15", "2023-04-01", "2024-03-31")]
    public void The_financial_year_runs_from_1_April_to_31_March(string day, string from, string to)
    {
        var year = ReportingPeriod.FinancialYearOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), year.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), year.To);
    }

    [Fact]
    public void Both_days_are_included_and_moments_count_by_their_UTC_date()
    {
        var march = new ReportingPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

        Assert.True(march.Contains(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.True(march.Contains(new DateTimeOffset(2026, 3, 31, 23, 59, 59, TimeSpan.Zero)));
        Assert.False(march.Contains(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)));
        // 00:30 British Summer Time on 1 April is still 31 March in UTC.
        Assert.True(march.Contains(new DateTimeOffset(2026, 4, 1, 0, 30, 0, TimeSpan.FromHours(1))));
        Assert.True(march.Contains(new DateOnly(2026, 3, 31)));
        Assert.False(march.Contains(new DateOnly(2026, 2, 28)));
    }

    [Fact]
    public void A_period_of_one_day_is_allowed_and_one_that_ends_before_it_starts_is_not()
    {
        var day = new ReportingPeriod(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 2));
        var backwards = Assert.Throws<DomainException>(() => new ReportingPeriod(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1)));

        Assert.Equal(TimeSpan.FromDays(1), day.End - day.Start);
        Assert.Equal(RuleViolationKind.Invalid, backwards.Kind);
        Assert.Equal("The end of the period must be the same as or after its start.", backwards.Message);
    }
}
