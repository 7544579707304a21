using System.Globalization;
using System.Text;

namespace Portal.Segmentation.Output;

/// <summary>Writes the long CSV with its <c>#</c> header lines. UTF-8 without a byte-order mark, LF line ends.</summary>
public static class OutputWriter
{
    public static void Write(ProtectedOutput output, TextWriter writer)
    {
        var header = output.Header;
        writer.Write($"# format: {OutputHeader.Format}\n");
        writer.Write($"# generated_by: {OneLine(header.GeneratedBy)}\n");
        writer.Write($"# rule: {header.Rule}\n");
        writer.Write($"# disclosure_control: {header.DisclosureControl}\n");
        writer.Write($"# sources_linked: {string.Join("; ", header.SourcesLinked)}\n");
        writer.Write($"# gini: {header.Gini.ToString("0.0000", CultureInfo.InvariantCulture)}\n");
        writer.Write($"# partial: {(header.Partial ? "true" : "false")}\n");
        writer.Write(string.Join(',', Dimensions.Columns));
        writer.Write('\n');
        foreach (var row in output.Rows)
        {
            writer.Write(string.Join(',',
                Field(row.GeographyLevel), Field(row.GeographyCode), Field(row.Period), row.Dimension, Field(row.DimensionValue), row.Segment, row.Setting,
                row.PopulationCount?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                Money(row.TotalCostGbp), Money(row.CostPerHeadGbp), row.Suppressed ? "true" : "false"));
            writer.Write('\n');
        }
    }

    public static string ToCsv(ProtectedOutput output)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(output, text);
        return text.ToString();
    }

    public static byte[] ToUtf8(ProtectedOutput output) => new UTF8Encoding(false).GetBytes(ToCsv(output));

    public static string Money(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Quotes a field when it must be (RFC 4180).</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string OneLine(string value) => value.Replace('\n', ' ').Replace('\r', ' ');
}
