using BenchmarkDotNet.Running;

// The search benchmark's measured run (rebuild of 100,000 summaries, query latencies) and the plain
// Kestrel page scripts/bench.sh compares the search page with; anything else goes to BenchmarkDotNet.
switch (args)
{
    case ["search", .. var searchArgs]:
        return Portal.Benchmarks.SearchBenchmarkRun.Run(searchArgs);
    case ["search-plain", .. var plainArgs]:
        return await Portal.Benchmarks.SearchPlainKestrel.RunAsync(plainArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Portal.Benchmarks.SegmentationBenchmarks).Assembly).Run(args);
return 0;
