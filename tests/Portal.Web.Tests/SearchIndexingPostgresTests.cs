using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.WorkStreams;
using Portal.Data;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>
/// On PostgreSQL task ids are handed out when a transaction inserts, but transactions commit in
/// their own order: the worker must not skip a lower id that commits after a higher one was read,
/// and must give up a rolled-back one's id after the gap timeout.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class SearchIndexingPostgresTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_task_committed_after_a_higher_one_was_read_is_not_skipped()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(postgres.Server);
        var clock = new ManualClock();
        using var node = new SearchNode(clock);
        await SeedAsync(database, clock);
        await node.StepAsync(database.Services);
        Assert.Single(node.Find("seeded"));

        // The first transaction inserts first (the lower id) but commits last.
        await using var firstScope = database.CreateScope();
        var first = firstScope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var firstTransaction = await first.Database.BeginTransactionAsync();
        var (firstStream, firstTask) = await AddAsync(first, "Ocelot outreach", clock);
        await using (var secondScope = database.CreateScope())
        {
            var second = secondScope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var secondTransaction = await second.Database.BeginTransactionAsync();
            var (_, secondTask) = await AddAsync(second, "Tapir triage", clock);
            await secondTransaction.CommitAsync();
            Assert.True(firstTask < secondTask, $"Task {firstTask} was handed out before {secondTask}.");
        }

        Assert.True(await node.CatchUpAsync(database.Services) > 0);
        Assert.Single(node.Find("tapir"));
        Assert.Empty(node.Find("ocelot"));
        Assert.Contains(firstTask, node.Index.Cursor.GapIds);

        await firstTransaction.CommitAsync();
        Assert.Equal(1, await node.CatchUpAsync(database.Services));

        Assert.Equal(firstStream.ToString(), Assert.Single(node.Find("ocelot")).Id);
        Assert.DoesNotContain(firstTask, node.Index.Cursor.GapIds);
        Assert.Single(node.Find("tapir"));
    }

    [Fact]
    public async Task A_rolled_back_task_is_looked_for_until_the_gap_timeout_and_then_given_up()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(postgres.Server);
        var clock = new ManualClock();
        var timeout = TimeSpan.FromMinutes(10);
        using var node = new SearchNode(clock, gapTimeout: timeout);
        await SeedAsync(database, clock);
        await node.StepAsync(database.Services);

        long rolledBack;
        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            (_, rolledBack) = await AddAsync(db, "Wombat wards", clock);
            await transaction.RollbackAsync();
        }

        await SearchNode.AddWorkStreamAsync(database.Services, "Lemur lists", "Evidence on lemur lists.", clock);
        await node.CatchUpAsync(database.Services);
        Assert.Contains(rolledBack, node.Index.Cursor.GapIds);

        clock.Now += timeout - TimeSpan.FromSeconds(1);
        await node.CatchUpAsync(database.Services);
        Assert.Contains(rolledBack, node.Index.Cursor.GapIds);

        clock.Now += TimeSpan.FromSeconds(2);
        await node.CatchUpAsync(database.Services);

        Assert.Empty(node.Index.Cursor.Gaps);
        Assert.Single(node.Find("lemur"));
        Assert.Empty(node.Find("wombat"));
        // Nothing left to do: the next round changes nothing.
        Assert.Equal(0, await node.CatchUpAsync(database.Services));
    }

    private static async Task SeedAsync(PostgresTestDatabase database, ManualClock clock) =>
        await SearchNode.AddWorkStreamAsync(database.Services, "Seeded stream", "Evidence seeded before the index was built.", clock);

    /// <summary>Adds a work stream in the context's open transaction; its id and the task id the save handed out.</summary>
    private static async Task<(Guid Stream, long Task)> AddAsync(PortalDbContext db, string title, TimeProvider clock)
    {
        var stream = new WorkStream("ws-" + Guid.NewGuid().ToString("N")[..8], title, $"Evidence on {title.ToLowerInvariant()}.", await SearchNode.SystemAsync(db), clock.GetUtcNow());
        db.WorkStreams.Add(stream);
        await db.SaveChangesAsync();
        var task = await db.IndexingTasks.Where(t => t.ContentId == stream.Id.ToString()).Select(t => t.Id).SingleAsync();
        return (stream.Id, task);
    }
}
