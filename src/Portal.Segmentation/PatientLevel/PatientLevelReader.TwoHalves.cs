using System.Globalization;
using System.Text;
using Portal.Segmentation.Computation;
using Sylvan.Data.Csv;

namespace Portal.Segmentation.PatientLevel;

public static partial class PatientLevelReader
{
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
}
