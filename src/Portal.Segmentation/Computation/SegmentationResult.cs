namespace Portal.Segmentation.Computation;

/// <summary>
/// Exact aggregates before disclosure control. They never leave the process that computed them:
/// only <see cref="Disclosure.DisclosureControl"/>'s protected output is written or stored.
/// </summary>
public sealed class SegmentationResult
{
    public required SegmentRules Rules { get; init; }

    public required long People { get; init; }

    /// <summary>Segment × setting, with the segment names as values.</summary>
    public required CellTable Segments { get; init; }

    public required CellTable AgeBands { get; init; }

    public required CellTable ImdDeciles { get; init; }

    public required CellTable LtcBands { get; init; }

    /// <summary>Everyone × setting: the totals of every table above.</summary>
    public required CellRow All { get; init; }

    /// <summary>People in each age band × IMD decile cell, index age × 10 + decile − 1.</summary>
    public required long[] HeatPopulation { get; init; }

    /// <summary>People with two or more long-term conditions in each age band × IMD decile cell.</summary>
    public required long[] HeatMultimorbid { get; init; }

    /// <summary>People whose source for each setting is linked.</summary>
    public required long[] Linked { get; init; }

    public required long AcuteAndPrimaryLinked { get; init; }

    public required long CommunityAndSocialCareLinked { get; init; }

    public required IReadOnlyList<CurvePoint> CostCurve { get; init; }

    /// <summary>The same shares for people ranked by risk score; empty when nobody has one.</summary>
    public required IReadOnlyList<CurvePoint> RiskCurve { get; init; }

    public required long RiskScoredPeople { get; init; }

    /// <summary>Gini coefficient of total cost per person.</summary>
    public required double Gini { get; init; }

    /// <summary>True when fewer than 95% of people have community and social care linked.</summary>
    public bool Partial => People > 0 && CommunityAndSocialCareLinked < Thresholds.LinkedShare * People;
}

public static class Thresholds
{
    /// <summary>95%: below it acute and primary care linkage refuses the input, community and social care makes it "partial".</summary>
    public const double LinkedShare = 0.95;

    /// <summary>The cumulative shares published: the top 1, 2, 5, 10, 20, 30 and 50% of people, and everyone.</summary>
    public static IReadOnlyList<int> CurvePercents { get; } = [1, 2, 5, 10, 20, 30, 50, 100];
}

/// <summary>Counts and costs of one breakdown by the five settings and their total.</summary>
public sealed class CellTable(string dimension, IReadOnlyList<string> values)
{
    public string Dimension { get; } = dimension;

    public IReadOnlyList<string> Values { get; } = values;

    /// <summary>[value × 6 + setting]: people in the group with the setting's source linked (all of them for "total").</summary>
    public long[] Counts { get; } = new long[values.Count * (Settings.Count + 1)];

    /// <summary>[value × 6 + setting]: cost in pence.</summary>
    public long[] CostPence { get; } = new long[values.Count * (Settings.Count + 1)];

    public CellRow Row(int value) => new(Counts.AsSpan(value * 6, 6).ToArray(), CostPence.AsSpan(value * 6, 6).ToArray());
}

/// <summary>Counts and costs by the five settings and their total.</summary>
public sealed record CellRow(long[] Counts, long[] CostPence);

/// <summary>
/// The people at the top of a ranking and the cost they hold. <see cref="CostPence"/> can hold a
/// fraction of a tied group's cost when the cut falls inside people with equal risk scores.
/// </summary>
public sealed record CurvePoint(int Percent, long People, double CostPence);
