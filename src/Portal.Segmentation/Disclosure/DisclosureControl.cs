using System.Globalization;
using Portal.Segmentation.Computation;
using Portal.Segmentation.Output;

namespace Portal.Segmentation.Disclosure;

/// <summary>Where and when the output is about; written on every row.</summary>
public sealed record OutputContext(string GeographyLevel = "", string GeographyCode = "", string Period = "", string GeneratedBy = "Portal.Segmentation");

/// <summary>
/// Turns exact aggregates into the protected output (docs/decisions/ADR-007): counts of 1–7
/// suppressed, with secondary suppression until no suppressed cell can be recovered from its
/// totals; other counts rounded to the nearest 5; means only on 8 or more people, divided by the
/// rounded count; curve points on 7 or fewer people dropped.
/// </summary>
public static class DisclosureControl
{
    public const int SmallestShown = 8;
    public const int RoundTo = 5;

    /// <summary>The rule applied, recorded in every output's header.</summary>
    public const string Rule =
        "sdc/1: counts of 1 to 7 suppressed; other counts rounded to the nearest 5; costs per head only on 8 or more people, divided by the rounded count; "
        + "percentages from rounded counts; secondary suppression until no suppressed cell can be recovered from table totals (linear audit); "
        + "curve points on 7 or fewer people, or 7 or fewer people from the point before, dropped";

    public static long Round(long count) => (count + RoundTo / 2) / RoundTo * RoundTo;

    public static bool IsSmall(long count) => count is > 0 and < SmallestShown;

    public static ProtectedOutput Protect(SegmentationResult raw, OutputContext context)
    {
        var layout = new OutputLayout(raw.Rules.Names);
        var (counts, costs) = Values(layout, raw);
        var suppressed = Suppress(layout, counts, costs);

        var rows = new List<OutputRow>(layout.Cells.Count + 16);
        for (var i = 0; i < layout.Cells.Count; i++)
        {
            var cell = layout.Cells[i];
            var hidden = suppressed.Contains(i);
            var count = hidden ? (long?)null : Round(counts[i]);
            decimal? cost = hidden || !cell.HasCost ? null : Pounds(costs[i]);
            var perHead = !hidden && cell.HasCost && counts[i] >= SmallestShown ? PerHead(costs[i], count!.Value) : (decimal?)null;
            rows.Add(new OutputRow(context.GeographyLevel, context.GeographyCode, context.Period, cell.Dimension, cell.Value, cell.Segment, cell.Setting, count, cost, perHead, hidden));
        }

        rows.AddRange(CurveRows(Dimensions.CostPercentile, raw.CostCurve, raw.People, context));
        rows.AddRange(CurveRows(Dimensions.RiskPercentile, raw.RiskCurve, raw.RiskScoredPeople, context));

        var linkage = Settings.Names.Select((name, s) => new SourceLinkage(name,
            IsSmall(raw.Linked[s]) || raw.People == 0 ? null : Math.Round(100m * Round(raw.Linked[s]) / Round(raw.People), 1, MidpointRounding.AwayFromZero))).ToList();
        var header = new OutputHeader(raw.Rules.Text, Rule, linkage, Math.Round((decimal)raw.Gini, 4, MidpointRounding.AwayFromZero), raw.Partial, context.GeneratedBy);
        return new ProtectedOutput(header, rows);
    }

    /// <summary>Primary and secondary suppression for the output's cells.</summary>
    public static HashSet<int> Suppress(OutputLayout layout, long[] counts, long[] costs) =>
        SecondarySuppression.Apply(layout.CountRelations, layout.CostRelations, c => layout.Cells[c].HasCost, counts, costs);

    /// <summary>Suppressed cells whose count or cost a reader could work out from the published cells.</summary>
    public static HashSet<int> Exposed(OutputLayout layout, IReadOnlySet<int> suppressed) =>
        SecondarySuppression.Exposed(layout.CountRelations, layout.CostRelations, c => layout.Cells[c].HasCost, suppressed);

    private static (long[] Counts, long[] Costs) Values(OutputLayout layout, SegmentationResult raw)
    {
        var counts = new long[layout.Cells.Count];
        var costs = new long[layout.Cells.Count];
        var tables = new Dictionary<string, CellTable>
        {
            [Dimensions.Segment] = raw.Segments,
            [Dimensions.AgeBand] = raw.AgeBands,
            [Dimensions.ImdDecile] = raw.ImdDeciles,
            [Dimensions.LtcBand] = raw.LtcBands,
        };
        for (var i = 0; i < layout.Cells.Count; i++)
        {
            var cell = layout.Cells[i];
            if (cell.Dimension == Dimensions.AgeBandByImdDecile)
            {
                var parts = cell.Value.Split('|');
                var heat = IndexIn(Bands.AgeBands, parts[0]) * Bands.ImdDeciles.Count + IndexIn(Bands.ImdDeciles, parts[1]);
                counts[i] = cell.Segment switch
                {
                    Dimensions.All => raw.HeatPopulation[heat],
                    Dimensions.Multimorbid => raw.HeatMultimorbid[heat],
                    _ => raw.HeatPopulation[heat] - raw.HeatMultimorbid[heat],
                };
                continue;
            }

            var setting = Settings.IndexOf(cell.Setting);
            var row = cell.Value == Dimensions.All ? raw.All : tables[cell.Dimension].Row(IndexIn(tables[cell.Dimension].Values, cell.Value));
            counts[i] = row.Counts[setting];
            costs[i] = row.CostPence[setting];
        }

        return (counts, costs);
    }

    /// <summary>
    /// Curve points: the cost held by the top P% of people. A point is dropped when it rests on 7 or
    /// fewer people, or when the people between it and the last point kept, or the people below it,
    /// number 1 to 7: subtracting two published points would otherwise give a small group's cost.
    /// </summary>
    private static IEnumerable<OutputRow> CurveRows(string dimension, IReadOnlyList<CurvePoint> curve, long people, OutputContext context)
    {
        long previous = 0;
        foreach (var point in curve)
        {
            var rest = people - point.People;
            if (point.People < SmallestShown || IsSmall(point.People - previous) || IsSmall(rest))
            {
                continue;
            }

            previous = point.People;
            var count = Round(point.People);
            var pence = (long)Math.Round(point.CostPence, MidpointRounding.AwayFromZero);
            yield return new OutputRow(context.GeographyLevel, context.GeographyCode, context.Period, dimension,
                point.Percent.ToString(CultureInfo.InvariantCulture), Dimensions.All, Settings.TotalName, count, Pounds(pence), PerHead(pence, count), false);
        }
    }

    private static decimal Pounds(long pence) => pence / 100m;

    private static decimal PerHead(long pence, long roundedCount) => Math.Round(pence / 100m / roundedCount, 2, MidpointRounding.AwayFromZero);

    private static int IndexIn(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }

        throw new KeyNotFoundException(value);
    }
}
