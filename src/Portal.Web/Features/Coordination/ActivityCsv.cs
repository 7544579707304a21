using System.Globalization;
using System.Text;

namespace Portal.Web.Features.Coordination;

/// <summary>
/// The activity report as CSV for a spreadsheet: one line per system and service, then the
/// totals, each line with its period. Text cells that a spreadsheet would run as a formula are
/// neutralised; the file is UTF-8 with a byte order mark so Excel reads names like Sinéad right.
/// </summary>
public static class ActivityCsv
{
    public static readonly string[] Header =
    [
        "Period from", "Period to", "System", "LKS service", "Requests received", "Requests claimed", "Requests delivered",
        "Median days to claim", "Median days to deliver", "Hours spent", "Answered by an existing summary (reuse)",
    ];

    public static byte[] Write(ActivityTable table)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var row in table.Rows.Append(table.Total))
        {
            Line(csv, [
                Date(table.Query.Period.From), Date(table.Query.Period.To), row.System, row.Service,
                Number(row.Received), Number(row.Claimed), Number(row.Delivered),
                Days(row.MedianDaysToClaim), Days(row.MedianDaysToDeliver),
                row.Hours.ToString("0.0", CultureInfo.InvariantCulture), Number(row.Reused),
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>For example activity-E54000050-2025-04-01-to-2026-03-31.csv.</summary>
    public static string FileName(ActivityQuery query) =>
        $"activity-{(query.System is { } system ? system.Code + "-" : string.Empty)}{Date(query.Period.From)}-to-{Date(query.Period.To)}.csv";

    /// <summary>
    /// One cell: a leading = + - @ tab or carriage return gets a ' in front so a spreadsheet shows
    /// the text instead of running it; a cell with a comma, quote or line break is quoted.
    /// </summary>
    public static string Cell(string text)
    {
        var safe = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    private static void Line(StringBuilder csv, IEnumerable<string> cells) =>
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Days(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty;
}
