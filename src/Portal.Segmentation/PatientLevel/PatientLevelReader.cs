using System.Globalization;
using System.Text;
using Portal.Segmentation.Computation;
using Sylvan.Data.Csv;

namespace Portal.Segmentation.PatientLevel;

/// <summary>What the reader needs besides the input.</summary>
public sealed record PatientLevelOptions
{
    public SegmentRules Rules { get; init; } = SegmentRules.Default;

    public int ErrorLimit { get; init; } = InputErrors.DefaultLimit;

    /// <summary>A guess at the number of people, to size the arrays once (the file size / 120 is good).</summary>
    public int ExpectedPeople { get; init; } = 1024;

    /// <summary>Told the rows and bytes read so far, about every 100,000 rows.</summary>
    public IProgress<ReadProgress>? Progress { get; init; }

    /// <summary>Files at least this large are read as two halves at once (tests make it small).</summary>
    internal long SplitFilesFrom { get; init; } = 32L << 20;
}

public readonly record struct ReadProgress(long Rows, long Bytes);

/// <summary>Either the exact aggregates or the reasons the input was refused, never both.</summary>
public sealed record ReadOutcome(SegmentationResult? Result, IReadOnlyList<InputError> Errors, bool ErrorLimitReached)
{
    public bool Succeeded => Result is not null;
}

/// <summary>
/// Reads the patient-level file in one streaming pass, validating every row and adding each valid
/// person to the aggregates. Errors are collected (up to a limit) and any error fails the whole
/// input: the caller gets no result to write or store.
/// </summary>
public static partial class PatientLevelReader
{
    private const int ProgressEvery = 100_000;
    private const int MaxTokenLength = 100;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// Reads a file: in two halves on two threads when the file is large and more than one core is
    /// free, else in one pass. Either way the result, and every error, is the same.
    /// </summary>
    public static ReadOutcome ReadFile(string path, PatientLevelOptions options) =>
        TwoHalves.TryRead(path, options) ?? ReadWhole(path, options);

    private static ReadOutcome ReadWhole(string path, PatientLevelOptions options)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        using var file = new FileRangeStream(handle, 0, RandomAccess.GetLength(handle));
        return Read(file, options);
    }

    /// <summary>Reads any stream that may block, in one pass.</summary>
    public static ReadOutcome Read(Stream input, PatientLevelOptions options)
    {
        using var session = new Session(input, options, options.Progress, hasHeader: true, options.ExpectedPeople);
        session.Run();
        return Conclude(session);
    }

    /// <summary>Reads a stream that must not block, such as a request body.</summary>
    public static async Task<ReadOutcome> ReadAsync(Stream input, PatientLevelOptions options, CancellationToken cancellationToken = default)
    {
        using var session = new Session(input, options, options.Progress, hasHeader: true, options.ExpectedPeople);
        await session.RunAsync(cancellationToken);
        return Conclude(session);
    }

    /// <summary>The outcome of a whole read: no rows, too little linkage, or the exact aggregates.</summary>
    private static ReadOutcome Conclude(Session session)
    {
        var errors = session.Errors;
        if (session.Accumulator is null || errors.Any)
        {
            return new ReadOutcome(null, errors.Items, errors.LimitReached);
        }

        if (session.Rows == 0)
        {
            errors.Add(null, null, "The file has a header but no people.");
            return new ReadOutcome(null, errors.Items, false);
        }

        var result = session.Accumulator.Complete();
        if (result.AcuteAndPrimaryLinked < Thresholds.LinkedShare * result.People)
        {
            errors.Add(null, PatientColumns.Names[PatientColumns.SourcesLinked],
                $"only {Percent(result.AcuteAndPrimaryLinked, result.People)} of people have both acute and primary care linked; at least 95% must have them, or the segments would describe a different population.");
            return new ReadOutcome(null, errors.Items, false);
        }

        return new ReadOutcome(result, [], false);
    }

    private static CsvDataReaderOptions CsvOptions(bool hasHeader) => new()
    {
        HasHeaders = hasHeader,
        Delimiter = ',',
        BufferSize = 1 << 16,
    };
}
