using System.Globalization;
using System.Text;
using Portal.Segmentation.Computation;
using Sylvan.Data.Csv;

namespace Portal.Segmentation.PatientLevel;

public static partial class PatientLevelReader
{
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
}
