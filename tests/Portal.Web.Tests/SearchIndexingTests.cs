using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Core.Geography;
using Portal.Core.WorkStreams;
using Portal.Data;
using Portal.Search;
using Portal.Testing;
using Portal.Web.Features.Search;
using Portal.Web.Features.WorkStreams;

namespace Portal.Web.Tests;

/// <summary>
/// The worker keeps each node's index in step with one database (SQLite here): every node keeps
/// its own index and acts on every rebuild request, and a change made while a rebuild reads is
/// applied afterwards.
/// </summary>
public sealed class SearchIndexingTests
{
    [Fact]
    public async Task Two_nodes_on_one_database_each_keep_their_own_index_and_both_act_on_a_rebuild_request()
    {
        await using var database = await SqliteTestDatabase.CreateDemoAsync();
        var clock = new ManualClock();
        using var first = new SearchNode(clock);
        using var second = new SearchNode(clock);
        await first.StepAsync(database.Services);
        await second.StepAsync(database.Services);
        var built = first.Index.Status().Documents;

        var added = await SearchNode.AddWorkStreamAsync(database.Services, "Quokka outreach", "Evidence on quokka-assisted outreach in general practice.", clock);
        await first.StepAsync(database.Services);
        await second.StepAsync(database.Services);

        Assert.True(built > 0, "The demo content is indexed.");
        Assert.NotEqual(first.Folder, second.Folder);
        Assert.Equal(added.ToString(), Assert.Single(first.Find("quokka")).Id);
        Assert.Equal(added.ToString(), Assert.Single(second.Find("quokka")).Id);
        Assert.Equal(built + 1, second.Index.Status().Documents);

        var requested = await SearchNode.AddRebuildRequestAsync(database.Services, clock);
        var before = (first.Index.Status().LastRebuildAt, second.Index.Status().LastRebuildAt);
        await first.StepAsync(database.Services);
        await second.StepAsync(database.Services);

        foreach (var node in new[] { first, second })
        {
            var status = node.Index.Status();
            Assert.Equal(requested, status.Cursor.RebuildRequest);
            Assert.Equal(SearchIndexState.Ready, status.State);
            Assert.Equal(built + 1, status.Documents);
            Assert.Single(node.Find("quokka"));
        }

        Assert.True(first.Index.Status().LastRebuildAt > before.Item1 && second.Index.Status().LastRebuildAt > before.Item2, "Both nodes rebuilt.");
        // Acted on once: the next step only looks for tasks.
        var rebuiltAt = first.Index.Status().LastRebuildAt;
        Assert.Equal(0, await first.StepAsync(database.Services));
        Assert.Equal(rebuiltAt, first.Index.Status().LastRebuildAt);
    }

    [Fact]
    public async Task Changes_made_while_a_rebuild_reads_are_applied_after_it()
    {
        await using var database = await SqliteTestDatabase.CreateDemoAsync();
        var clock = new ManualClock();
        var existing = await SearchNode.AddWorkStreamAsync(database.Services, "Pangolin pathways", "Evidence on pangolin pathways.", clock);
        Guid? addedDuringRebuild = null;
        // Runs after the real handlers have read everything: what it changes, the rebuild has already passed.
        var meanwhile = new ChangeDuringRebuild(async () =>
        {
            addedDuringRebuild = await SearchNode.AddWorkStreamAsync(database.Services, "Narwhal networks", "Evidence on narwhal networks.", clock);
            await using var scope = database.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var stream = await db.WorkStreams.Include(w => w.System).SingleAsync(w => w.Id == existing);
            stream.Describe("Armadillo pathways", "Evidence on armadillo pathways.", stream.System!, null);
            await db.SaveChangesAsync();
        });
        using var node = new SearchNode(clock, [.. SearchNode.AllHandlers(), meanwhile]);

        await node.StepAsync(database.Services);

        Assert.True(meanwhile.Ran);
        Assert.Empty(node.Find("narwhal"));
        Assert.Single(node.Find("pangolin"));

        await node.StepAsync(database.Services);

        Assert.Equal(addedDuringRebuild.ToString(), Assert.Single(node.Find("narwhal")).Id);
        Assert.Equal(existing.ToString(), Assert.Single(node.Find("armadillo")).Id);
        Assert.Empty(node.Find("pangolin"));
    }

    /// <summary>A content type of its own whose "reading everything" changes other content, as an editor saving during a rebuild would.</summary>
    private sealed class ChangeDuringRebuild(Func<Task> change) : ISearchIndexHandler
    {
        public bool Ran { get; private set; }

        public string ContentType => "ChangeDuringRebuild";

        public string SearchType => "test";

        public Task<IReadOnlyList<SearchDocument>> DocumentsAsync(PortalDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SearchDocument>>([]);

        public Task<IReadOnlyDictionary<string, IReadOnlyCollection<string>>> DependentsAsync(PortalDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
            Task.FromResult(SearchTypes.NoDependents);

        public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> AllAsync(PortalDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (!Ran)
            {
                Ran = true;
                await change();
            }

            yield return [];
        }
    }
}

/// <summary>A clock the test moves: gaps are given up by time.</summary>
internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>One node's search: its own index folder and worker, on whatever database the test gives it.</summary>
internal sealed class SearchNode : IDisposable
{
    /// <summary>A reader who may open every kind of document.</summary>
    private static readonly string[] Everything =
    [
        AccessTerms.Public,
        AccessTerms.Permission(WorkStreamsPermissions.ViewWorkStreams.Name),
        AccessTerms.Permission(Features.Requests.RequestsPermissions.ViewAllRequests.Name),
        AccessTerms.Permission(Features.Segmentation.SegmentationPermissions.ViewSegmentationOutputs.Name),
    ];

    public SearchNode(TimeProvider clock, IEnumerable<ISearchIndexHandler>? handlers = null, TimeSpan? gapTimeout = null)
    {
        Folder = TestPaths.NewTempFolder("search-node");
        Index = new SearchIndex(new SearchIndexOptions { Path = Folder });
        Indexing = new SearchIndexing(Index, handlers ?? AllHandlers(), new SearchOptions(Folder, TimeSpan.FromSeconds(1), gapTimeout ?? TimeSpan.FromMinutes(10), 500), clock, NullLogger<SearchIndexing>.Instance);
    }

    public string Folder { get; }

    public SearchIndex Index { get; }

    public SearchIndexing Indexing { get; }

    public static ISearchIndexHandler[] AllHandlers() => [new SummaryIndexHandler(), new WorkStreamIndexHandler(), new RequestIndexHandler(), new SegmentationIndexHandler()];

    /// <summary>What the worker's loop does once, with a context of its own.</summary>
    public async Task<int> StepAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await Indexing.StepAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), CancellationToken.None);
    }

    public async Task<int> CatchUpAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await Indexing.CatchUpAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), CancellationToken.None);
    }

    public IReadOnlyList<SearchHit> Find(string text) =>
        (Index.Search(new SearchQuery { Text = text, ReaderAccess = Everything, PageSize = SearchQuery.MaxPageSize })
            ?? throw new InvalidOperationException("The index is not ready.")).Hits;

    /// <summary>A work stream saved as an editor saves one (the save hook adds its indexing task); its id.</summary>
    public static async Task<Guid> AddWorkStreamAsync(IServiceProvider services, string title, string summary, TimeProvider clock)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var stream = new WorkStream("ws-" + Guid.NewGuid().ToString("N")[..8], title, summary, await SystemAsync(db), clock.GetUtcNow());
        db.WorkStreams.Add(stream);
        await db.SaveChangesAsync();
        return stream.Id;
    }

    /// <summary>A system area to hang work streams on: the demo's, or a small tree made for the test.</summary>
    public static async Task<GeoArea> SystemAsync(PortalDbContext db)
    {
        if (await db.GeoAreas.FirstOrDefaultAsync(a => a.Level == GeoLevel.System && a.ValidTo == null) is { } system)
        {
            return system;
        }

        var start = new DateOnly(2022, 7, 1);
        var england = new GeoArea("E92000001", "England", GeoLevel.Country, null, new DateOnly(2009, 1, 1), null, null);
        var region = new GeoArea("E40000012", "North East and Yorkshire", GeoLevel.Region, england, start, null, "Y63");
        system = new GeoArea("E54000050", "NHS North East and North Cumbria ICB", GeoLevel.System, region, start, null, "QHM");
        db.GeoAreas.AddRange(england, region, system);
        await db.SaveChangesAsync();
        return system;
    }

    public static async Task<long> AddRebuildRequestAsync(IServiceProvider services, TimeProvider clock)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var request = SearchAdministration.AddRebuildRequest(db, SearchAdministration.CommandLine, "Test", clock.GetUtcNow());
        await db.SaveChangesAsync();
        return request.Id;
    }

    public void Dispose()
    {
        Index.Dispose();
        TestPaths.DeleteQuietly(Folder);
    }
}
