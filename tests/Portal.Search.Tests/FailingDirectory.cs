using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Portal.Search.Tests;

/// <summary>
/// A file-system directory that fails like a full disk while <see cref="Full"/> is on: new files
/// and syncs throw. Reads keep working, as they do on a full disk.
/// </summary>
internal sealed class FailingDirectory(LuceneDirectory inner, DiskSwitch disk) : LuceneDirectory
{
    public override LockFactory LockFactory => inner.LockFactory;

    public override string[] ListAll() => inner.ListAll();

    [Obsolete("Lucene marks it obsolete; the directory still has to answer it.")]
    public override bool FileExists(string name) => inner.FileExists(name);

    public override void DeleteFile(string name) => inner.DeleteFile(name);

    public override long FileLength(string name) => inner.FileLength(name);

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        disk.ThrowIfFull();
        return inner.CreateOutput(name, context);
    }

    public override void Sync(ICollection<string> names)
    {
        disk.ThrowIfFull();
        inner.Sync(names);
    }

    public override IndexInput OpenInput(string name, IOContext context) => inner.OpenInput(name, context);

    public override Lucene.Net.Store.Lock MakeLock(string name)
    {
        // A lock is a new file too.
        disk.ThrowIfFull();
        return inner.MakeLock(name);
    }

    public override void ClearLock(string name) => inner.ClearLock(name);

    public override void SetLockFactory(LockFactory lockFactory) => inner.SetLockFactory(lockFactory);

    public override string GetLockID() => inner.GetLockID();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
    }
}

/// <summary>The switch the tests flip: every directory opened through <see cref="Open"/> fails while it is on.</summary>
internal sealed class DiskSwitch
{
    public volatile bool Full;

    public LuceneDirectory Open(string folder) => new FailingDirectory(FSDirectory.Open(folder), this);

    public void ThrowIfFull()
    {
        if (Full)
        {
            throw new IOException("No space left on device");
        }
    }
}
