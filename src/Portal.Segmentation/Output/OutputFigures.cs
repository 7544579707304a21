using Portal.Segmentation.Computation;

namespace Portal.Segmentation.Output;

/// <summary>
/// What the output page and the API show, worked out from the protected output alone: shares and
/// prevalences from the published (rounded) counts, nothing re-rounded or un-suppressed. A null
/// figure rests on a suppressed cell.
/// </summary>
public sealed record OutputFigures(
    long? People,
    decimal? TotalCostGbp,
    IReadOnlyList<CurveFigure> CostConcentration,
    IReadOnlyList<CurveFigure> RiskConcentration,
    IReadOnlyList<SegmentShare> SegmentShares,
    IReadOnlyList<SegmentSettingCosts> CostPerHeadBySetting,
    IReadOnlyList<MultimorbidityCell> Multimorbidity)
{
    /// <summary>The concentration curve's highlighted points: the top 1, 2, 5 and 30%.</summary>
    public static IReadOnlyList<int> MarkedPercents { get; } = [1, 2, 5, 30];

    public static OutputFigures From(ProtectedOutput output)
    {
        var all = output.Find(Dimensions.Segment, Dimensions.All, Dimensions.All, Settings.TotalName);
        var segments = output.Segments;
        var shares = segments.Select(segment =>
        {
            var row = output.Find(Dimensions.Segment, segment, segment, Settings.TotalName);
            return new SegmentShare(segment, row?.PopulationCount, Percent(row?.PopulationCount, all?.PopulationCount),
                row?.TotalCostGbp, Percent(row?.TotalCostGbp, all?.TotalCostGbp));
        }).ToList();

        var bySetting = segments.Append(Dimensions.All).Select(segment => new SegmentSettingCosts(
            segment,
            Settings.NamesWithTotal.Select(setting =>
            {
                var row = output.Find(Dimensions.Segment, segment, segment, setting);
                return new SettingCost(setting, row?.PopulationCount, row?.TotalCostGbp, row?.CostPerHeadGbp);
            }).ToList())).ToList();

        var heat = Bands.AgeBands.SelectMany(age => Bands.ImdDeciles.Select(imd =>
        {
            var value = Dimensions.HeatValue(age, imd);
            var people = output.Find(Dimensions.AgeBandByImdDecile, value, Dimensions.All, Settings.TotalName)?.PopulationCount;
            var multimorbid = output.Find(Dimensions.AgeBandByImdDecile, value, Dimensions.Multimorbid, Settings.TotalName)?.PopulationCount;
            return new MultimorbidityCell(age, int.Parse(imd, System.Globalization.CultureInfo.InvariantCulture), people, multimorbid,
                people is > 0 && multimorbid is not null ? Percent(multimorbid, people) : null);
        })).ToList();

        return new OutputFigures(all?.PopulationCount, all?.TotalCostGbp,
            Curve(output, Dimensions.CostPercentile), Curve(output, Dimensions.RiskPercentile), shares, bySetting, heat);
    }

    private static List<CurveFigure> Curve(ProtectedOutput output, string dimension)
    {
        var rows = output.OfDimension(dimension).ToList();
        var everyone = rows.FirstOrDefault(r => r.DimensionValue == "100");
        return rows.Select(r => new CurveFigure(int.Parse(r.DimensionValue, System.Globalization.CultureInfo.InvariantCulture), r.PopulationCount!.Value,
            r.TotalCostGbp!.Value, Percent(r.TotalCostGbp, everyone?.TotalCostGbp) ?? 0)).ToList();
    }

    private static decimal? Percent(decimal? part, decimal? whole) =>
        part is { } p && whole is { } w && w > 0 ? Math.Round(100m * p / w, 1, MidpointRounding.AwayFromZero) : null;
}

/// <summary>The top <see cref="Percent"/>% of people hold <see cref="CostSharePercent"/>% of the cost.</summary>
public sealed record CurveFigure(int Percent, long People, decimal CostGbp, decimal CostSharePercent);

public sealed record SegmentShare(string Segment, long? People, decimal? PopulationSharePercent, decimal? CostGbp, decimal? CostSharePercent);

public sealed record SegmentSettingCosts(string Segment, IReadOnlyList<SettingCost> Settings);

/// <summary>A setting's cost per head is over the people whose source for it is linked.</summary>
public sealed record SettingCost(string Setting, long? People, decimal? CostGbp, decimal? CostPerHeadGbp);

public sealed record MultimorbidityCell(string AgeBand, int ImdDecile, long? People, long? Multimorbid, decimal? PrevalencePercent);
