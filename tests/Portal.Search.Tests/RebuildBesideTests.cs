using System.Globalization;

namespace Portal.Search.Tests;

/// <summary>A rebuild writes a new generation beside the live one; searches use the old one until it is complete.</summary>
public sealed class RebuildBesideTests : IDisposable
{
    private readonly TestIndex _index = TestIndex.With([Docs.Summary("old", "Falls prevention, the old index")], new IndexCursor(5, [], 0));

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task Searches_keep_working_during_a_rebuild_and_see_the_new_index_after_it()
    {
        var oldFolder = File.ReadAllText(Path.Combine(_index.Path, "current")).Trim();
        var failures = new List<string>();
        var searches = 0;
        using var stop = new CancellationTokenSource();
        var searching = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var results = _index.Index.Search(new SearchQuery { Text = "falls", ReaderAccess = [AccessTerms.Public] });
                var ids = results?.Ids() ?? [];
                if (results is null || !(ids.SequenceEqual(["old"]) || ids.All(id => id.StartsWith('n'))))
                {
                    lock (failures)
                    {
                        failures.Add(results is null ? "null" : string.Join(',', ids));
                    }
                }

                Interlocked.Increment(ref searches);
            }
        });

        using (var builder = _index.Index.BeginRebuild())
        {
            Assert.True(_index.Index.Status().RebuildingBeside);
            Parallel.For(0, 300, i => builder.Add(Docs.Summary("n" + i.ToString(CultureInfo.InvariantCulture), "Falls summary " + i.ToString(CultureInfo.InvariantCulture), "Falls and frailty.")));
            SpinWait.SpinUntil(() => Volatile.Read(ref searches) > 20, TimeSpan.FromSeconds(5));
            Assert.Equal(["old"], _index.Search("falls").Ids());
            builder.Complete(new IndexCursor(42, [], 3));
        }

        var countAfterSwap = Volatile.Read(ref searches);
        SpinWait.SpinUntil(() => Volatile.Read(ref searches) > countAfterSwap + 20, TimeSpan.FromSeconds(5));
        stop.Cancel();
        await searching;

        Assert.Empty(failures);
        Assert.True(searches > 40, searches.ToString(CultureInfo.InvariantCulture));
        var after = _index.Search(new SearchQuery { Text = "falls", ReaderAccess = [AccessTerms.Public], PageSize = 50 });
        Assert.Equal(300, after.Total);
        Assert.DoesNotContain("old", after.Ids());
        var status = _index.Index.Status();
        Assert.Equal(300, status.Documents);
        Assert.False(status.RebuildingBeside);
        Assert.Equal(42, status.Cursor.Position);
        Assert.Equal(3, status.Cursor.RebuildRequest);

        // The old generation is gone: only the new one is left, and it is the one named current.
        var folders = Directory.GetDirectories(_index.Path).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain(oldFolder, folders);
        Assert.Equal([File.ReadAllText(Path.Combine(_index.Path, "current")).Trim()], folders);
    }

    [Fact]
    public void Batches_after_a_rebuild_go_to_the_new_index_and_survive_a_restart()
    {
        using (var builder = _index.Index.BeginRebuild())
        {
            builder.Add(Docs.Summary("new", "Falls prevention, the new index"));
            builder.Complete(new IndexCursor(10, [], 0));
        }

        _index.Index.Apply([Docs.Summary("batch", "Falls after the rebuild")], [], new IndexCursor(11, [], 0));
        Assert.Equal(["batch", "new"], _index.Search("falls").Ids().Order());

        var restarted = _index.Reopen();
        Assert.True(restarted.TryOpen());
        Assert.Equal(["batch", "new"], _index.Search("falls").Ids().Order());
        Assert.Equal(11, restarted.Cursor.Position);
    }

    [Fact]
    public void A_rebuild_with_new_synonyms_uses_them_from_then_on()
    {
        var (rules, problems) = SynonymRules.Parse("tumble, falls\n");
        Assert.Empty(problems);

        using (var builder = _index.Index.BeginRebuild(rules))
        {
            builder.Add(Docs.Summary("old", "Falls prevention, the old index"));
            builder.Complete(new IndexCursor(10, [], 0));
        }

        Assert.Equal(["old"], _index.Search("tumble").Ids());
        Assert.Same(rules, _index.Index.Synonyms);
        _index.Index.Apply([Docs.Summary("batch", "Falls after the rebuild")], [], new IndexCursor(11, [], 0));
        Assert.Equal(["batch", "old"], _index.Search("tumble").Ids().Order());
        Assert.Empty(_index.Search("elderly").Hits);
    }

    [Fact]
    public void Folders_left_by_a_crash_mid_rebuild_are_removed_by_the_next_swap()
    {
        var leftOver = Path.Combine(_index.Path, "g20200101000000000-abcdef");
        Directory.CreateDirectory(leftOver);
        File.WriteAllText(Path.Combine(leftOver, "_0.cfs"), "half written");

        using (var builder = _index.Index.BeginRebuild())
        {
            builder.Add(Docs.Summary("new", "Falls"));
            builder.Complete(new IndexCursor(10, [], 0));
        }

        Assert.False(Directory.Exists(leftOver));
        Assert.Single(Directory.GetDirectories(_index.Path));
    }
}
