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
public static class PatientLevelReader
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

    /// <summary>
    /// One pass over one input (or one half of a file): the errors so far, the aggregates so far,
    /// the tokens seen. A half without the header counts its rows from 1 and is told its offset later.
    /// </summary>
    private sealed class Session(Stream input, PatientLevelOptions options, IProgress<ReadProgress>? progress, bool hasHeader, int expectedPeople) : IDisposable
    {
        private readonly CountingStream _counting = new(input);
        private long _row = hasHeader ? 1 : 0;
        private StreamReader? _text;

        public InputErrors Errors { get; } = new(options.ErrorLimit);

        public SegmentationAccumulator? Accumulator { get; private set; }

        public TokenSet? Tokens { get; private set; }

        /// <summary>People rows read.</summary>
        public long Rows => hasHeader ? _row - 1 : _row;

        public long BytesRead => _counting.BytesRead;

        // Invalid bytes become U+FFFD instead of throwing, so the row and column of a Windows-1252
        // character can be named. No BOM detection: a BOM stays in the text and is refused.
        private TextReader Text => _text ??= new StreamReader(_counting, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);

        public void Dispose()
        {
            _text?.Dispose();
            _counting.Dispose();
        }

        public void Run()
        {
            CsvDataReader csv;
            try
            {
                csv = CsvDataReader.Create(Text, CsvOptions(hasHeader));
            }
            catch (CsvMissingHeadersException)
            {
                Empty();
                return;
            }

            using (csv)
            {
                if (!Begin(csv))
                {
                    return;
                }

                try
                {
                    while (!Errors.LimitReached && csv.Read())
                    {
                        Next(csv);
                    }
                }
                catch (CsvFormatException)
                {
                    Unreadable();
                }

                progress?.Report(new ReadProgress(Rows, BytesRead));
            }
        }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            CsvDataReader csv;
            try
            {
                csv = await CsvDataReader.CreateAsync(Text, CsvOptions(hasHeader), cancellationToken);
            }
            catch (CsvMissingHeadersException)
            {
                Empty();
                return;
            }

            await using (csv)
            {
                if (!Begin(csv))
                {
                    return;
                }

                try
                {
                    while (!Errors.LimitReached && await csv.ReadAsync(cancellationToken))
                    {
                        Next(csv);
                    }
                }
                catch (CsvFormatException)
                {
                    Unreadable();
                }

                progress?.Report(new ReadProgress(Rows, BytesRead));
            }
        }

        private void Empty() =>
            Errors.Add(1, null, $"The file is empty. It must start with the header: {string.Join(",", PatientColumns.Names)}");

        private void Unreadable() =>
            Errors.Add(_row + 1, null, "is not valid CSV: a quoted field is not closed.");

        private bool Begin(CsvDataReader csv)
        {
            if (hasHeader && !CheckHeader(csv, Errors))
            {
                return false;
            }

            Accumulator = new SegmentationAccumulator(options.Rules, expectedPeople);
            Tokens = new TokenSet(expectedPeople);
            return true;
        }

        private void Next(CsvDataReader csv)
        {
            _row++;
            if (TryRead(csv, _row, Errors, Tokens!, out var person) && !Errors.Any)
            {
                Accumulator!.Add(person);
            }

            if (Rows % ProgressEvery == 0)
            {
                progress?.Report(new ReadProgress(Rows, BytesRead));
            }
        }
    }

    /// <summary>
    /// A large file read as two halves at once, split at a line end near the middle. Only a clean
    /// file is finished this way: any error, in either half or a token found in both, and the
    /// caller reads the whole file again in one pass so that errors are reported in file order
    /// with their true row numbers. A split inside a quoted field breaks both halves' parsing and
    /// so also falls back.
    /// </summary>
    private static class TwoHalves
    {
        public static ReadOutcome? TryRead(string path, PatientLevelOptions options)
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            var length = RandomAccess.GetLength(handle);
            if (length < options.SplitFilesFrom || Environment.ProcessorCount < 2 || SplitPoint(handle, length) is not { } split)
            {
                return null;
            }

            var progress = options.Progress is null ? null : new SummedProgress(options.Progress);
            // The first half's arrays and token table are sized for everyone: the second half's are added to them.
            using var first = new Session(new FileRangeStream(handle, 0, split), options, progress?.Part(0), hasHeader: true, options.ExpectedPeople);
            using var second = new Session(new FileRangeStream(handle, split, length), options, progress?.Part(1), hasHeader: false, options.ExpectedPeople / 2 + 1024);
            var secondRun = Task.Run(second.Run);
            first.Run();
            secondRun.GetAwaiter().GetResult();

            if (first.Errors.Any || second.Errors.Any || first.Accumulator is null || second.Accumulator is null
                || !first.Tokens!.TryMerge(second.Tokens!))
            {
                return null;
            }

            first.Accumulator.Append(second.Accumulator);
            return Conclude(first);
        }

        /// <summary>Just after the first line end past the middle.</summary>
        private static long? SplitPoint(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long length)
        {
            var buffer = new byte[1 << 16];
            for (var at = length / 2; at < length; at += buffer.Length)
            {
                var read = RandomAccess.Read(handle, buffer, at);
                var newline = buffer.AsSpan(0, read).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    return at + newline + 1 < length ? at + newline + 1 : null;
                }
            }

            return null;
        }

        /// <summary>Progress of two halves reported as one.</summary>
        private sealed class SummedProgress(IProgress<ReadProgress> target)
        {
            private readonly ReadProgress[] _parts = new ReadProgress[2];

            public IProgress<ReadProgress> Part(int index) => new Progress(this, index);

            private void Report(int index, ReadProgress value)
            {
                lock (_parts)
                {
                    _parts[index] = value;
                    target.Report(new ReadProgress(_parts[0].Rows + _parts[1].Rows, _parts[0].Bytes + _parts[1].Bytes));
                }
            }

            private sealed class Progress(SummedProgress owner, int index) : IProgress<ReadProgress>
            {
                public void Report(ReadProgress value) => owner.Report(index, value);
            }
        }
    }

    private static string Percent(long part, long whole) => (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static bool CheckHeader(CsvDataReader csv, InputErrors errors)
    {
        var expected = PatientColumns.Names;
        var actual = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToList();
        if (actual.Count == 0 || (actual.Count == 1 && actual[0].Length == 0))
        {
            errors.Add(1, null, $"The file is empty. It must start with the header: {string.Join(",", expected)}");
            return false;
        }

        if (actual[0].StartsWith('\uFEFF'))
        {
            errors.Add(1, "1", "The file starts with a byte-order mark (BOM). Save it as UTF-8 without a BOM (Excel: use \"CSV (comma delimited)\", not \"CSV UTF-8\"; or export straight from the database).");
            return false;
        }

        for (var i = 0; i < actual.Count; i++)
        {
            if (actual[i].Contains('\uFFFD', StringComparison.Ordinal))
            {
                errors.Add(1, (i + 1).ToString(CultureInfo.InvariantCulture), NotUtf8);
                return false;
            }
        }

        if (actual.SequenceEqual(expected, StringComparer.Ordinal))
        {
            return true;
        }

        foreach (var missing in expected.Except(actual, StringComparer.Ordinal))
        {
            errors.Add(1, missing, "this column is missing from the header.");
        }

        foreach (var extra in actual.Except(expected, StringComparer.Ordinal))
        {
            errors.Add(1, extra.Length == 0 ? $"{actual.IndexOf(extra) + 1}" : extra, extra.Length == 0 ? "a column has no name." : "this column is not expected.");
        }

        if (!errors.Any)
        {
            var first = Enumerable.Range(0, expected.Count).First(i => actual[i] != expected[i]);
            errors.Add(1, actual[first], $"the columns are in the wrong order: column {first + 1} must be {expected[first]}.");
        }

        errors.Add(1, null, $"The header must be exactly: {string.Join(",", expected)}");
        return false;
    }

    internal const string NotUtf8 = "is not UTF-8 text: the file looks like Windows-1252 (\"ANSI\"). Export it again as UTF-8.";

    private static bool TryRead(CsvDataReader csv, long row, InputErrors errors, TokenSet tokens, out PersonRecord person)
    {
        person = default;
        if (csv.RowFieldCount != PatientColumns.Names.Count)
        {
            errors.Add(row, null, $"has {csv.RowFieldCount} fields; the header has {PatientColumns.Names.Count}.");
            return false;
        }

        var ok = true;
        var token = csv.GetFieldSpan(PatientColumns.PersonToken);
        var tokenOk = true;
        if (token.IsEmpty)
        {
            tokenOk = Fail(errors, row, PatientColumns.PersonToken, "is empty.");
        }
        else if (IsFormula(token))
        {
            tokenOk = Fail(errors, row, PatientColumns.PersonToken, $"starts with '{Printable(token[0])}', which a spreadsheet would run as a formula. Person tokens must not start with =, +, -, @, a tab or a carriage return.");
        }
        else if (token.Contains('\uFFFD'))
        {
            tokenOk = Fail(errors, row, PatientColumns.PersonToken, NotUtf8);
        }
        else if (token.Length > MaxTokenLength)
        {
            tokenOk = Fail(errors, row, PatientColumns.PersonToken, $"is longer than {MaxTokenLength} characters.");
        }

        // Hash now (which starts loading the table slot), add once the rest of the row is parsed.
        var tokenHash = tokenOk ? tokens.HashOf(token) : default;
        ok &= tokenOk;
        ok &= Whole(csv, row, PatientColumns.AgeYears, 0, PatientColumns.MaxAge, errors, out person.Age);
        var sex = csv.GetFieldSpan(PatientColumns.Sex);
        if (sex.Length != 1 || PatientColumns.SexCodes.IndexOf(sex[0], StringComparison.Ordinal) < 0)
        {
            ok = Fail(errors, row, PatientColumns.Sex, Problem(sex, "must be F, M, I (indeterminate) or U (not known)"));
        }

        ok &= Whole(csv, row, PatientColumns.ImdDecile, 1, 10, errors, out person.ImdDecile);
        ok &= Whole(csv, row, PatientColumns.LtcCount, 0, PatientColumns.MaxLtcCount, errors, out person.LtcCount);
        var frailty = csv.GetFieldSpan(PatientColumns.FrailtyBand);
        if (!FrailtyBands.TryParse(frailty, out person.Frailty))
        {
            ok = Fail(errors, row, PatientColumns.FrailtyBand, Problem(frailty, "must be none, mild, moderate or severe"));
        }

        var died = csv.GetFieldSpan(PatientColumns.DiedInPeriod);
        if (died.Length == 1 && died[0] is '0' or '1')
        {
            person.Died = died[0] == '1';
        }
        else
        {
            ok = Fail(errors, row, PatientColumns.DiedInPeriod, Problem(died, "must be 1 (died in the period) or 0"));
        }

        var risk = csv.GetFieldSpan(PatientColumns.RiskScore);
        person.RiskScore = double.NaN;
        if (!risk.IsEmpty)
        {
            if (!FastNumbers.TryParseDouble(risk, out var score) || !double.IsFinite(score))
            {
                ok = Fail(errors, row, PatientColumns.RiskScore, Problem(risk, "must be a number or empty"));
            }
            else if (score < 0)
            {
                ok = Fail(errors, row, PatientColumns.RiskScore, "is negative; risk scores are 0 or more.");
            }
            else
            {
                person.RiskScore = score;
            }
        }

        var sourcesKnown = Sources(csv.GetFieldSpan(PatientColumns.SourcesLinked), row, errors, out person.LinkedMask);
        ok &= sourcesKnown;
        for (var column = PatientColumns.FirstCost; column <= PatientColumns.LastCost; column++)
        {
            var setting = PatientColumns.SettingOfCost(column);
            var linked = (person.LinkedMask & (1 << setting)) != 0;
            var cost = csv.GetFieldSpan(column);
            if (cost.IsEmpty)
            {
                if (linked && sourcesKnown)
                {
                    ok = Fail(errors, row, column, $"is empty, but sources_linked includes {Settings.Names[setting]}. Write 0 for a linked source with no activity.");
                }

                continue;
            }

            if (!FastNumbers.TryParsePence(cost, out var pence))
            {
                ok = Fail(errors, row, column, Problem(cost, "must be an amount in pounds, like 1234.56, or empty when the source is not linked"));
            }
            else if (pence < 0)
            {
                ok = Fail(errors, row, column, "is negative; costs must be 0 or more.");
            }
            else if (pence > PatientColumns.MaxCostPence)
            {
                ok = Fail(errors, row, column, "is more than £100,000,000 for one person.");
            }
            else if (!linked && sourcesKnown)
            {
                ok = Fail(errors, row, column, $"has a cost, but sources_linked does not include {Settings.Names[setting]}. Leave it empty when the source is not linked.");
            }
            else
            {
                person.Costs[setting] += pence;
            }
        }

        if (tokenOk && !tokens.Add(tokenHash))
        {
            ok = Fail(errors, row, PatientColumns.PersonToken, "repeats the person token of an earlier row: each person must appear once.");
        }

        return ok;
    }

    private static bool Whole(CsvDataReader csv, long row, int column, int min, int max, InputErrors errors, out int value)
    {
        var text = csv.GetFieldSpan(column);
        if (FastNumbers.TryParseWhole(text, out value) && value >= min && value <= max)
        {
            return true;
        }

        var range = column == PatientColumns.ImdDecile
            ? "must be a whole number from 1 (most deprived) to 10"
            : $"must be a whole number from {min} to {max}";
        return Fail(errors, row, column, Problem(text, range));
    }

    private const string EverySource = "acute;primary;community;mental_health;social_care";

    private static bool Sources(ReadOnlySpan<char> text, long row, InputErrors errors, out int mask)
    {
        mask = 0;
        if (text.IsEmpty)
        {
            return true;
        }

        if (text.SequenceEqual(EverySource))
        {
            mask = (1 << Settings.Count) - 1;
            return true;
        }

        foreach (var range in text.Split(';'))
        {
            var name = text[range];
            var found = false;
            for (var s = 0; s < Settings.Count; s++)
            {
                if (name.SequenceEqual(Settings.Names[s]))
                {
                    mask |= 1 << s;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return Fail(errors, row, PatientColumns.SourcesLinked, Problem(text, "must list sources separated by ';' from acute, primary, community, mental_health and social_care"));
            }
        }

        return true;
    }

    /// <summary>Describes a bad value: an encoding or formula problem first, else what the column needs.</summary>
    private static string Problem(ReadOnlySpan<char> value, string needs)
    {
        if (value.Contains('\uFFFD'))
        {
            return NotUtf8;
        }

        if (IsFormula(value) && !(value[0] == '-' && value.Length > 1 && char.IsAsciiDigit(value[1])))
        {
            return $"starts with '{Printable(value[0])}', which a spreadsheet would run as a formula; it {needs}.";
        }

        var shown = value.Length > 20 ? string.Concat(value[..20], "…") : value.ToString();
        return value.IsEmpty ? $"is empty; it {needs}." : $"'{shown}' is not valid; it {needs}.";
    }

    private static bool IsFormula(ReadOnlySpan<char> value) => !value.IsEmpty && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static string Printable(char c) => c switch
    {
        '\t' => "a tab",
        '\r' => "a carriage return",
        _ => c.ToString(),
    };

    private static bool Fail(InputErrors errors, long row, int column, string message)
    {
        errors.Add(row, PatientColumns.Names[column], message);
        return false;
    }
}
