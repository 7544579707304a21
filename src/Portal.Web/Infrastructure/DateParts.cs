using System.Globalization;

namespace Portal.Web.Infrastructure;

/// <summary>The day, month and year boxes of an NHS.UK date input, as typed.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateParts();

    /// <summary>The date, or null when the boxes are empty; a problem for <paramref name="field"/> when they do not make a real date.</summary>
    public DateOnly? Read(string field, string label, bool required, List<FieldProblem> problems)
    {
        if (IsEmpty)
        {
            if (required)
            {
                problems.Add(new(field, $"Enter the {label.ToLowerInvariant()}"));
            }

            return null;
        }

        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new(field, $"{label} must include a {string.Join(" and a ", missing)}"));
            return null;
        }

        if (int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 1900 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        problems.Add(new(field, $"{label} must be a real date"));
        return null;
    }
}
