namespace Portal.Search.Tests;

/// <summary>Batches applied with the cursor they reach, and what a restarted node reads back.</summary>
public sealed class KeepingInStepTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private readonly TestIndex _index = TestIndex.With(
        [Docs.Summary("1", "Falls prevention"), Docs.Summary("2", "Smoking cessation")],
        new IndexCursor(5, [], 3));

    public void Dispose() => _index.Dispose();

    [Fact]
    public void A_rebuild_commits_the_cursor_it_was_given()
    {
        Assert.Equal(5, _index.Index.Cursor.Position);
        Assert.Equal(3, _index.Index.Cursor.RebuildRequest);
        var status = _index.Index.Status();
        Assert.Equal(SearchIndexState.Ready, status.State);
        Assert.Equal(2, status.Documents);
        Assert.NotNull(status.LastRebuildAt);
        Assert.False(status.RebuildingBeside);
    }

    [Fact]
    public void A_batch_adds_replaces_and_deletes_by_key_and_moves_the_cursor()
    {
        var cursor = _index.Index.Cursor.After([6, 8], Now, Now.AddMinutes(-10));

        _index.Index.Apply(
            [Docs.Summary("1", "Falls prevention revised", "Hip protectors"), Docs.Summary("3", "Diabetes prevention")],
            [SearchDocument.KeyOf("summary", "2")],
            cursor);

        Assert.Equal(["1", "3"], _index.Search("prevention").Ids().Order());
        Assert.Equal(["1"], _index.Search("hip").Ids());
        Assert.Empty(_index.Search("smoking").Hits);
        Assert.Equal(8, _index.Index.Cursor.Position);
        Assert.Equal([7], _index.Index.Cursor.GapIds);
        Assert.Equal(2, _index.Index.Status().Documents);
        Assert.NotNull(_index.Index.Status().LastCommitAt);
    }

    [Fact]
    public void A_restarted_node_reads_the_index_and_cursor_it_committed()
    {
        var cursor = _index.Index.Cursor.After([6, 9], Now, Now.AddMinutes(-10));
        _index.Index.Apply([Docs.Summary("3", "Diabetes prevention")], [], cursor);

        var restarted = _index.Reopen();

        Assert.Equal(SearchIndexState.Starting, restarted.State);
        Assert.True(restarted.TryOpen());
        Assert.Equal(SearchIndexState.Ready, restarted.State);
        Assert.Equal(9, restarted.Cursor.Position);
        Assert.Equal([7, 8], restarted.Cursor.GapIds);
        Assert.Equal(Now, restarted.Cursor.Gaps[0].SeenAt);
        Assert.Equal(3, restarted.Cursor.RebuildRequest);
        Assert.Equal(["1", "3"], _index.Search("prevention").Ids().Order());

        // And it keeps writing where it left off.
        restarted.Apply([Docs.Summary("4", "Obesity prevention")], [], restarted.Cursor.After([7, 10], Now, Now.AddMinutes(-10)));
        Assert.Equal(["1", "3", "4"], _index.Search("prevention").Ids().Order());
        Assert.Equal([8], restarted.Cursor.GapIds);
    }

    [Fact]
    public void A_node_with_no_index_yet_says_it_is_rebuilding_and_refuses_to_write()
    {
        var path = TestIndex.NewFolder();
        using var index = new SearchIndex(new SearchIndexOptions { Path = path });
        try
        {
            Assert.False(index.TryOpen());

            Assert.Equal(SearchIndexState.Rebuilding, index.State);
            Assert.Null(index.Search(new SearchQuery { Text = "falls", ReaderAccess = [AccessTerms.Public] }));
            Assert.Null(index.Similar("falls prevention in older people", [AccessTerms.Public], ["summary"], 5));
            Assert.Null(index.SimilarTo("summary:1", [AccessTerms.Public], ["summary"], 5));
            Assert.Equal(IndexCursor.Start, index.Cursor);
            Assert.Equal(0, index.Status().Documents);
            Assert.Throws<InvalidOperationException>(() => index.Apply([Docs.Summary("1", "Falls")], [], IndexCursor.Start));
        }
        finally
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }

    [Fact]
    public async Task Searches_go_on_while_batches_commit_and_see_each_commit_whole()
    {
        var wrong = new List<string>();
        using var stop = new CancellationTokenSource();
        var searching = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Each batch adds a pair: a search sees both or neither.
                var results = _index.Search(new SearchQuery { Text = "pair", ReaderAccess = [AccessTerms.Public], PageSize = 50 });
                if (results.Total % 2 != 0)
                {
                    lock (wrong)
                    {
                        wrong.Add(string.Join(',', results.Ids()));
                    }
                }
            }
        });

        for (var i = 0; i < 20; i++)
        {
            var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _index.Index.Apply([Docs.Summary("a" + n, "Pair " + n), Docs.Summary("b" + n, "Pair " + n)], [], _index.Index.Cursor.After([6 + i], Now, Now));
        }

        await stop.CancelAsync();
        await searching;

        Assert.Empty(wrong);
        Assert.Equal(40, _index.Search("pair").Total);
        Assert.Equal(25, _index.Index.Cursor.Position);
    }

    [Fact]
    public void Synonyms_taken_into_use_apply_to_documents_written_from_then_on()
    {
        var (rules, _) = SynonymRules.Parse("tumble, falls\n");
        _index.Index.UseSynonyms(rules!);

        _index.Index.Apply([Docs.Summary("3", "Falls at home")], [], _index.Index.Cursor.After([6], Now, Now));

        Assert.Equal(["3"], _index.Search("tumble").Ids());
        Assert.Same(rules, _index.Index.Synonyms);
    }
}
