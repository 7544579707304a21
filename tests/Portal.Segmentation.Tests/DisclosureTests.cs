using Portal.Segmentation.Computation;
using Portal.Segmentation.Disclosure;
using Portal.Segmentation.Output;
using Portal.Segmentation.PatientLevel;

namespace Portal.Segmentation.Tests;

/// <summary>Suppression, rounding and secondary suppression, exactly, on small tables made by hand.</summary>
public sealed class DisclosureTests
{
    private static Relation Sum(int[] parts, int total) => new([.. parts.Select(p => (p, 1)), (total, -1)]);

    private static HashSet<int> Suppress(long[] counts, params Relation[] relations) =>
        SecondarySuppression.Apply(relations, [], _ => false, counts, new long[counts.Length]);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(8, 10)]
    [InlineData(10, 10)]
    [InlineData(12, 10)]
    [InlineData(13, 15)]
    [InlineData(2802, 2800)]
    [InlineData(2803, 2805)]
    public void Counts_are_rounded_to_the_nearest_5(long count, long rounded) => Assert.Equal(rounded, DisclosureControl.Round(count));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void Counts_of_1_to_7_are_small(long count, bool small) => Assert.Equal(small, DisclosureControl.IsSmall(count));

    [Fact]
    public void One_small_cell_in_a_line_takes_the_next_smallest_with_it()
    {
        // a + b + c = T with a = 3: a alone could be worked out as T − b − c.
        var suppressed = Suppress([3, 20, 50, 73], Sum([0, 1, 2], 3));

        Assert.Equal([0, 1], suppressed.Order());
    }

    [Fact]
    public void Two_small_cells_in_a_line_protect_each_other()
    {
        Assert.Equal([0, 1], Suppress([3, 4, 50, 57], Sum([0, 1, 2], 3)).Order());
    }

    [Fact]
    public void An_empty_cell_is_not_used_to_protect_a_small_one()
    {
        // Suppressing the 0 would hide nothing a reader could not guess.
        Assert.Equal([0, 2], Suppress([3, 0, 50, 53], Sum([0, 1, 2], 3)).Order());
    }

    [Fact]
    public void A_small_cell_in_a_two_way_table_is_protected_by_a_rectangle_of_inner_cells()
    {
        // x11 x12 | R1      cells 0 1 | 4
        // x21 x22 | R2            2 3 | 5
        // C1  C2  | G             6 7 | 8
        long[] counts = [3, 30, 40, 50, 33, 90, 43, 80, 123];
        Relation[] relations =
        [
            Sum([0, 1], 4), Sum([2, 3], 5), Sum([0, 2], 6), Sum([1, 3], 7), Sum([4, 5], 8), Sum([6, 7], 8),
        ];

        var suppressed = Suppress(counts, relations);

        Assert.Equal([0, 1, 2, 3], suppressed.Order());
        Assert.Empty(SecondarySuppression.Exposed(relations, [], _ => false, suppressed));
    }

    [Fact]
    public void The_audit_finds_a_cell_that_two_suppressions_in_every_line_do_not_protect()
    {
        // Two 2×2 rectangles of suppressed cells joined by one more (row 2, column 3). Every row and
        // column holds two or more suppressed cells, yet rows 1–2 minus columns 1–2 give that cell.
        var cell = new Dictionary<(int Row, int Column), int>();
        for (var r = 1; r <= 4; r++)
        {
            for (var c = 1; c <= 4; c++)
            {
                cell[(r, c)] = cell.Count;
            }
        }

        var relations = new List<Relation>();
        for (var i = 1; i <= 4; i++)
        {
            relations.Add(Sum([.. Enumerable.Range(1, 4).Select(c => cell[(i, c)])], 16 + i));
            relations.Add(Sum([.. Enumerable.Range(1, 4).Select(r => cell[(r, i)])], 20 + i));
        }

        var suppressed = new HashSet<int> { cell[(1, 1)], cell[(1, 2)], cell[(2, 1)], cell[(2, 2)], cell[(3, 3)], cell[(3, 4)], cell[(4, 3)], cell[(4, 4)], cell[(2, 3)] };

        Assert.Equal([cell[(2, 3)]], LinearAudit.Recoverable(relations, suppressed));
    }

    [Fact]
    public void Means_rest_on_8_or_more_people_and_are_divided_by_the_rounded_count()
    {
        // 12 older people at £100 each, 200 younger at £50: the older row shows 10 people, £1,200, £120 a head.
        var rules = SegmentRules.Parse("older: age_years >= 65; younger: otherwise");
        var accumulator = new SegmentationAccumulator(rules);
        for (var i = 0; i < 212; i++)
        {
            var person = new PersonRecord { Age = i < 12 ? 70 : 30, ImdDecile = 1 + i % 10, LtcCount = 0, RiskScore = double.NaN, LinkedMask = 0b11111 };
            person.Costs[Settings.Primary] = i < 12 ? 100_00 : 50_00;
            accumulator.Add(person);
        }

        var output = DisclosureControl.Protect(accumulator.Complete(), new OutputContext());
        var older = output.Find(Dimensions.Segment, "older", "older", Settings.TotalName)!;

        Assert.Equal((10L, 1200m, 120m, false), (older.PopulationCount!.Value, older.TotalCostGbp!.Value, older.CostPerHeadGbp!.Value, older.Suppressed));
        Assert.Equal(0L, output.Find(Dimensions.Segment, "older", "older", "acute")!.PopulationCount is { } c ? c % 5 : -1);
    }

    [Fact]
    public async Task A_small_population_comes_out_with_nothing_small_and_nothing_recoverable()
    {
        var file = Synthetic.PopulationGenerator.Generate(300, seed: 5);
        using var stream = new MemoryStream(file);
        var raw = (await PatientLevelReader.ReadAsync(stream, new PatientLevelOptions())).Result!;

        var output = DisclosureControl.Protect(raw, new OutputContext());

        Assert.Contains(output.Rows, r => r.Suppressed);
        Assert.All(output.Rows, r =>
        {
            Assert.True(r.Suppressed ? r.PopulationCount is null && r.TotalCostGbp is null && r.CostPerHeadGbp is null : r.PopulationCount is not null);
            Assert.True(r.PopulationCount is null or 0 or >= 10, $"{r} shows a small count");
            Assert.Equal(0, (r.PopulationCount ?? 0) % 5);
            Assert.True(r.CostPerHeadGbp is null || r.PopulationCount >= 10);
        });
        var layout = new OutputLayout(raw.Rules.Names);
        var suppressed = output.Rows.Select((r, i) => (r, i)).Where(x => x.r.Suppressed).Select(x => x.i).ToHashSet();
        Assert.Empty(DisclosureControl.Exposed(layout, suppressed));
    }

    [Fact]
    public async Task Curve_points_on_7_or_fewer_people_are_dropped()
    {
        // 500 people: the top 1% is 5 people, dropped; the top 2% is 10, but only 5 more than the
        // top 1%... which was dropped, so it stands on its own 10.
        var file = Synthetic.PopulationGenerator.Generate(500, seed: 9);
        using var stream = new MemoryStream(file);
        var raw = (await PatientLevelReader.ReadAsync(stream, new PatientLevelOptions())).Result!;

        var output = DisclosureControl.Protect(raw, new OutputContext());
        var points = output.OfDimension(Dimensions.CostPercentile).Select(r => r.DimensionValue).ToList();

        Assert.Equal(["2", "5", "10", "20", "30", "50", "100"], points);
        Assert.Equal(10, output.Find(Dimensions.CostPercentile, "2", Dimensions.All, Settings.TotalName)!.PopulationCount);
    }

    [Fact]
    public void The_rule_applied_is_recorded_in_the_header()
    {
        var text = OutputWriter.ToCsv(new ProtectedOutput(new OutputHeader("a: ltc_count >= 1; b: otherwise", DisclosureControl.Rule, [], 0.5m, false, "test"), []));

        Assert.Contains("# disclosure_control: sdc/1: counts of 1 to 7 suppressed", text, StringComparison.Ordinal);
        Assert.Contains("# rule: a: ltc_count >= 1; b: otherwise", text, StringComparison.Ordinal);
    }
}
