using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.WorkStreams;
using Portal.Testing;

namespace Portal.Data.Tests.Postgres;

/// <summary>Two nodes (two contexts, two connections) racing for the same unique key.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresConcurrencyTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 1, 12, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Of_two_simultaneous_inserts_of_the_same_key_exactly_one_succeeds()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(postgres.Server);
        var systemId = await Geography.AddSystemAsync(database.Services);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ready = new[] { new TaskCompletionSource(), new TaskCompletionSource() };

        var saves = Enumerable.Range(0, 2).Select(n => Task.Run(async () =>
        {
            await using var scope = database.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.WorkStreams.Add(new WorkStream("frailty-framework", $"Frailty framework {n}", "", await Geography.FindAsync(db, systemId), Now));
            // Each holds its own open connection before the start, so both saves really overlap.
            await db.Database.OpenConnectionAsync();
            ready[n].SetResult();
            await go.Task;
            try
            {
                await db.SaveChangesAsync();
                return (DbUpdateException?)null;
            }
            catch (DbUpdateException refused)
            {
                return refused;
            }
        })).ToList();
        await Task.WhenAll(ready.Select(r => r.Task));
        go.SetResult();
        var outcomes = await Task.WhenAll(saves);

        Assert.Single(outcomes, o => o is null);
        PostgresTypeTests.AssertUniqueViolation(Assert.Single(outcomes.OfType<DbUpdateException>()), "IX_WorkStreams_Key");
        await using var check = database.CreateScope();
        var saved = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        var winner = await saved.WorkStreams.SingleAsync();
        // The loser's audit event went with its rolled-back insert.
        var audit = await saved.AuditEvents.SingleAsync(a => a.SubjectType == "WorkStream");
        Assert.Equal(winner.Id.ToString(), audit.SubjectId);
    }
}
