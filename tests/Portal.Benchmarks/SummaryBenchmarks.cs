using System.Text;
using BenchmarkDotNet.Attributes;
using Portal.Core.Summaries;
using Portal.Core.Summaries.Ris;
using Portal.Content;

namespace Portal.Benchmarks;

/// <summary>
/// Importing a 5,000-record RIS file (generated with a fixed seed in the styles of Ovid,
/// EBSCOhost, EndNote and Zotero) and exporting the references again as RIS and CSV.
/// </summary>
[MemoryDiagnoser]
public class RisImportBenchmarks
{
    private byte[] _file = [];
    private IReadOnlyList<Reference> _references = [];

    [Params(5_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Generate()
    {
        _file = ReferenceSamples.RisFile(Records, seed: 42);
        var result = RisReader.Read(_file);
        if (result.References.Count != Records || result.Rejected.Count != 0)
        {
            throw new InvalidOperationException($"The generated file read as {result.References.Count} references and {result.Rejected.Count} rejected.");
        }

        _references = result.References;
    }

    [Benchmark(Baseline = true, Description = "Import a RIS file (decode, parse, map)")]
    public int Import() => RisReader.Read(_file).References.Count;

    [Benchmark(Description = "Export as RIS")]
    public int ExportRis() => RisWriter.Write(_references).Length;

    [Benchmark(Description = "Export as CSV with abstracts")]
    public int ExportCsv()
    {
        using var writer = new StringWriter(new StringBuilder(_file.Length));
        ReferenceCsv.Write(_references, writer, includeAbstracts: true);
        return writer.GetStringBuilder().Length;
    }
}

/// <summary>
/// Rendering and sanitising key findings at save: about 200 KB of Markdown with headings,
/// paragraphs with links and footnote references, lists, a table per section and the footnotes.
/// </summary>
[MemoryDiagnoser]
public class FindingsMarkdownBenchmarks
{
    private readonly MarkdownRenderer _renderer = new();
    private string _markdown = string.Empty;

    [Params(200 * 1024)]
    public int Bytes { get; set; }

    [GlobalSetup]
    public void Generate() => _markdown = ReferenceSamples.FindingsMarkdown(Bytes, seed: 42);

    [Benchmark(Description = "Render and sanitise findings Markdown")]
    public int RenderAndSanitise() => _renderer.ToSafeHtml(_markdown, "findings-").Length;
}
