using BenchmarkDotNet.Running;

// "search": the search benchmark's measured run (rebuild of 100,000 summaries, query latencies), see SearchBenchmarkRun.
if (args is ["search", .. var searchArgs])
{
    return Portal.Benchmarks.SearchBenchmarkRun.Run(searchArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Portal.Benchmarks.SegmentationBenchmarks).Assembly).Run(args);
return 0;
