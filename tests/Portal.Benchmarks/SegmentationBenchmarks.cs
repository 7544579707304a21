using BenchmarkDotNet.Attributes;
using Portal.Segmentation.Disclosure;
using Portal.Segmentation.Output;
using Portal.Segmentation.PatientLevel;
using Portal.Segmentation.Synthetic;

namespace Portal.Benchmarks;

/// <summary>
/// The segmentation pipeline on a generated file held in memory: read and validate every row,
/// aggregate, protect and write the output. The whole-file figures against sqlite3 come from
/// scripts/bench-segmentation.sh; this one isolates the code from disk and process start.
/// </summary>
[MemoryDiagnoser]
public class SegmentationBenchmarks
{
    private byte[] _file = [];

    [Params(200_000)]
    public int People { get; set; }

    [GlobalSetup]
    public void Generate() => _file = PopulationGenerator.Generate(People, seed: 42);

    [Benchmark(Baseline = true, Description = "Read, aggregate, protect, write (file path)")]
    public int Segment()
    {
        using var stream = new MemoryStream(_file, writable: false);
        var outcome = PatientLevelReader.Read(stream, new PatientLevelOptions { ExpectedPeople = People });
        return OutputWriter.ToCsv(DisclosureControl.Protect(outcome.Result!, new OutputContext())).Length;
    }

    [Benchmark(Description = "The same, streamed as a request body is (async)")]
    public async Task<int> SegmentStreamed()
    {
        using var stream = new MemoryStream(_file, writable: false);
        var outcome = await PatientLevelReader.ReadAsync(stream, new PatientLevelOptions());
        return OutputWriter.ToCsv(DisclosureControl.Protect(outcome.Result!, new OutputContext())).Length;
    }
}
