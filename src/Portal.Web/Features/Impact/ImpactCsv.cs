using System.Globalization;
using System.Text;
using Portal.Web.Features.Coordination;

namespace Portal.Web.Features.Impact;

/// <summary>
/// The impact report as CSV for a spreadsheet: one figure a line (measure, item, count, percent),
/// then the quotes. Text cells a spreadsheet would run as a formula are neutralised by the
/// activity report's <see cref="ActivityCsv.Cell"/>; UTF-8 with a byte order mark for Excel.
/// </summary>
public static class ImpactCsv
{
    public static readonly string[] Header = ["Period from", "Period to", "System", "Work stream", "Measure", "Item", "Value", "Percent"];

    public static byte[] Write(ImpactFigures figures)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        var query = figures.Query;
        string[] Prefix() => [Date(query.Period.From), Date(query.Period.To), query.System?.Name ?? "All systems", query.WorkStream?.Title ?? "All work streams"];
        void Figure(string measure, string item, string value, double? percent) =>
            Line(csv, [.. Prefix(), measure, item, value, percent?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty]);

        Figure("Requests delivered", string.Empty, Number(figures.Delivered), null);
        Figure("Impact forms sent", string.Empty, Number(figures.Asked), null);
        Figure("Impact forms answered", string.Empty, Number(figures.Answered), figures.ResponseRatePercent);
        foreach (var use in figures.Uses)
        {
            Figure("Used the evidence", use.Label, Number(use.Count), use.Percent);
        }

        foreach (var contribution in figures.Contributions)
        {
            Figure("Contributed to", contribution.Label, Number(contribution.Count), contribution.Percent);
        }

        Figure("Hours saved", "Total", figures.HoursSavedTotal.ToString("0.##", CultureInfo.InvariantCulture), null);
        Figure("Hours saved", "Median", figures.HoursSavedMedian?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty, null);
        foreach (var recommendation in figures.Recommendations)
        {
            Figure("Would recommend", recommendation.Label, Number(recommendation.Count), recommendation.Percent);
        }

        foreach (var quote in figures.Quotes.Where(q => q.Text is not null))
        {
            Line(csv, [.. Prefix(), "Quote", $"{quote.Question} ({quote.AnsweredAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})", quote.Text!, string.Empty]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>For example impact-frailty-framework-2025-04-01-to-2026-03-31.csv.</summary>
    public static string FileName(ImpactQuery query) =>
        $"impact-{(query.System is { } system ? system.Code + "-" : string.Empty)}{(query.WorkStream is { } stream ? stream.Key + "-" : string.Empty)}{Date(query.Period.From)}-to-{Date(query.Period.To)}.csv";

    private static void Line(StringBuilder csv, IEnumerable<string> cells) =>
        csv.Append(string.Join(',', cells.Select(ActivityCsv.Cell))).Append("\r\n");

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
