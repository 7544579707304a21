using Portal.Segmentation.PatientLevel;

namespace Portal.Segmentation.Computation;

/// <summary>
/// Adds people one at a time into the aggregates. Nothing about a person is kept except their total
/// cost and risk score, which the concentration curves need sorted (16 bytes a person).
/// </summary>
public sealed class SegmentationAccumulator
{
    private const int Width = Settings.Count + 1;
    private readonly SegmentRules _rules;
    private readonly CellTable _segments;
    private readonly CellTable _ages = new("age_band", Bands.AgeBands);
    private readonly CellTable _imd = new("imd_decile", Bands.ImdDeciles);
    private readonly CellTable _ltc = new("ltc_band", Bands.LtcBands);
    private readonly long[] _heatPopulation = new long[Bands.AgeBands.Count * Bands.ImdDeciles.Count];
    private readonly long[] _heatMultimorbid = new long[Bands.AgeBands.Count * Bands.ImdDeciles.Count];
    private readonly long[] _linked = new long[Settings.Count];
    private long _acuteAndPrimary;
    private long _communityAndSocialCare;
    private long[] _costs;
    private double[] _risks;
    private int _people;
    private int _riskScored;

    public SegmentationAccumulator(SegmentRules rules, int expectedPeople = 1024)
    {
        _rules = rules;
        _segments = new CellTable("segment", rules.Names);
        _costs = new long[Math.Max(16, expectedPeople)];
        _risks = new double[_costs.Length];
    }

    public long People => _people;

    public void Add(in PersonRecord person)
    {
        if (_people == _costs.Length)
        {
            // Grow by half: the arrays are sized from a guess, and a file a little bigger than guessed should not double them.
            var capacity = (int)Math.Min(Array.MaxLength, _costs.Length + (long)_costs.Length / 2);
            Array.Resize(ref _costs, capacity);
            Array.Resize(ref _risks, capacity);
        }

        var total = person.TotalPence;
        _costs[_people] = total;
        _risks[_people] = person.RiskScore;
        _people++;
        if (!double.IsNaN(person.RiskScore))
        {
            _riskScored++;
        }

        var age = Bands.AgeBandOf(person.Age);
        var imd = person.ImdDecile - 1;
        AddTo(_segments, _rules.SegmentOf(person), person, total);
        AddTo(_ages, age, person, total);
        AddTo(_imd, imd, person, total);
        AddTo(_ltc, Bands.LtcBandOf(person.LtcCount), person, total);
        var heat = age * Bands.ImdDeciles.Count + imd;
        _heatPopulation[heat]++;
        if (Bands.IsMultimorbid(person.LtcCount))
        {
            _heatMultimorbid[heat]++;
        }

        for (var s = 0; s < Settings.Count; s++)
        {
            if (person.IsLinked(s))
            {
                _linked[s]++;
            }
        }

        if (person.IsLinked(Settings.Acute) && person.IsLinked(Settings.Primary))
        {
            _acuteAndPrimary++;
        }

        if (person.IsLinked(Settings.Community) && person.IsLinked(Settings.SocialCare))
        {
            _communityAndSocialCare++;
        }
    }

    /// <summary>Adds the people another accumulator (over the rest of the same file) has seen.</summary>
    public void Append(SegmentationAccumulator other)
    {
        foreach (var (mine, theirs) in new[] { (_segments, other._segments), (_ages, other._ages), (_imd, other._imd), (_ltc, other._ltc) })
        {
            for (var i = 0; i < mine.Counts.Length; i++)
            {
                mine.Counts[i] += theirs.Counts[i];
                mine.CostPence[i] += theirs.CostPence[i];
            }
        }

        for (var i = 0; i < _heatPopulation.Length; i++)
        {
            _heatPopulation[i] += other._heatPopulation[i];
            _heatMultimorbid[i] += other._heatMultimorbid[i];
        }

        for (var s = 0; s < Settings.Count; s++)
        {
            _linked[s] += other._linked[s];
        }

        _acuteAndPrimary += other._acuteAndPrimary;
        _communityAndSocialCare += other._communityAndSocialCare;
        _riskScored += other._riskScored;
        if (_people + other._people > _costs.Length)
        {
            Array.Resize(ref _costs, _people + other._people);
            Array.Resize(ref _risks, _people + other._people);
        }

        Array.Copy(other._costs, 0, _costs, _people, other._people);
        Array.Copy(other._risks, 0, _risks, _people, other._people);
        _people += other._people;
    }

    private static void AddTo(CellTable table, int value, in PersonRecord person, long total)
    {
        var at = value * Width;
        var counts = table.Counts;
        var costs = table.CostPence;
        for (var s = 0; s < Settings.Count; s++)
        {
            if (person.IsLinked(s))
            {
                counts[at + s]++;
                costs[at + s] += person.Costs[s];
            }
        }

        counts[at + Settings.Total]++;
        costs[at + Settings.Total] += total;
    }

    /// <summary>The exact aggregates. Sorts the kept costs in place, so call it once.</summary>
    public SegmentationResult Complete()
    {
        var all = new CellRow(new long[Width], new long[Width]);
        for (var v = 0; v < _segments.Values.Count; v++)
        {
            for (var s = 0; s < Width; s++)
            {
                all.Counts[s] += _segments.Counts[v * Width + s];
                all.CostPence[s] += _segments.CostPence[v * Width + s];
            }
        }

        // People with a risk score first, in both arrays, so one sort ranks them by risk and a
        // second ranks everyone by cost: the multiset of costs does not change.
        var scored = 0;
        for (var i = 0; i < _people; i++)
        {
            if (!double.IsNaN(_risks[i]))
            {
                (_risks[scored], _risks[i]) = (_risks[i], _risks[scored]);
                (_costs[scored], _costs[i]) = (_costs[i], _costs[scored]);
                scored++;
            }
        }

        var riskCurve = scored == 0 ? [] : Curves.ByRisk(_risks.AsSpan(0, scored), _costs.AsSpan(0, scored));
        _risks = [];
        var costs = _costs.AsSpan(0, _people);
        costs.Sort();
        var costCurve = Curves.ByCost(costs);
        var gini = Curves.Gini(costs);

        return new SegmentationResult
        {
            Rules = _rules,
            People = _people,
            Segments = _segments,
            AgeBands = _ages,
            ImdDeciles = _imd,
            LtcBands = _ltc,
            All = all,
            HeatPopulation = _heatPopulation,
            HeatMultimorbid = _heatMultimorbid,
            Linked = _linked,
            AcuteAndPrimaryLinked = _acuteAndPrimary,
            CommunityAndSocialCareLinked = _communityAndSocialCare,
            CostCurve = costCurve,
            RiskCurve = riskCurve,
            RiskScoredPeople = _riskScored,
            Gini = gini,
        };
    }
}
