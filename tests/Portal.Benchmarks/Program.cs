using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Portal.Benchmarks.SegmentationBenchmarks).Assembly).Run(args);
