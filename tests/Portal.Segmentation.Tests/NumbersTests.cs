using System.Text;
using Portal.Segmentation.Computation;
using Portal.Segmentation.Disclosure;
using Portal.Segmentation.Output;
using Portal.Segmentation.PatientLevel;
using Portal.Segmentation.Synthetic;

namespace Portal.Segmentation.Tests;

/// <summary>The numbers on generated files, against ground truth worked out independently in the test.</summary>
public sealed class NumbersTests
{
    private const int People = 4000;
    private static readonly Lazy<byte[]> File = new(() => PopulationGenerator.Generate(People, seed: 20261122));
    private static readonly Lazy<List<ReferencePerson>> Truth = new(() => ReferencePeople());
    private static readonly Lazy<SegmentationResult> Result = new(() => Compute(File.Value));

    private static List<ReferencePerson> ReferencePeople() => ReferencePerson.Parse(File.Value);

    private static SegmentationResult Compute(byte[] file)
    {
        using var stream = new MemoryStream(file);
        var outcome = PatientLevelReader.ReadAsync(stream, new PatientLevelOptions()).GetAwaiter().GetResult();
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors));
        return outcome.Result!;
    }

    private static long Pence(decimal pounds) => (long)(pounds * 100);

    [Fact]
    public void Segments_are_exclusive_and_cover_everyone()
    {
        var result = Result.Value;
        var truth = Truth.Value;

        var counted = Enumerable.Range(0, result.Segments.Values.Count).Sum(s => result.Segments.Counts[s * 6 + Settings.Total]);

        Assert.Equal(People, result.People);
        Assert.Equal(People, counted);
        for (var s = 0; s < result.Segments.Values.Count; s++)
        {
            var name = result.Segments.Values[s];
            Assert.Equal(truth.Count(p => p.Segment == name), result.Segments.Counts[s * 6 + Settings.Total]);
        }
    }

    [Fact]
    public void Costs_reconcile_across_segment_setting_and_total()
    {
        var result = Result.Value;
        var truth = Truth.Value;

        foreach (var table in new[] { result.Segments, result.AgeBands, result.ImdDeciles, result.LtcBands })
        {
            for (var setting = 0; setting <= Settings.Total; setting++)
            {
                var sum = Enumerable.Range(0, table.Values.Count).Sum(v => table.CostPence[v * 6 + setting]);
                Assert.Equal(result.All.CostPence[setting], sum);
            }

            for (var v = 0; v < table.Values.Count; v++)
            {
                Assert.Equal(table.CostPence[v * 6 + Settings.Total], Enumerable.Range(0, Settings.Count).Sum(s => table.CostPence[v * 6 + s]));
            }
        }

        Assert.Equal(Pence(truth.Sum(p => p.Total)), result.All.CostPence[Settings.Total]);
        for (var setting = 0; setting < Settings.Count; setting++)
        {
            Assert.Equal(Pence(truth.Sum(p => p.Settings[setting] ?? 0)), result.All.CostPence[setting]);
            Assert.Equal(truth.Count(p => p.Settings[setting] is not null), result.All.Counts[setting]);
        }

        var endOfLife = result.Segments.Values.ToList().IndexOf("end_of_life");
        Assert.Equal(Pence(truth.Where(p => p.Died).Sum(p => p.Settings[Settings.SocialCare] ?? 0)), result.Segments.CostPence[endOfLife * 6 + Settings.SocialCare]);
    }

    [Fact]
    public void Cost_curve_shares_and_Gini_match_an_independent_calculation()
    {
        var result = Result.Value;
        var truth = Truth.Value;
        var total = (double)result.All.CostPence[Settings.Total];

        foreach (var point in result.CostCurve)
        {
            Assert.Equal(ReferencePerson.TopShareByCost(truth, point.Percent), point.CostPence / total, precision: 9);
        }

        Assert.Equal(ReferencePerson.Gini(truth), result.Gini, precision: 9);
    }

    [Fact]
    public void Risk_curve_shares_match_an_independent_calculation_with_ties_shared()
    {
        var result = Result.Value;
        var truth = Truth.Value;
        var scoredCost = (double)truth.Where(p => p.Risk is not null).Sum(p => p.Total) * 100;

        Assert.True(truth.Where(p => p.Risk is not null).GroupBy(p => p.Risk).Any(g => g.Count() > 1), "the file has tied risk scores");
        Assert.Equal(truth.Count(p => p.Risk is not null), result.RiskScoredPeople);
        foreach (var point in result.RiskCurve)
        {
            Assert.Equal(ReferencePerson.TopShareByRisk(truth, point.Percent), point.CostPence / scoredCost, precision: 9);
        }
    }

    [Fact]
    public void Multimorbidity_by_age_band_and_imd_decile_matches_the_people()
    {
        var result = Result.Value;
        var truth = Truth.Value;

        for (var a = 0; a < Bands.AgeBands.Count; a++)
        {
            for (var d = 1; d <= 10; d++)
            {
                var cell = truth.Where(p => p.AgeBand == Bands.AgeBands[a] && p.Imd == d).ToList();
                Assert.Equal(cell.Count, result.HeatPopulation[a * 10 + d - 1]);
                Assert.Equal(cell.Count(p => p.Ltc >= 2), result.HeatMultimorbid[a * 10 + d - 1]);
            }
        }
    }

    [Fact]
    public void The_generator_gives_the_shape_it_promises()
    {
        var truth = Truth.Value;
        double Share(Func<ReferencePerson, bool> of, Func<ReferencePerson, bool> among) => truth.Where(among).Count(of) / (double)truth.Count(among);
        bool Multimorbid(ReferencePerson p) => p.Ltc >= 2;

        Assert.InRange(Share(p => p.Died, _ => true), 0.005, 0.02);
        Assert.True(Share(Multimorbid, p => p.Age >= 85) > Share(Multimorbid, p => p.Age is >= 65 and < 75));
        Assert.True(Share(Multimorbid, p => p.Age is >= 65 and < 75) > Share(Multimorbid, p => p.Age is >= 45 and < 65));
        Assert.True(Share(Multimorbid, p => p.Age >= 45 && p.Imd <= 2) > Share(Multimorbid, p => p.Age >= 45 && p.Imd >= 9));
        Assert.True(Share(p => p.Age >= 65 || p.Frailty != "none", p => p.Settings[Settings.SocialCare] > 0) > 0.7);
        Assert.True(ReferencePerson.TopShareByCost(truth, 5) > 0.4, "costs are heavily skewed");
        var deathsCost = truth.Where(p => p.Died).Average(p => p.Total);
        Assert.True(deathsCost > 5 * truth.Average(p => p.Total), "deaths carry high cost");
        var byRisk = ReferencePerson.TopShareByRisk(truth, 2);
        Assert.InRange(byRisk, 0.04, ReferencePerson.TopShareByCost(truth, 2));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_file_and_the_same_output()
    {
        var again = PopulationGenerator.Generate(People, seed: 20261122);
        var other = PopulationGenerator.Generate(People, seed: 20261123);

        Assert.Equal(File.Value, again);
        Assert.NotEqual(File.Value, other);
        var first = OutputWriter.ToCsv(DisclosureControl.Protect(Compute(File.Value), new OutputContext()));
        var second = OutputWriter.ToCsv(DisclosureControl.Protect(Compute(again), new OutputContext()));
        Assert.Equal(first, second);
        Assert.True((await OutputReader.ReadAsync(first)).Succeeded);
    }

    [Fact]
    public async Task A_file_can_be_read_from_a_stream_that_cannot_seek_in_small_pieces()
    {
        using var trickle = new TrickleStream(File.Value, 7);

        var outcome = await PatientLevelReader.ReadAsync(trickle, new PatientLevelOptions());

        Assert.Equal(Result.Value.Gini, outcome.Result!.Gini);
        Assert.Equal(Result.Value.All.CostPence, outcome.Result.All.CostPence);
    }

    [Fact]
    public async Task A_rule_hierarchy_of_ones_own_is_applied_in_order()
    {
        var rules = SegmentRules.Parse("frail_old: age_years >= 75 and frailty_band in (moderate, severe); deprived: imd_decile <= 2; everyone_else: otherwise");
        using var stream = new MemoryStream(File.Value);
        var result = (await PatientLevelReader.ReadAsync(stream, new PatientLevelOptions { Rules = rules })).Result!;
        var truth = Truth.Value;

        var frailOld = truth.Count(p => p.Age >= 75 && p.Frailty is "moderate" or "severe");
        var deprived = truth.Count(p => !(p.Age >= 75 && p.Frailty is "moderate" or "severe") && p.Imd <= 2);

        Assert.Equal(["frail_old", "deprived", "everyone_else"], result.Segments.Values);
        Assert.Equal(frailOld, result.Segments.Counts[Settings.Total]);
        Assert.Equal(deprived, result.Segments.Counts[6 + Settings.Total]);
        Assert.Equal(People - frailOld - deprived, result.Segments.Counts[12 + Settings.Total]);
        Assert.Equal(rules.Text, DisclosureControl.Protect(result, new OutputContext()).Header.Rule);
    }

    [Theory]
    [InlineData("only: otherwise", "at least two")]
    [InlineData("a: ltc_count >= 1; b: ltc_count >= 4", "must be 'otherwise'")]
    [InlineData("a: otherwise; b: otherwise", "Only the last")]
    [InlineData("a: shoe_size >= 4; b: otherwise", "not a column")]
    [InlineData("all: ltc_count >= 4; b: otherwise", "reserved")]
    [InlineData("a: frailty_band >= mild; b: otherwise", "frailty_band takes")]
    public void A_rule_hierarchy_that_cannot_work_is_refused(string text, string reason)
    {
        Assert.False(SegmentRules.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    /// <summary>A network-like stream: no seeking, a few bytes a read.</summary>
    private sealed class TrickleStream(byte[] bytes, int piece) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(piece, buffer.Length)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(piece, buffer.Length)], cancellationToken);
    }
}

/// <summary>A large file is read as two halves at once; the result, and every error, must be the same as one pass.</summary>
public sealed class TwoHalvesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("portal-test-halves-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly PatientLevelOptions SplitEverything = new() { SplitFilesFrom = 0 };

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static SegmentationResult OnePass(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return PatientLevelReader.Read(stream, new PatientLevelOptions()).Result!;
    }

    [Fact]
    public void Two_halves_give_exactly_what_one_pass_gives()
    {
        var bytes = PopulationGenerator.Generate(3000, seed: 99);

        var halves = PatientLevelReader.ReadFile(Write(bytes), SplitEverything).Result!;
        var whole = OnePass(bytes);

        Assert.Equal(OutputWriter.ToCsv(DisclosureControl.Protect(whole, new OutputContext())), OutputWriter.ToCsv(DisclosureControl.Protect(halves, new OutputContext())));
        Assert.Equal(whole.Gini, halves.Gini);
        Assert.Equal(whole.People, halves.People);
    }

    [Fact]
    public void A_token_repeated_across_the_halves_is_reported_at_its_true_row()
    {
        var lines = Encoding.UTF8.GetString(PopulationGenerator.Generate(3000, seed: 98)).TrimEnd('\n').Split('\n');
        lines[2900] = lines[10]; // row 2901 repeats row 11

        var outcome = PatientLevelReader.ReadFile(Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")), SplitEverything);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal((2901L, "person_token"), (error.Row!.Value, error.Column!));
    }

    [Fact]
    public void A_bad_row_in_the_second_half_is_reported_at_its_true_row()
    {
        var lines = Encoding.UTF8.GetString(PopulationGenerator.Generate(3000, seed: 97)).TrimEnd('\n').Split('\n');
        var fields = lines[2500].Split(',');
        fields[3] = "11";
        lines[2500] = string.Join(',', fields);

        var outcome = PatientLevelReader.ReadFile(Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")), SplitEverything);

        Assert.Equal((2501L, "imd_decile"), (Assert.Single(outcome.Errors).Row!.Value, outcome.Errors[0].Column!));
    }
}
