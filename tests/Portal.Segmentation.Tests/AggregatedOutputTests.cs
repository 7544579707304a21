using Portal.Segmentation.Disclosure;
using Portal.Segmentation.Output;
using Portal.Segmentation.PatientLevel;
using Portal.Segmentation.Synthetic;

namespace Portal.Segmentation.Tests;

/// <summary>The aggregated output read back as the portal reads an upload: what the tool writes passes, nothing else does.</summary>
public sealed class AggregatedOutputTests
{
    private static readonly Lazy<string> Small = new(() => Write(400, 3));

    private static string Write(int people, ulong seed)
    {
        using var stream = new MemoryStream(PopulationGenerator.Generate(people, seed));
        var raw = PatientLevelReader.ReadAsync(stream, new PatientLevelOptions()).GetAwaiter().GetResult().Result!;
        return OutputWriter.ToCsv(DisclosureControl.Protect(raw, new OutputContext("System", "E54000050", "2024-25", "test")));
    }

    private static string Replace(string csv, Func<string, bool> which, Func<string[], string[]> change)
    {
        var lines = csv.Split('\n');
        var index = Array.FindIndex(lines, l => !l.StartsWith('#') && !l.StartsWith("geography_level", StringComparison.Ordinal) && which(l));
        Assert.True(index >= 0, "no such line");
        lines[index] = string.Join(',', change(lines[index].Split(',')));
        return string.Join('\n', lines);
    }

    private static async Task<InputError> RefusedAsync(string csv)
    {
        var outcome = await OutputReader.ReadAsync(csv);
        Assert.False(outcome.Succeeded, "the upload was accepted");
        return outcome.Errors[0];
    }

    [Fact]
    public async Task What_the_tool_writes_reads_back_unchanged()
    {
        var outcome = await OutputReader.ReadAsync(Small.Value);

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors));
        Assert.Equal(Small.Value, OutputWriter.ToCsv(outcome.Output!));
        Assert.Contains(outcome.Output!.Rows, r => r.Suppressed);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    public async Task A_count_of_1_to_7_is_refused(long count)
    {
        var csv = Replace(Small.Value, l => l.EndsWith(",false", StringComparison.Ordinal) && l.Contains(",segment,", StringComparison.Ordinal),
            f => [.. f[..7], count.ToString(System.Globalization.CultureInfo.InvariantCulture), "300.00", (300m / count).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), "false"]);

        var error = await RefusedAsync(csv);

        Assert.Equal("population_count", error.Column);
        Assert.Contains($"a count of {count} must never be published", error.Message, StringComparison.Ordinal);
        Assert.True(error.Row > 8, "the row is named by its line in the file");
    }

    [Fact]
    public async Task An_unrounded_count_is_refused()
    {
        var csv = Replace(Small.Value, l => l.Contains(",segment,all,all,total,", StringComparison.Ordinal), f => [.. f[..7], "403", f[8], "1.00", f[10]]);

        var error = await RefusedAsync(csv);

        Assert.Contains("403 is not rounded to the nearest 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_count_of_5_is_refused_because_it_can_only_come_from_a_small_count()
    {
        var csv = Replace(Small.Value, l => l.Contains(",segment,all,all,total,", StringComparison.Ordinal), f => [.. f[..7], "5", "100.00", "20.00", f[10]]);

        Assert.Contains("count of 5", (await RefusedAsync(csv)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_columns_are_refused()
    {
        var csv = Small.Value.Replace("cost_per_head_gbp,", "mean_cost,", StringComparison.Ordinal);

        var outcome = await OutputReader.ReadAsync(csv);

        Assert.Contains(outcome.Errors, e => e.Column == "cost_per_head_gbp" && e.Message.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(outcome.Errors, e => e.Column == "mean_cost");
    }

    [Fact]
    public async Task A_patient_level_file_is_not_an_aggregated_output()
    {
        var error = await RefusedAsync(System.Text.Encoding.UTF8.GetString(PopulationGenerator.Generate(20, 1)));

        Assert.Contains("no '#' header lines", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_cell_is_refused()
    {
        var lines = Small.Value.Split('\n').Where(l => !l.Contains(",imd_decile,7,all,community,", StringComparison.Ordinal));

        var error = await RefusedAsync(string.Join('\n', lines));

        Assert.Contains("1 cell(s) are missing, for example imd_decile 7 all community", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suppressed_cell_left_recoverable_from_its_totals_is_refused()
    {
        // Publish one of the cells secondary suppression hid: the small cell beside it can then be worked out.
        var outcome = await OutputReader.ReadAsync(Small.Value);
        var rows = outcome.Output!.Rows.ToList();
        var layout = new OutputLayout(outcome.Output.Segments);
        var secondary = rows.FindIndex(r => r.Suppressed && r.Dimension == Dimensions.Segment);
        var changed = rows.Select((r, i) => i == secondary ? r with { Suppressed = false, PopulationCount = 50, TotalCostGbp = 500m, CostPerHeadGbp = 10m } : r).ToList();
        Assert.NotEmpty(DisclosureControl.Exposed(layout, changed.Select((r, i) => (r, i)).Where(x => x.r.Suppressed).Select(x => x.i).ToHashSet()));

        var error = await RefusedAsync(OutputWriter.ToCsv(new ProtectedOutput(outcome.Output.Header, changed)));

        Assert.Contains("can be worked out from its totals", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cost_per_head_that_does_not_follow_from_the_row_is_refused()
    {
        var csv = Replace(Small.Value, l => l.Contains(",segment,all,all,total,", StringComparison.Ordinal), f => [.. f[..9], "1.00", f[10]]);

        Assert.Equal("cost_per_head_gbp", (await RefusedAsync(csv)).Column);
    }

    [Fact]
    public async Task A_formula_in_a_text_cell_is_refused()
    {
        var csv = Small.Value.Replace(",E54000050,", ",=E54000050,", StringComparison.Ordinal);

        Assert.Contains("formula", (await RefusedAsync(csv)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_byte_order_mark_is_refused()
    {
        Assert.Contains("byte-order mark", (await RefusedAsync("\uFEFF" + Small.Value)).Message, StringComparison.Ordinal);
    }
}
