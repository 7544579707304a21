using System.Diagnostics;
using System.Globalization;
using Portal.Segmentation.Computation;
using Portal.Segmentation.Disclosure;
using Portal.Segmentation.Output;
using Portal.Segmentation.PatientLevel;
using Portal.Segmentation.Synthetic;

namespace Portal.Segmentation.Tool;

/// <summary>The tool's two commands. Exit codes: 0 done, 2 bad input or arguments (each problem printed), 1 anything else.</summary>
public static class ToolCommands
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public const string Usage = """
        stem-segment: population segmentation with disclosure control, run where the data lives.

        stem-segment segment <people.csv> --out <output.csv> [--geography-level <level>] [--geography-code <code>]
                             [--period <period>] [--rules "<rules>"] [--quiet]
            Reads the patient-level file in one pass and writes only the protected aggregated output.
            Nothing is written when the input has any error; each error names its row and column.
            --rules  the segment hierarchy, highest priority first, e.g.
                     "end_of_life: died_in_period = 1; severe_frailty: frailty_band = severe; ltc_4_plus: ltc_count >= 4; ltc_1_3: ltc_count >= 1; generally_well: otherwise"

        stem-segment generate --people <N> --seed <S> --out <people.csv>
            Writes a synthetic patient-level file (the same seed gives the same file).

        Exit codes: 0 done, 2 bad input or arguments, 1 anything else.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "segment" => await SegmentAsync(Arguments.Parse(args[1..]), stdout, stderr, cancellationToken),
                "generate" => await GenerateAsync(Arguments.Parse(args[1..]), stdout, stderr, cancellationToken),
                "--help" or "-h" or "help" => Help(stdout),
                _ => UsageError(stderr, args.Length == 0 ? "Give a command." : $"Unknown command '{args[0]}'."),
            };
        }
        catch (ArgumentException ex)
        {
            return UsageError(stderr, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return Failed;
        }
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return Ok;
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        stderr.WriteLine("Run 'stem-segment --help' for usage.");
        return BadInput;
    }

    private static async Task<int> SegmentAsync(Arguments arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var input = arguments.Positional.Count == 1 ? arguments.Positional[0] : throw new ArgumentException("Give exactly one input file: segment <people.csv> --out <output.csv>.");
        var output = arguments.Required("out");
        if (Path.GetFullPath(output) == Path.GetFullPath(input))
        {
            throw new ArgumentException("--out must not be the input file.");
        }

        var context = new OutputContext(
            arguments.Text("geography-level"), arguments.Text("geography-code"), arguments.Text("period"),
            $"stem-segment {typeof(ToolCommands).Assembly.GetName().Version?.ToString(3)}");
        var rulesText = arguments.Optional("rules");
        SegmentRules rules;
        if (rulesText is null)
        {
            rules = SegmentRules.Default;
        }
        else if (!SegmentRules.TryParse(rulesText, out rules, out var ruleError))
        {
            throw new ArgumentException($"--rules: {ruleError}");
        }

        arguments.ThrowIfUnused();
        if (!File.Exists(input))
        {
            await stderr.WriteLineAsync($"error: {input} does not exist.");
            return BadInput;
        }

        var clock = Stopwatch.StartNew();
        var length = new FileInfo(input).Length;
        var progress = arguments.Flag("quiet") ? null : new ConsoleProgress(stderr, length);
        var outcome = PatientLevelReader.ReadFile(input, new PatientLevelOptions
        {
            Rules = rules,
            ExpectedPeople = (int)Math.Clamp(length / 110, 1024, 50_000_000),
            Progress = progress,
        });
        progress?.Finish();

        if (!outcome.Succeeded)
        {
            foreach (var error in outcome.Errors)
            {
                await stderr.WriteLineAsync($"{input}: {error}");
            }

            await stderr.WriteLineAsync(outcome.ErrorLimitReached
                ? $"Stopped after {outcome.Errors.Count} errors; there may be more. Nothing was written."
                : $"{outcome.Errors.Count} error(s). Nothing was written.");
            return BadInput;
        }

        var result = outcome.Result!;
        var protectedOutput = DisclosureControl.Protect(result, context);
        var temporary = output + ".partial";
        await File.WriteAllBytesAsync(temporary, OutputWriter.ToUtf8(protectedOutput), cancellationToken);
        File.Move(temporary, output, overwrite: true);

        var suppressed = protectedOutput.Rows.Count(r => r.Suppressed);
        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{result.People:N0} people in {clock.Elapsed.TotalSeconds:0.0} s. Wrote {output}: {protectedOutput.Rows.Count} rows, {suppressed} suppressed, Gini {protectedOutput.Header.Gini}{(result.Partial ? ", PARTIAL (community or social care linked for fewer than 95%)" : string.Empty)}."));
        return Ok;
    }

    private static async Task<int> GenerateAsync(Arguments arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var people = int.TryParse(arguments.Required("people"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : throw new ArgumentException("--people must be a whole number above 0.");
        var seed = ulong.TryParse(arguments.Required("seed"), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? s : throw new ArgumentException("--seed must be a whole number.");
        var output = arguments.Required("out");
        arguments.ThrowIfUnused();

        var clock = Stopwatch.StartNew();
        await using (var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            await PopulationGenerator.WriteAsync(file, people, seed, arguments.Flag("quiet") ? null : new Progress<long>(done =>
            {
                if (done % 1_000_000 == 0 || done == people)
                {
                    stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{done:N0} of {people:N0} people"));
                }
            }), cancellationToken);
        }

        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {people:N0} synthetic people to {output} in {clock.Elapsed.TotalSeconds:0.0} s."));
        return Ok;
    }

    /// <summary>Progress on stderr: one updating line on a terminal, a line every 10% otherwise.</summary>
    private sealed class ConsoleProgress(TextWriter stderr, long totalBytes) : IProgress<ReadProgress>
    {
        private readonly bool _terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        private int _lastTenth = -1;

        public void Report(ReadProgress value)
        {
            var percent = totalBytes > 0 ? Math.Min(100, 100.0 * value.Bytes / totalBytes) : 0;
            var text = string.Create(CultureInfo.InvariantCulture, $"{value.Rows:N0} people read ({percent:0}%)");
            if (_terminal)
            {
                stderr.Write("\r" + text + "   ");
            }
            else if ((int)(percent / 10) > _lastTenth)
            {
                _lastTenth = (int)(percent / 10);
                stderr.WriteLine(text);
            }
        }

        public void Finish()
        {
            if (_terminal)
            {
                stderr.WriteLine();
            }
        }
    }
}
