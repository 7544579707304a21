using Portal.Segmentation.Output;

namespace Portal.Segmentation.Charts;

/// <summary>
/// The output page's charts as accessible SVG: each has a title and a description that states its
/// main finding, and the page puts a table of the same figures beside it.
/// </summary>
public static class SegmentationCharts
{
    /// <summary>NHS identity colours for the five settings, distinguishable and each 3:1 against white.</summary>
    public static IReadOnlyList<string> SettingColours { get; } = ["#005eb8", "#007f3b", "#330072", "#ae2573", "#ed8b00"];

    public static IReadOnlyList<string> SettingLabels { get; } = ["Acute", "Primary care", "Community", "Mental health", "Social care"];

    private const string Blue = "#005eb8";
    private const string DarkBlue = "#003087";

    /// <summary>Cumulative share of cost held by the top x% of people, with the line of equality and the 1, 2, 5 and 30% points marked.</summary>
    public static string Concentration(string id, string title, string rankedBy, IReadOnlyList<CurveFigure> points)
    {
        const int width = 460, height = 400, left = 60, top = 20, size = 320;
        var marked = points.Where(p => OutputFigures.MarkedPercents.Contains(p.Percent)).ToList();
        var description = points.Count == 0
            ? $"No {rankedBy} ranking could be shown."
            : $"People ranked by {rankedBy}, highest first. " + string.Join("; ", marked.Select(p => $"the top {p.Percent}% hold {Svg.Percent(p.CostSharePercent)} of the cost")) + ".";
        var svg = new Svg(id, width, height, title, description);
        double X(decimal percent) => left + (double)percent / 100 * size;
        double Y(decimal percent) => top + size - (double)percent / 100 * size;
        for (var tick = 0; tick <= 100; tick += 25)
        {
            svg.Line(X(tick), top, X(tick), top + size, Svg.Grid).Line(left, Y(tick), left + size, Y(tick), Svg.Grid)
                .Label(X(tick), top + size + 18, $"{tick}%", "middle", Svg.Muted, 12)
                .Label(left - 6, Y(tick) + 4, $"{tick}%", "end", Svg.Muted, 12);
        }

        svg.Line(X(0), Y(0), X(100), Y(100), Svg.Muted, 1.5, "6 4")
            .Label(X(62), Y(55), "Line of equality", "start", Svg.Muted, 12)
            .Label(left + size / 2.0, height - 22, $"Share of people, ranked by {rankedBy}", "middle", size: 13)
            .VerticalLabel(16, top + size / 2.0, "Share of cost");
        if (points.Count > 0)
        {
            svg.Polyline(points.Select(p => (X(p.Percent), Y(p.CostSharePercent))).Prepend((X(0), Y(0))), Blue, 3);
            var line = 0;
            foreach (var point in marked)
            {
                svg.Circle(X(point.Percent), Y(point.CostSharePercent), 5, DarkBlue)
                    .Label(X(45), Y(38) + 20 * line++, $"Top {point.Percent}%: {Svg.Percent(point.CostSharePercent)} of cost", "start", Svg.Text, 13);
            }
        }

        return svg.ToString();
    }

    /// <summary>Each segment's share of the population beside its share of the cost.</summary>
    public static string SegmentShares(string id, IReadOnlyList<SegmentShare> shares)
    {
        const int width = 640, left = 150, barArea = 400, rowHeight = 56;
        var height = 60 + rowHeight * shares.Count;
        var biggest = shares.SelectMany(s => new[] { s.PopulationSharePercent ?? 0, s.CostSharePercent ?? 0 }).DefaultIfEmpty(0).Max();
        var scale = Math.Max(10, Math.Ceiling(biggest / 10) * 10);
        var description = string.Join("; ", shares.Select(s =>
            $"{Name(s.Segment)}: {Maybe(s.PopulationSharePercent)} of people, {Maybe(s.CostSharePercent)} of cost")) + ".";
        var svg = new Svg(id, width, height, "Share of population and share of cost by segment", description);
        svg.Rect(left, 10, 14, 14, "#41b6e6").Label(left + 20, 22, "Share of people", size: 13)
            .Rect(left + 170, 10, 14, 14, DarkBlue).Label(left + 190, 22, "Share of cost", size: 13);
        double X(decimal value) => left + (double)(value / scale) * barArea;
        for (var tick = 0m; tick <= scale; tick += scale <= 60 ? 10 : 20)
        {
            svg.Line(X(tick), 36, X(tick), height - 20, Svg.Grid).Label(X(tick), height - 6, Svg.Percent(tick), "middle", Svg.Muted, 12);
        }

        for (var i = 0; i < shares.Count; i++)
        {
            var y = 40 + i * rowHeight;
            var share = shares[i];
            svg.Label(left - 8, y + 26, Name(share.Segment), "end", size: 13);
            Bar(svg, X(0), y + 4, share.PopulationSharePercent is { } p ? X(p) - X(0) : 0, 20, "#41b6e6", share.PopulationSharePercent);
            Bar(svg, X(0), y + 26, share.CostSharePercent is { } c ? X(c) - X(0) : 0, 20, DarkBlue, share.CostSharePercent);
        }

        return svg.ToString();
    }

    /// <summary>Cost per head in each setting, stacked, for each segment and everyone.</summary>
    public static string CostPerHeadBySetting(string id, IReadOnlyList<SegmentSettingCosts> segments)
    {
        const int width = 640, left = 150, barArea = 420, rowHeight = 34;
        var height = 76 + rowHeight * segments.Count;
        var sums = segments.Select(s => s.Settings.Take(Settings.Count).Sum(c => c.CostPerHeadGbp ?? 0)).ToList();
        var scale = NiceCeiling(sums.DefaultIfEmpty(0).Max());
        var description = string.Join("; ", segments.Select(s =>
            $"{Name(s.Segment)}: {(s.Settings[Settings.Total].CostPerHeadGbp is { } t ? Svg.Pounds(t) : "suppressed")} a head in all settings")) + ".";
        var svg = new Svg(id, width, height, "Cost per head by setting", description);
        for (var s = 0; s < Settings.Count; s++)
        {
            var x = 20 + s * 124;
            svg.Rect(x, 10, 14, 14, SettingColours[s]).Label(x + 20, 22, SettingLabels[s], size: 13);
        }

        double X(decimal value) => left + (double)(value / scale) * barArea;
        for (var tick = 0m; tick <= scale; tick += scale / 4)
        {
            svg.Line(X(tick), 40, X(tick), height - 30, Svg.Grid).Label(X(tick), height - 14, Svg.Pounds(tick), "middle", Svg.Muted, 12);
        }

        for (var i = 0; i < segments.Count; i++)
        {
            var y = 46 + i * rowHeight;
            svg.Label(left - 8, y + 17, Name(segments[i].Segment), "end", size: 13);
            var start = 0m;
            for (var s = 0; s < Settings.Count; s++)
            {
                if (segments[i].Settings[s].CostPerHeadGbp is { } value)
                {
                    svg.Rect(X(start), y, X(start + value) - X(start), 24, SettingColours[s], "#ffffff");
                    start += value;
                }
            }

            svg.Label(X(start) + 6, y + 17, segments[i].Settings[Settings.Total].CostPerHeadGbp is { } total ? Svg.Pounds(total) : "suppressed", size: 12);
        }

        return svg.ToString();
    }

    /// <summary>Prevalence of multimorbidity (two or more long-term conditions) by age band and IMD decile.</summary>
    public static string MultimorbidityHeatMap(string id, IReadOnlyList<MultimorbidityCell> cells)
    {
        const int left = 80, top = 56, cell = 54, cellHeight = 40;
        var ages = cells.Select(c => c.AgeBand).Distinct().ToList();
        var width = left + 10 * cell + 20;
        var height = top + ages.Count * cellHeight + 60;
        var highest = cells.Where(c => c.PrevalencePercent is not null).OrderByDescending(c => c.PrevalencePercent).FirstOrDefault();
        var description = "Share of people with two or more long-term conditions, by age band (rows) and IMD decile (columns, 1 most deprived)."
            + (highest is null ? string.Empty : $" Highest: {Svg.Percent(highest.PrevalencePercent!.Value)} at {highest.AgeBand} in decile {highest.ImdDecile}.");
        var svg = new Svg(id, width, height, "Multimorbidity by age band and deprivation", description);
        svg.Label(left + 5 * cell, 18, "IMD decile (1 = most deprived)", "middle", size: 13);
        for (var d = 1; d <= 10; d++)
        {
            svg.Label(left + (d - 0.5) * cell, top - 10, d.ToString(System.Globalization.CultureInfo.InvariantCulture), "middle", Svg.Muted, 12);
        }

        for (var a = 0; a < ages.Count; a++)
        {
            var y = top + a * cellHeight;
            svg.Label(left - 8, y + cellHeight / 2.0 + 5, ages[a], "end", size: 13);
            for (var d = 1; d <= 10; d++)
            {
                var value = cells.First(c => c.AgeBand == ages[a] && c.ImdDecile == d).PrevalencePercent;
                var x = left + (d - 1) * cell;
                var (fill, ink) = HeatColour(value);
                svg.Rect(x, y, cell, cellHeight, fill, "#ffffff")
                    .Label(x + cell / 2.0, y + cellHeight / 2.0 + 5, value is { } v ? Svg.Percent(v) : "–", "middle", ink, 12);
            }
        }

        var legendY = top + ages.Count * cellHeight + 20;
        string[] ranges = ["under 15%", "15–30%", "30–45%", "45–60%", "60%+"];
        for (var i = 0; i < ranges.Length; i++)
        {
            var x = 20 + i * 100;
            svg.Rect(x, legendY, 16, 16, HeatColour(i * 15m + 1).Fill, Svg.Grid).Label(x + 22, legendY + 13, ranges[i], size: 12);
        }

        svg.Rect(520, legendY, 16, 16, Svg.Grid).Label(542, legendY + 13, "– suppressed", size: 12);
        return svg.ToString();
    }

    /// <summary>From pale to dark blue; text dark on pale cells and white on dark ones.</summary>
    private static (string Fill, string Ink) HeatColour(decimal? percent) => percent switch
    {
        null => (Svg.Grid, Svg.Text),
        < 15 => ("#e8f1f8", Svg.Text),
        < 30 => ("#bcd5ec", Svg.Text),
        < 45 => ("#7fb0dd", Svg.Text),
        < 60 => ("#2f7cc4", "#ffffff"),
        _ => ("#003087", "#ffffff"),
    };

    private static void Bar(Svg svg, double x, double y, double width, double height, string fill, decimal? value)
    {
        svg.Rect(x, y, width, height, fill);
        svg.Label(x + width + 6, y + 15, value is { } v ? Svg.Percent(v) : "suppressed", size: 12);
    }

    private static decimal NiceCeiling(decimal value)
    {
        if (value <= 0)
        {
            return 100;
        }

        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (value <= step * magnitude)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static readonly Dictionary<string, string> KnownNames = new(StringComparer.Ordinal)
    {
        [Dimensions.All] = "Everyone",
        ["end_of_life"] = "End of life",
        ["severe_frailty"] = "Severe frailty",
        ["ltc_4_plus"] = "4 or more LTCs",
        ["ltc_1_3"] = "1 to 3 LTCs",
        ["generally_well"] = "Generally well",
    };

    /// <summary>A segment name for people: the default segments by their usual names, others with spaces for underscores.</summary>
    public static string Name(string segment) =>
        KnownNames.TryGetValue(segment, out var name) ? name : char.ToUpperInvariant(segment[0]) + segment[1..].Replace('_', ' ');

    private static string Maybe(decimal? percent) => percent is { } p ? Svg.Percent(p) : "suppressed";
}
