using Microsoft.Win32.SafeHandles;

namespace Portal.Segmentation.PatientLevel;

/// <summary>A byte range of a file, read by position, so two readers can share one handle.</summary>
internal sealed class FileRangeStream : Stream
{
    private readonly SafeFileHandle _handle;
    private readonly long _start;
    private readonly long _end;
    private long _position;

    public FileRangeStream(SafeFileHandle handle, long start, long end)
    {
        _handle = handle;
        _start = _position = start;
        _end = end;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _end - _start;

    public override long Position
    {
        get => _position - _start;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, _end - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        var read = RandomAccess.Read(_handle, buffer[..wanted], _position);
        _position += read;
        return read;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
