using System.Text;
using Portal.Segmentation.Output;
using Portal.Segmentation.Tool;

namespace Portal.Segmentation.Tests;

/// <summary>The command-line tool: exit codes, errors with rows and columns, and nothing written on failure.</summary>
public sealed class ToolTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("portal-test-segment-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await ToolCommands.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Generate_then_segment_writes_a_protected_output_the_portal_accepts()
    {
        var (generated, _, _) = await RunAsync("generate", "--people", "3000", "--seed", "42", "--out", PathOf("people.csv"));

        var (exit, _, err) = await RunAsync("segment", PathOf("people.csv"), "--out", PathOf("output.csv"),
            "--geography-level", "System", "--geography-code", "E54000050", "--period", "2024-25");

        Assert.Equal((ToolCommands.Ok, ToolCommands.Ok), (generated, exit));
        Assert.Contains("3,000 people", err, StringComparison.Ordinal);
        var outcome = await OutputReader.ReadAsync(await File.ReadAllTextAsync(PathOf("output.csv")));
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors));
        Assert.Equal(("E54000050", "2024-25"), (outcome.Output!.GeographyCode, outcome.Output.Period));
    }

    [Fact]
    public async Task Bad_input_exits_2_names_rows_and_columns_and_writes_nothing()
    {
        var text = new StringBuilder(PatientFiles.File(PatientFiles.Row(age: "130"), PatientFiles.Row(token: "b", imd: "0")));
        await File.WriteAllTextAsync(PathOf("people.csv"), text.ToString());

        var (exit, _, err) = await RunAsync("segment", PathOf("people.csv"), "--out", PathOf("output.csv"), "--quiet");

        Assert.Equal(ToolCommands.BadInput, exit);
        Assert.Contains("row 2, column age_years", err, StringComparison.Ordinal);
        Assert.Contains("row 3, column imd_decile", err, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", err, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("output.csv")));
        Assert.False(File.Exists(PathOf("output.csv.partial")));
    }

    [Theory]
    [InlineData("segment")]
    [InlineData("segment", "people.csv")]
    [InlineData("segment", "people.csv", "--out", "o.csv", "--colour", "blue")]
    [InlineData("segment", "people.csv", "--out", "o.csv", "--period", "=cmd")]
    [InlineData("segment", "people.csv", "--out", "o.csv", "--rules", "a: otherwise")]
    [InlineData("generate", "--people", "many", "--seed", "1", "--out", "p.csv")]
    [InlineData("launch")]
    public async Task Bad_arguments_exit_2_with_a_reason(params string[] args)
    {
        var (exit, _, err) = await RunAsync(args);

        Assert.Equal(ToolCommands.BadInput, exit);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_input_file_exits_2()
    {
        var (exit, _, err) = await RunAsync("segment", PathOf("nowhere.csv"), "--out", PathOf("o.csv"));

        Assert.Equal(ToolCommands.BadInput, exit);
        Assert.Contains("does not exist", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_that_cannot_be_written_exits_1()
    {
        await RunAsync("generate", "--people", "100", "--seed", "1", "--out", PathOf("people.csv"));

        var (exit, _, _) = await RunAsync("segment", PathOf("people.csv"), "--out", PathOf("no-such-folder/output.csv"), "--quiet");

        Assert.Equal(ToolCommands.Failed, exit);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_file()
    {
        await RunAsync("generate", "--people", "500", "--seed", "7", "--out", PathOf("a.csv"));
        await RunAsync("generate", "--people", "500", "--seed", "7", "--out", PathOf("b.csv"));

        Assert.Equal(await File.ReadAllBytesAsync(PathOf("a.csv")), await File.ReadAllBytesAsync(PathOf("b.csv")));
    }
}
