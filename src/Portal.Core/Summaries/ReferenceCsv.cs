using System.Globalization;
using System.Text;

namespace Portal.Core.Summaries;

/// <summary>
/// References as CSV (RFC 4180) for a spreadsheet. A cell that a spreadsheet would run as a
/// formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so
/// a title like "=HYPERLINK(…)" from a database shows as text instead of running.
/// </summary>
public static class ReferenceCsv
{
    /// <summary>UTF-8 with a byte-order mark, which is how Excel knows the file is UTF-8.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
        ["Authors", "Title", "Source", "Year", "Volume", "Issue", "Pages", "DOI", "PMID", "URL", "Type", "Database", "Keywords", "Note"];

    public static void Write(IEnumerable<Reference> references, TextWriter writer, bool includeAbstracts)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(writer);
        WriteRow(writer, includeAbstracts ? [.. Header, "Abstract"] : Header);
        foreach (var r in references)
        {
            string?[] row =
            [
                string.Join("; ", r.Authors), r.Title, r.Source, r.Year?.ToString(CultureInfo.InvariantCulture),
                r.Volume, r.Issue, r.Pages, r.Doi, r.Pmid, r.Url, r.Type, r.Database, string.Join("; ", r.Keywords), r.Note,
            ];
            WriteRow(writer, includeAbstracts ? [.. row, r.Abstract] : row);
        }
    }

    /// <summary>One cell as written: neutralised against formulas, then quoted when it has a comma, quote or line break.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void WriteRow(TextWriter writer, string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Cell(cells[i]));
        }

        // RFC 4180 ends records with CR LF.
        writer.Write("\r\n");
    }
}
