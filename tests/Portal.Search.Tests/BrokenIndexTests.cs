namespace Portal.Search.Tests;

/// <summary>An index folder deleted, corrupt or failing: the node says it is rebuilding, or keeps serving the last good index.</summary>
public sealed class BrokenIndexTests : IDisposable
{
    private readonly DiskSwitch _disk = new();
    private readonly TestIndex _index;

    public BrokenIndexTests() =>
        _index = TestIndex.With([Docs.Summary("1", "Falls prevention"), Docs.Summary("2", "Smoking cessation")], new IndexCursor(5, [], 0), openDirectory: _disk.Open);

    public void Dispose() => _index.Dispose();

    private string LiveFolder => Path.Combine(_index.Path, File.ReadAllText(Path.Combine(_index.Path, "current")).Trim());

    private static void RebuildsToReady(SearchIndex index)
    {
        using (var builder = index.BeginRebuild())
        {
            builder.Add(Docs.Summary("1", "Falls prevention"));
            builder.Complete(new IndexCursor(7, [], 0));
        }

        Assert.Equal(SearchIndexState.Ready, index.State);
        Assert.Equal(["1"], index.Search(new SearchQuery { Text = "falls", ReaderAccess = [AccessTerms.Public] })!.Ids());
        Assert.Equal(7, index.Cursor.Position);
    }

    private static void SaysItIsRebuilding(SearchIndex index, string reason)
    {
        Assert.Equal(SearchIndexState.Rebuilding, index.State);
        Assert.False(index.IsReady);
        Assert.Null(index.Search(new SearchQuery { Text = "falls", ReaderAccess = [AccessTerms.Public] }));
        var status = index.Status();
        Assert.Equal(SearchIndexState.Rebuilding, status.State);
        Assert.Contains(reason, status.LastError, StringComparison.Ordinal);
        Assert.NotNull(status.LastErrorAt);
    }

    [Fact]
    public void The_index_folder_deleted_at_start_up_is_rebuilt()
    {
        var restarted = _index.Reopen();
        Directory.Delete(_index.Path, recursive: true);

        Assert.False(restarted.TryOpen());

        SaysItIsRebuilding(restarted, "There was no index");
        RebuildsToReady(restarted);
    }

    [Fact]
    public void A_current_file_naming_a_missing_folder_is_rebuilt()
    {
        var restarted = _index.Reopen();
        var old = LiveFolder;
        File.WriteAllText(Path.Combine(_index.Path, "current"), "g-missing");

        Assert.False(restarted.TryOpen());

        SaysItIsRebuilding(restarted, "g-missing");
        RebuildsToReady(restarted);
        Assert.False(Directory.Exists(old));
    }

    [Theory]
    [InlineData("segments_")]
    [InlineData(".cfs")]
    [InlineData(".si")]
    public void A_truncated_index_file_is_rebuilt(string file)
    {
        var restarted = _index.Reopen();
        var path = Directory.EnumerateFiles(LiveFolder).First(f => Path.GetFileName(f).Contains(file, StringComparison.Ordinal));
        using (var stream = File.OpenWrite(path))
        {
            stream.SetLength(stream.Length / 2);
        }

        Assert.False(restarted.TryOpen());

        SaysItIsRebuilding(restarted, "could not be opened");
        RebuildsToReady(restarted);
    }

    [Theory]
    [InlineData("segments_")]
    [InlineData(".cfs")]
    [InlineData(".cfe")]
    public void An_index_file_overwritten_with_rubbish_is_rebuilt(string file)
    {
        var restarted = _index.Reopen();
        var path = Directory.EnumerateFiles(LiveFolder).First(f => Path.GetFileName(f).Contains(file, StringComparison.Ordinal));
        var bytes = File.ReadAllBytes(path);
        Array.Fill(bytes, (byte)0x5A);
        File.WriteAllBytes(path, bytes);

        Assert.False(restarted.TryOpen());

        SaysItIsRebuilding(restarted, "could not be opened");
        RebuildsToReady(restarted);
    }

    [Fact]
    public void A_full_disk_during_a_commit_keeps_the_last_good_index_serving()
    {
        var before = _index.Search("falls OR smoking");
        var cursor = _index.Index.Cursor;
        _disk.Full = true;

        var ex = Assert.Throws<IOException>(() => _index.Index.Apply(
            [Docs.Summary("3", "Falls in care homes")],
            [SearchDocument.KeyOf("summary", "2")],
            cursor.After([6, 7], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow)));

        Assert.Contains("No space left on device", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before.Ids(), _index.Search("falls OR smoking").Ids());
        Assert.Equal(cursor, _index.Index.Cursor);
        var status = _index.Index.Status();
        Assert.Equal(SearchIndexState.Ready, status.State);
        Assert.Equal(2, status.Documents);
        Assert.Contains("No space left on device", status.LastError, StringComparison.Ordinal);
        Assert.Contains("last good index", status.LastError, StringComparison.Ordinal);

        // Still full: the next batch fails the same way, and nothing of the first one comes back with it.
        Assert.Throws<IOException>(() => _index.Index.Apply([Docs.Summary("4", "Obesity")], [], cursor.After([6], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow)));
        Assert.Equal(before.Ids(), _index.Search("falls OR smoking").Ids());

        _disk.Full = false;
        _index.Index.Apply([Docs.Summary("4", "Obesity")], [], cursor.After([6], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));

        Assert.Equal(["1", "2"], _index.Search("falls OR smoking").Ids().Order());
        Assert.Equal(["4"], _index.Search("obesity").Ids());
        Assert.Equal(6, _index.Index.Cursor.Position);
        Assert.Equal(3, _index.Index.Status().Documents);

        // The batch that failed is applied again by the caller, and then it is there.
        _index.Index.Apply([Docs.Summary("3", "Falls in care homes")], [SearchDocument.KeyOf("summary", "2")], _index.Index.Cursor.After([7], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
        Assert.Equal(["1", "3"], _index.Search("falls OR smoking").Ids().Order());

        // What the restarted node reads is the last good commit.
        var restarted = _index.Reopen(_disk.Open);
        Assert.True(restarted.TryOpen());
        Assert.Equal(7, restarted.Cursor.Position);
        Assert.Equal(["1", "3"], _index.Search("falls OR smoking").Ids().Order());
    }

    [Fact]
    public void A_rebuild_that_fails_on_completing_leaves_the_live_index_serving()
    {
        var folders = Directory.GetDirectories(_index.Path);
        var builder = _index.Index.BeginRebuild();
        builder.Add(Docs.Summary("9", "Falls in hospital"));
        Assert.True(_index.Index.Status().RebuildingBeside);
        _disk.Full = true;

        Assert.Throws<IOException>(() => builder.Complete(new IndexCursor(9, [], 0)));
        builder.Dispose();

        _disk.Full = false;
        Assert.Equal(["1"], _index.Search("falls").Ids());
        Assert.Equal(5, _index.Index.Cursor.Position);
        var status = _index.Index.Status();
        Assert.Equal(SearchIndexState.Ready, status.State);
        Assert.False(status.RebuildingBeside);
        Assert.Contains("The rebuild failed", status.LastError, StringComparison.Ordinal);
        Assert.Equal(folders, Directory.GetDirectories(_index.Path));

        // Writes to the live index go on.
        _index.Index.Apply([Docs.Summary("3", "Falls in care homes")], [], new IndexCursor(6, [], 0));
        Assert.Equal(["1", "3"], _index.Search("falls").Ids().Order());
    }

    [Fact]
    public void A_rebuild_abandoned_part_way_leaves_the_live_index_serving()
    {
        var folders = Directory.GetDirectories(_index.Path);

        using (var builder = _index.Index.BeginRebuild())
        {
            builder.Add(Docs.Summary("9", "Falls in hospital"));
        }

        Assert.Equal(["1"], _index.Search("falls").Ids());
        Assert.False(_index.Index.Status().RebuildingBeside);
        Assert.Equal(folders, Directory.GetDirectories(_index.Path));
    }

    [Fact]
    public void A_rebuild_that_cannot_start_on_a_full_disk_leaves_the_live_index_serving()
    {
        _disk.Full = true;

        Assert.Throws<IOException>(() => _index.Index.BeginRebuild());
        _disk.Full = false;

        Assert.Equal(["1"], _index.Search("falls").Ids());
        Assert.False(_index.Index.Status().RebuildingBeside);
        Assert.Contains("The rebuild failed", _index.Index.Status().LastError, StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(_index.Path));
    }

    [Fact]
    public void A_rebuild_whose_new_name_cannot_be_written_leaves_the_live_index_serving()
    {
        var folders = Directory.GetDirectories(_index.Path);
        var current = File.ReadAllText(Path.Combine(_index.Path, "current"));
        // A folder where the name is written first stands in for a file that cannot be written.
        Directory.CreateDirectory(Path.Combine(_index.Path, "current.tmp"));

        using (var builder = _index.Index.BeginRebuild())
        {
            builder.Add(Docs.Summary("9", "Falls in hospital"));
            Assert.ThrowsAny<Exception>(() => builder.Complete(new IndexCursor(9, [], 0)));
        }

        Directory.Delete(Path.Combine(_index.Path, "current.tmp"));
        Assert.Equal(["1"], _index.Search("falls").Ids());
        Assert.Equal(current, File.ReadAllText(Path.Combine(_index.Path, "current")));
        Assert.Equal(folders, Directory.GetDirectories(_index.Path));
        Assert.False(_index.Index.Status().RebuildingBeside);
        Assert.Contains("The rebuild failed", _index.Index.Status().LastError, StringComparison.Ordinal);

        // Nothing is left holding the new generation: the next rebuild works.
        RebuildsToReady(_index.Index);
    }

    [Fact]
    public void The_live_folder_deleted_while_running_keeps_searches_serving_and_asks_for_a_rebuild()
    {
        Directory.Delete(LiveFolder, recursive: true);

        Assert.ThrowsAny<IOException>(() => _index.Index.Apply([Docs.Summary("3", "Falls in care homes")], [], new IndexCursor(6, [], 0)));

        Assert.Equal(SearchIndexState.Rebuilding, _index.Index.State);
        Assert.Equal(["1"], _index.Search("falls").Ids());
        RebuildsToReady(_index.Index);
    }

    [Fact]
    public void An_index_built_with_other_analysis_is_rebuilt()
    {
        var restarted = _index.Reopen();
        var folder = Path.Combine(_index.Path, "g-older");
        using (var directory = Lucene.Net.Store.FSDirectory.Open(folder))
        using (var analyzer = new Lucene.Net.Analysis.Standard.StandardAnalyzer(PortalAnalyzer.Version))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(PortalAnalyzer.Version, analyzer)))
        {
            writer.AddDocument([new Lucene.Net.Documents.TextField("title", "Falls", Lucene.Net.Documents.Field.Store.YES)]);
            writer.SetCommitData(new IndexCursor(5, [], 0).ToCommitData());
            writer.Commit();
        }

        File.WriteAllText(Path.Combine(_index.Path, "current"), "g-older");

        Assert.False(restarted.TryOpen());

        SaysItIsRebuilding(restarted, "other analysis");
        RebuildsToReady(restarted);
        Assert.False(Directory.Exists(folder));
    }
}
