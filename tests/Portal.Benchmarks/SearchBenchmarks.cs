using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Portal.Search;

namespace Portal.Benchmarks;

/// <summary>
/// Indexing rate: 5,000 generated summaries (seed 42, mapped by the portal's own mapping before
/// timing) added to a new generation beside an empty index and committed, on one thread and on
/// two, as a rebuild does. A measured run: each iteration is one whole rebuild.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The index is disposed in GlobalCleanup, which BenchmarkDotNet calls.")]
public class SearchIndexingBenchmarks
{
    private SearchDocument[] _documents = [];
    private string _folder = string.Empty;
    private SearchIndex _index = null!;

    [Params(5_000)]
    public int Summaries { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Generate()
    {
        var generator = new SearchSummaryGenerator();
        _documents = Enumerable.Range(0, Summaries).AsParallel().AsOrdered().Select(i => generator.Generate(i).ToDocument()).ToArray();
        _folder = Path.Combine(Path.GetTempPath(), "portal-bench-search-" + Guid.NewGuid().ToString("N")[..8]);
        _index = new SearchIndex(new SearchIndexOptions { Path = _folder });
        _index.TryOpen();
    }

    [Benchmark]
    public int Rebuild()
    {
        using var builder = _index.BeginRebuild();
        Parallel.ForEach(_documents, new ParallelOptions { MaxDegreeOfParallelism = Threads }, builder.Add);
        builder.Complete(IndexCursor.Start);
        return _documents.Length;
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _index.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>
/// One query of each kind against an index of 20,000 generated summaries, as a member: what a
/// search costs in time and allocation (snippets and facet counts included). The distribution
/// over the whole mix and 100,000 summaries is the measured run's (<see cref="SearchBenchmarkRun"/>).
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The index is disposed in GlobalCleanup, which BenchmarkDotNet calls.")]
public class SearchQueryBenchmarks
{
    private string _folder = string.Empty;
    private SearchIndex _index = null!;

    [Params(20_000)]
    public int Summaries { get; set; }

    [ParamsSource(nameof(Queries))]
    public string Query { get; set; } = string.Empty;

    public static IEnumerable<string> Queries() =>
        ["frailty", "falls prevention care homes", "\"social prescribing\" loneliness", "diabet*", "frailty NOT dementia", "COPD | topic=COPD | newest"];

    [GlobalSetup]
    public void Build()
    {
        var generator = new SearchSummaryGenerator();
        _folder = Path.Combine(Path.GetTempPath(), "portal-bench-search-" + Guid.NewGuid().ToString("N")[..8]);
        _index = new SearchIndex(new SearchIndexOptions { Path = _folder });
        _index.TryOpen();
        using var builder = _index.BeginRebuild();
        Parallel.For(0, Summaries, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => builder.Add(generator.Generate(i).ToDocument()));
        builder.Complete(IndexCursor.Start);
    }

    [Benchmark]
    public int Search()
    {
        // "words | facet=value | newest": the words, then any filters and the sort.
        var parts = Query.Split(" | ");
        var filters = parts.Skip(1).Where(p => p.Contains('=', StringComparison.Ordinal)).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var results = _index.Search(new SearchQuery
        {
            Text = parts[0],
            ReaderAccess = SearchSummaryGenerator.MemberReader,
            Filters = filters,
            Sort = parts.Contains("newest") ? SearchSort.Newest : SearchSort.Relevance,
        }) ?? throw new InvalidOperationException("The index is rebuilding.");
        return results.Total;
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _index.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
