using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Portal.Search;

namespace Portal.Benchmarks;

/// <summary>
/// The long search benchmark, one measured run rather than BenchmarkDotNet iterations (a rebuild
/// of 100,000 summaries takes about a minute, and the query latencies are a distribution, not a
/// mean): generate and map the summaries, rebuild an index from them on both cores as the
/// portal's rebuild does, then time a mix of queries one by one as a member.
/// <code>dotnet run -c Release --project tests/Portal.Benchmarks -- search [--summaries 100000] [--queries 1000] [--threads 2] [--seed 42] [--index DIR] [--no-synonyms] [--sample N]</code>
/// </summary>
internal static class SearchBenchmarkRun
{
    public static int Run(string[] args)
    {
        var summaries = Option(args, "--summaries", 100_000);
        var queryCount = Option(args, "--queries", 1_000);
        var threads = Option(args, "--threads", 2);
        var seed = Option(args, "--seed", SearchSummaryGenerator.DefaultSeed);
        var keep = OptionText(args, "--index");
        // To see what index-time synonyms cost: the same rebuild without them.
        var synonyms = args.Contains("--no-synonyms") ? SynonymRules.None : null;
        if (OptionText(args, "--sample") is { } sample)
        {
            // One generated document as the index receives it, to read what the generator writes.
            var document = new SearchSummaryGenerator(seed).Generate(int.Parse(sample, CultureInfo.InvariantCulture)).ToDocument();
            Console.WriteLine($"{document.Title}\n{document.Url} {document.Date:yyyy-MM-dd} [{string.Join(", ", document.Access)}]");
            Console.WriteLine(string.Join("; ", document.Facets.Select(f => $"{f.Key}: {string.Join(", ", f.Value)}")));
            Console.WriteLine($"\n{document.Body}\n\n--- references (not shown in hits) ---\n{document.More}");
            return 0;
        }

        var folder = keep ?? Path.Combine(Path.GetTempPath(), "portal-bench-search-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"Search benchmark: {summaries:N0} summaries (seed {seed}), {queryCount:N0} queries, {threads} threads, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"Index folder: {folder}");
        try
        {
            var documents = Generate(summaries, threads, seed);
            using var index = Rebuild(documents, threads, folder, synonyms);
            documents = null;
            GC.Collect();
            Query(index, queryCount);
            return 0;
        }
        finally
        {
            if (keep is null)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // A temp folder left behind is removed with the machine's temp files.
                }
            }
        }
    }

    private static SearchDocument[] Generate(int count, int threads, int seed)
    {
        var generator = new SearchSummaryGenerator(seed);
        var documents = new SearchDocument[count];
        var references = new int[count];
        var openAbstracts = new int[count];
        long mappingTicks = 0;
        var watch = Stopwatch.StartNew();
        Parallel.ForEach(Partitioner.Create(0, count, 500), new ParallelOptions { MaxDegreeOfParallelism = threads }, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var generated = generator.Generate(i);
                var start = Stopwatch.GetTimestamp();
                documents[i] = generated.ToDocument();
                Interlocked.Add(ref mappingTicks, Stopwatch.GetTimestamp() - start);
                references[i] = generated.References.Count;
                openAbstracts[i] = generated.References.Count(r => !r.AbstractIsLicensed && r.Abstract is not null);
            }
        });
        watch.Stop();

        long titleChars = 0, bodyChars = 0, moreChars = 0, bodyWords = 0, bytes = 0;
        foreach (var document in documents)
        {
            titleChars += document.Title.Length;
            bodyChars += document.Body.Length;
            moreChars += document.More.Length;
            bodyWords += document.Body.Count(c => c == ' ') + 1;
            bytes += Encoding.UTF8.GetByteCount(document.Title) + Encoding.UTF8.GetByteCount(document.Body) + Encoding.UTF8.GetByteCount(document.More);
        }

        var chars = titleChars + bodyChars + moreChars;
        Console.WriteLine();
        Console.WriteLine("## Generated documents");
        Console.WriteLine($"generated and mapped {count:N0} in {watch.Elapsed.TotalSeconds:0.00} s ({count / watch.Elapsed.TotalSeconds:N0} a second on {threads} threads; the portal's mapping {mappingTicks / (double)Stopwatch.Frequency:0.00} s of thread time), {generator.WorkStreams} work streams");
        Console.WriteLine($"per document: title {titleChars / (double)count:N0} chars, body {bodyChars / (double)count:N0} chars ({bodyWords / (double)count:N0} words), references text {moreChars / (double)count:N0} chars");
        Console.WriteLine($"per document: {chars / (double)count:N0} chars, {bytes / (double)count:N0} bytes UTF-8; references {references.Average():0.0} ({openAbstracts.Average():0.0} with open abstracts indexed)");
        Console.WriteLine($"total: {chars / 1e6:N1} million chars, {bytes / 1e6:N1} MB UTF-8");
        Console.WriteLine($"access: {documents.Count(d => d.Access.Contains(AccessTerms.Public)):N0} public, {documents.Count(d => d.Access.Any(a => a.StartsWith("perm:ViewWorkStreams", StringComparison.Ordinal))):N0} members, the rest requester and staff only");
        Bytes = bytes;
        return documents;
    }

    private static long Bytes { get; set; }

    private static SearchIndex Rebuild(SearchDocument[] documents, int threads, string folder, SynonymRules? synonyms)
    {
        var index = new SearchIndex(new SearchIndexOptions { Path = folder });
        index.TryOpen();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        using (var builder = index.BeginRebuild(synonyms))
        {
            // As SearchIndexing.RebuildAsync does with each batch it reads: both cores add documents.
            Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = threads }, builder.Add);
            var added = watch.Elapsed;
            builder.Complete(IndexCursor.Start);
            watch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var seconds = watch.Elapsed.TotalSeconds;
            var size = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Console.WriteLine();
            Console.WriteLine("## Full rebuild");
            Console.WriteLine($"BeginRebuild + Add x {documents.Length:N0} ({threads} threads) + Complete: {seconds:0.0} s (adding {added.TotalSeconds:0.0} s, commit and swap {(watch.Elapsed - added).TotalSeconds:0.0} s); CPU {cpu.TotalSeconds:0.0} s");
            Console.WriteLine($"rate: {documents.Length / seconds:N0} documents a second, {Bytes / 1e6 / seconds:0.0} MB of text a second");
            Console.WriteLine($"index on disk: {size / 1e6:N0} MB; {index.Status().Documents:N0} documents; target 60 s: {(seconds <= 60 ? "met" : "missed")}");
        }

        return index;
    }

    private static void Query(SearchIndex index, int count)
    {
        var mix = SearchQueryMix.Create(count, SearchSummaryGenerator.MemberReader);
        var cold = Time(index, mix, out var total);
        var warm = Time(index, mix, out _, out var warmCpu);
        Console.WriteLine();
        Console.WriteLine($"## Query latency ({count:N0} queries as a member, one at a time, snippets and facet counts included)");
        Console.WriteLine($"hits per query: mean {total / (double)count:N0}; first pass straight after the rebuild, then the same queries again");
        Console.WriteLine("| pass | queries | p50 ms | p95 ms | p99 ms | max ms | mean ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Row("first", cold);
        Row("second", warm);
        Row("second, CPU time of the query's thread", warmCpu);
        Console.WriteLine();
        Console.WriteLine("| kind (second pass) | queries | p50 ms | p95 ms | p99 ms | max ms | mean ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var group in mix.Select((q, i) => (q.Kind, Ms: warm[i])).GroupBy(x => x.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Row(group.Key, group.Select(x => x.Ms).ToArray());
        }

        Console.WriteLine($"target p95 20 ms: {(Percentile(warm, 0.95) <= 20 ? "met" : "missed")}");
    }

    private static double[] Time(SearchIndex index, IReadOnlyList<MixedQuery> mix, out long hits) => Time(index, mix, out hits, out _);

    /// <summary>Wall time of each query, and the CPU time of the thread that ran it (Linux): on a shared machine the second shows the work without the waiting.</summary>
    private static double[] Time(SearchIndex index, IReadOnlyList<MixedQuery> mix, out long hits, out double[] cpu)
    {
        var times = new double[mix.Count];
        cpu = new double[mix.Count];
        hits = 0;
        for (var i = 0; i < mix.Count; i++)
        {
            var cpuStart = ThreadCpuMilliseconds();
            var start = Stopwatch.GetTimestamp();
            var results = index.Search(mix[i].Query) ?? throw new InvalidOperationException("The index is rebuilding.");
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            cpu[i] = ThreadCpuMilliseconds() - cpuStart;
            hits += results.Total;
        }

        return times;
    }

    private const int ClockThreadCpuTime = 3;

    private static double ThreadCpuMilliseconds() =>
        OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var time) == 0 ? (time.Seconds * 1e3) + (time.Nanoseconds / 1e6) : double.NaN;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static void Row(string name, double[] ms) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {ms.Length} | {Percentile(ms, 0.5):0.00} | {Percentile(ms, 0.95):0.00} | {Percentile(ms, 0.99):0.00} | {ms.Max():0.00} | {ms.Average():0.00} |"));

    /// <summary>The nearest-rank percentile.</summary>
    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
