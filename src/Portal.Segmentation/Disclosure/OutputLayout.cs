using Portal.Segmentation.Output;

namespace Portal.Segmentation.Disclosure;

/// <summary>
/// Every cell the output's tables publish, and the additive relations between them (a table's
/// parts add up to its total). Disclosure control and the portal's check of an upload both use it,
/// so they agree on what "recovered from its totals" means.
/// </summary>
public sealed class OutputLayout
{
    private readonly List<CellKey> _cells = [];
    private readonly Dictionary<CellKey, int> _index = [];
    private readonly List<Relation> _countRelations = [];
    private readonly List<Relation> _costRelations = [];

    public OutputLayout(IReadOnlyList<string> segments)
    {
        Segments = segments;
        var settings = Settings.NamesWithTotal;
        var segmentValues = segments.Append(Dimensions.All).ToList();
        foreach (var value in segmentValues)
        {
            foreach (var setting in settings)
            {
                Add(new CellKey(Dimensions.Segment, value, value, setting, HasCost: true));
            }
        }

        foreach (var (dimension, values) in BandTables)
        {
            foreach (var value in values)
            {
                foreach (var setting in settings)
                {
                    Add(new CellKey(dimension, value, Dimensions.All, setting, HasCost: true));
                }
            }
        }

        foreach (var age in Bands.AgeBands)
        {
            foreach (var imd in Bands.ImdDeciles)
            {
                foreach (var group in HeatGroups)
                {
                    Add(new CellKey(Dimensions.AgeBandByImdDecile, Dimensions.HeatValue(age, imd), group, Settings.TotalName, HasCost: false));
                }
            }
        }

        // Each table's rows add up to the everyone row, setting by setting: counts and costs.
        foreach (var setting in settings)
        {
            var all = IndexOf(Dimensions.Segment, Dimensions.All, Dimensions.All, setting);
            var bySegment = Sum(segments.Select(s => IndexOf(Dimensions.Segment, s, s, setting)), all);
            _countRelations.Add(bySegment);
            _costRelations.Add(bySegment);
            foreach (var (dimension, values) in BandTables)
            {
                var relation = Sum(values.Select(v => IndexOf(dimension, v, Dimensions.All, setting)), all);
                _countRelations.Add(relation);
                _costRelations.Add(relation);
            }
        }

        // Within a row, the five settings' costs add up to the total (counts do not: they are people linked).
        foreach (var key in _cells.Where(c => c.HasCost && c.Setting == Settings.TotalName).ToList())
        {
            _costRelations.Add(Sum(Settings.Names.Select(s => IndexOf(key.Dimension, key.Value, key.Segment, s)), IndexOf(key)));
        }

        // The heat map: each cell splits into multimorbid and not; its rows and columns add up to the
        // age band and IMD decile totals; its multimorbid people are the LTC bands 2-3 and 4+.
        foreach (var age in Bands.AgeBands)
        {
            foreach (var imd in Bands.ImdDeciles)
            {
                var value = Dimensions.HeatValue(age, imd);
                _countRelations.Add(Sum(
                    [Heat(value, Dimensions.Multimorbid), Heat(value, Dimensions.NotMultimorbid)], Heat(value, Dimensions.All)));
            }
        }

        foreach (var age in Bands.AgeBands)
        {
            _countRelations.Add(Sum(Bands.ImdDeciles.Select(d => Heat(Dimensions.HeatValue(age, d), Dimensions.All)),
                IndexOf(Dimensions.AgeBand, age, Dimensions.All, Settings.TotalName)));
        }

        foreach (var imd in Bands.ImdDeciles)
        {
            _countRelations.Add(Sum(Bands.AgeBands.Select(a => Heat(Dimensions.HeatValue(a, imd), Dimensions.All)),
                IndexOf(Dimensions.ImdDecile, imd, Dimensions.All, Settings.TotalName)));
        }

        var heatValues = Bands.AgeBands.SelectMany(a => Bands.ImdDeciles.Select(d => Dimensions.HeatValue(a, d))).ToList();
        _countRelations.Add(Sum(heatValues.Select(v => Heat(v, Dimensions.Multimorbid)),
            [IndexOf(Dimensions.LtcBand, "2-3", Dimensions.All, Settings.TotalName), IndexOf(Dimensions.LtcBand, "4+", Dimensions.All, Settings.TotalName)]));
        _countRelations.Add(Sum(heatValues.Select(v => Heat(v, Dimensions.NotMultimorbid)),
            [IndexOf(Dimensions.LtcBand, "0", Dimensions.All, Settings.TotalName), IndexOf(Dimensions.LtcBand, "1", Dimensions.All, Settings.TotalName)]));
    }

    public static IReadOnlyList<(string Dimension, IReadOnlyList<string> Values)> BandTables { get; } =
    [
        (Dimensions.AgeBand, Bands.AgeBands),
        (Dimensions.ImdDecile, Bands.ImdDeciles),
        (Dimensions.LtcBand, Bands.LtcBands),
    ];

    public static IReadOnlyList<string> HeatGroups { get; } = [Dimensions.All, Dimensions.Multimorbid, Dimensions.NotMultimorbid];

    public IReadOnlyList<string> Segments { get; }

    /// <summary>The cells in output order.</summary>
    public IReadOnlyList<CellKey> Cells => _cells;

    /// <summary>Relations between counts: the parts (+1) and the total (−1) sum to zero.</summary>
    public IReadOnlyList<Relation> CountRelations => _countRelations;

    /// <summary>Relations between costs, among cells that publish a cost.</summary>
    public IReadOnlyList<Relation> CostRelations => _costRelations;

    public int IndexOf(string dimension, string value, string segment, string setting) =>
        _index.TryGetValue(new CellKey(dimension, value, segment, setting, dimension != Dimensions.AgeBandByImdDecile), out var i) ? i : -1;

    public int IndexOf(CellKey key) => _index[key];

    private int Heat(string value, string group) => IndexOf(Dimensions.AgeBandByImdDecile, value, group, Settings.TotalName);

    private void Add(CellKey key)
    {
        _index[key] = _cells.Count;
        _cells.Add(key);
    }

    private static Relation Sum(IEnumerable<int> parts, int total) => Sum(parts, [total]);

    private static Relation Sum(IEnumerable<int> parts, IEnumerable<int> totals) =>
        new([.. parts.Select(p => (p, 1)), .. totals.Select(t => (t, -1))]);
}

/// <summary>One published cell.</summary>
public sealed record CellKey(string Dimension, string Value, string Segment, string Setting, bool HasCost);

/// <summary>A linear relation Σ coefficient × cell = 0 between published cells.</summary>
public sealed record Relation(IReadOnlyList<(int Cell, int Coefficient)> Terms);
