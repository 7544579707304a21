using System.Globalization;

namespace Portal.Segmentation.Output;

/// <summary>
/// The aggregated output after disclosure control: what the tool writes, the portal stores and the
/// page and API show. Counts are rounded to 5 and small ones suppressed; nothing here is patient-level.
/// </summary>
public sealed class ProtectedOutput(OutputHeader header, IReadOnlyList<OutputRow> rows)
{
    public OutputHeader Header { get; } = header;

    public IReadOnlyList<OutputRow> Rows { get; } = rows;

    /// <summary>Segment names in the rule's priority order.</summary>
    public IReadOnlyList<string> Segments =>
        Rows.Where(r => r.Dimension == Dimensions.Segment && r.Segment != Dimensions.All).Select(r => r.Segment).Distinct().ToList();

    public OutputRow? Find(string dimension, string value, string segment, string setting) =>
        Rows.FirstOrDefault(r => r.Dimension == dimension && r.DimensionValue == value && r.Segment == segment && r.Setting == setting);

    public IEnumerable<OutputRow> OfDimension(string dimension) => Rows.Where(r => r.Dimension == dimension);

    public string GeographyLevel => Rows.Count > 0 ? Rows[0].GeographyLevel : string.Empty;

    public string GeographyCode => Rows.Count > 0 ? Rows[0].GeographyCode : string.Empty;

    public string Period => Rows.Count > 0 ? Rows[0].Period : string.Empty;

    /// <summary>The same output for another geography and period: the portal records what the uploader chose.</summary>
    public ProtectedOutput For(string geographyLevel, string geographyCode, string period) =>
        new(Header, Rows.Select(r => r with { GeographyLevel = geographyLevel, GeographyCode = geographyCode, Period = period }).ToList());
}

/// <summary>The <c>#</c> lines: what was done to make the output, and its headline figures.</summary>
public sealed record OutputHeader(
    string Rule,
    string DisclosureControl,
    IReadOnlyList<SourceLinkage> SourcesLinked,
    decimal Gini,
    bool Partial,
    string GeneratedBy)
{
    public const string Format = "stem-segmentation-output/1";
}

/// <summary>The share of people whose source is linked, from rounded counts; null when the count was suppressed.</summary>
public sealed record SourceLinkage(string Source, decimal? Percent)
{
    public override string ToString() =>
        $"{Source}={(Percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : Dimensions.SuppressedText)}";
}

/// <summary>One row of the long CSV.</summary>
public sealed record OutputRow(
    string GeographyLevel,
    string GeographyCode,
    string Period,
    string Dimension,
    string DimensionValue,
    string Segment,
    string Setting,
    long? PopulationCount,
    decimal? TotalCostGbp,
    decimal? CostPerHeadGbp,
    bool Suppressed);

/// <summary>Names used in the output's dimension and segment columns.</summary>
public static class Dimensions
{
    public const string Segment = "segment";
    public const string AgeBand = "age_band";
    public const string ImdDecile = "imd_decile";
    public const string LtcBand = "ltc_band";
    public const string AgeBandByImdDecile = "age_band_x_imd_decile";
    public const string CostPercentile = "cost_percentile";
    public const string RiskPercentile = "risk_percentile";

    public const string All = "all";
    public const string Multimorbid = "multimorbid";
    public const string NotMultimorbid = "not_multimorbid";
    public const string SuppressedText = "suppressed";

    public static IReadOnlyList<string> Names { get; } = [Segment, AgeBand, ImdDecile, LtcBand, AgeBandByImdDecile, CostPercentile, RiskPercentile];

    public static IReadOnlyList<string> Columns { get; } =
    [
        "geography_level", "geography_code", "period", "dimension", "dimension_value", "segment", "setting",
        "population_count", "total_cost_gbp", "cost_per_head_gbp", "suppressed",
    ];

    /// <summary>The value of an age band × IMD decile cell: <c>75-84|3</c>.</summary>
    public static string HeatValue(string ageBand, string imdDecile) => $"{ageBand}|{imdDecile}";
}
