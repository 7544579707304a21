using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.WorkStreams;
using Portal.Data.SaveHook;
using Portal.Testing;

namespace Portal.Data.Tests.Postgres;

/// <summary>The save hook's side effects commit and roll back with the change on PostgreSQL too.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresSaveHookTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 1, 12, 9, 30, 15, 250, TimeSpan.Zero);

    [Fact]
    public async Task Saving_a_new_work_stream_writes_an_audit_event_and_an_indexing_task_in_the_same_save()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(postgres.Server, s => s.AddSingleton<TimeProvider>(new FixedClock(Now)));
        var systemId = await Geography.AddSystemAsync(database.Services);

        Guid id;
        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var workStream = new WorkStream("frailty-framework", "Frailty framework", "", await Geography.FindAsync(db, systemId), Now);
            id = workStream.Id;
            db.WorkStreams.Add(workStream);

            Assert.Equal(3, await db.SaveChangesAsync()); // the work stream, its audit event and its indexing task
        }

        await using var check = database.CreateScope();
        var saved = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        var audit = Assert.Single(await saved.AuditEvents.Where(a => a.SubjectType == "WorkStream").ToListAsync());
        Assert.Equal("WorkStreamCreated", audit.EventType);
        Assert.Equal(id.ToString(), audit.SubjectId);
        Assert.Equal(Now, audit.OccurredAt);
        var task = Assert.Single(await saved.IndexingTasks.Where(t => t.ContentType == "WorkStream").ToListAsync());
        Assert.Equal(id.ToString(), task.ContentId);
        Assert.Equal(IndexingTaskKind.Update, task.Kind);
    }

    [Fact]
    public async Task A_failed_save_leaves_none_of_its_side_effects()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(postgres.Server, s => s.AddScoped<IDomainEventReactor, NewWorkStreamReactor>());
        var systemId = await Geography.AddSystemAsync(database.Services);
        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.WorkStreams.Add(new WorkStream("frailty-framework", "Frailty framework", "", await Geography.FindAsync(db, systemId), Now));
            await db.SaveChangesAsync();
        }

        var before = await CountSideEffectsAsync(database);

        Guid duplicateId;
        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var duplicate = new WorkStream("frailty-framework", "Another frailty framework", "", await Geography.FindAsync(db, systemId), Now);
            duplicateId = duplicate.Id;
            db.WorkStreams.Add(duplicate);

            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

            // The hook did add them to the failed save; the rollback must take them away.
            Assert.Contains(db.ChangeTracker.Entries<AuditEvent>(), e => e.State == EntityState.Added);
            Assert.Contains(db.ChangeTracker.Entries<OutboxMessage>(), e => e.State == EntityState.Added);
            Assert.Contains(db.ChangeTracker.Entries<Notification>(), e => e.State == EntityState.Added);
        }

        Assert.Equal(before, await CountSideEffectsAsync(database));
        await using var check = database.CreateScope();
        var saved = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(await saved.AuditEvents.AnyAsync(a => a.SubjectId == duplicateId.ToString()));
        Assert.False(await saved.IndexingTasks.AnyAsync(t => t.ContentId == duplicateId.ToString()));
    }

    private static async Task<(int Audit, int Indexing, int Notifications, int Outbox)> CountSideEffectsAsync(PostgresTestDatabase database)
    {
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return (await db.AuditEvents.CountAsync(), await db.IndexingTasks.CountAsync(), await db.Notifications.CountAsync(), await db.OutboxMessages.CountAsync());
    }
}
