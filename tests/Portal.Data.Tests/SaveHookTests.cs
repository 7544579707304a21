using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.WorkStreams;
using Portal.Data.SaveHook;
using Portal.Testing;

namespace Portal.Data.Tests;

/// <summary>The save hook turns domain events into audit events, indexing tasks and reactors' side effects.</summary>
public class SaveHookTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 12, 9, 30, 15, 250, TimeSpan.Zero);

    [Fact]
    public async Task Saving_a_new_work_stream_writes_an_audit_event_and_an_indexing_task_in_the_same_save()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(s => s.AddSingleton<TimeProvider>(new FixedClock(Now)));
        var systemId = await Geography.AddSystemAsync(database);

        Guid id;
        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var workStream = new WorkStream("frailty-framework", "Frailty framework", "", await Geography.FindAsync(db, systemId), Now);
            id = workStream.Id;
            db.WorkStreams.Add(workStream);

            var written = await db.SaveChangesAsync();

            Assert.Equal(3, written); // the work stream, its audit event and its indexing task
        }

        await using var check = database.CreateScope();
        var saved = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        var audit = Assert.Single(await saved.AuditEvents.ToListAsync());
        Assert.Equal("WorkStreamCreated", audit.EventType);
        Assert.Equal("system", audit.Actor);
        Assert.Equal("WorkStream", audit.SubjectType);
        Assert.Equal(id.ToString(), audit.SubjectId);
        Assert.Equal(Now, audit.OccurredAt);
        using (var data = JsonDocument.Parse(audit.Data))
        {
            Assert.Equal("Frailty framework", data.RootElement.GetProperty("Title").GetString());
        }

        var task = Assert.Single(await saved.IndexingTasks.ToListAsync());
        Assert.Equal("WorkStream", task.ContentType);
        Assert.Equal(id.ToString(), task.ContentId);
        Assert.Equal(IndexingTaskKind.Update, task.Kind);
        Assert.Equal(Now, task.CreatedAt);
    }

    [Fact]
    public async Task A_reactor_adds_a_notification_and_an_outbox_message_to_the_save()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(s => s.AddScoped<IDomainEventReactor, NewWorkStreamReactor>());
        var systemId = await Geography.AddSystemAsync(database);

        var id = await AddWorkStreamAsync(database, "frailty-framework", systemId);

        await using var check = database.CreateScope();
        var saved = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        var notification = Assert.Single(await saved.Notifications.ToListAsync());
        Assert.Equal(NewWorkStreamReactor.CoordinatorId, notification.UserId);
        Assert.Equal("New work stream: Frailty framework", notification.Text);
        Assert.Equal($"/work-streams/{id}", notification.Link);
        var mail = Assert.Single(await saved.OutboxMessages.ToListAsync());
        Assert.Equal(NewWorkStreamReactor.CoordinatorAddress, mail.ToAddress);
        Assert.Equal("WorkStreamCreated", mail.Template);
        Assert.Equal(OutboxStatus.Pending, mail.Status);
        Assert.Contains("Frailty framework", mail.Model, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_save_leaves_none_of_its_side_effects()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(s => s.AddScoped<IDomainEventReactor, NewWorkStreamReactor>());
        var systemId = await Geography.AddSystemAsync(database);
        await AddWorkStreamAsync(database, "frailty-framework", systemId);
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
        }

        Assert.Equal(before, await CountSideEffectsAsync(database));
        await using var check = database.CreateScope();
        var saved = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(await saved.AuditEvents.AnyAsync(a => a.SubjectId == duplicateId.ToString()));
        Assert.False(await saved.IndexingTasks.AnyAsync(t => t.ContentId == duplicateId.ToString()));
    }

    [Fact]
    public async Task Saving_domain_events_with_synchronous_SaveChanges_is_refused()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var systemId = await Geography.AddSystemAsync(database);

        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.WorkStreams.Add(new WorkStream("frailty-framework", "Frailty framework", "", await Geography.FindAsync(db, systemId), Now));

            var refused = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

            Assert.Contains("SaveChangesAsync", refused.Message, StringComparison.Ordinal);
        }

        await using var check = database.CreateScope();
        var saved = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(await saved.WorkStreams.AnyAsync());
        Assert.False(await saved.AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task Synchronous_SaveChanges_still_saves_changes_without_domain_events()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Topics.Add(new Core.Topics.Topic("frailty", "Frailty", null));
            db.SaveChanges();
        }

        await using var check = database.CreateScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<PortalDbContext>().Topics.CountAsync());
    }

    [Fact]
    public async Task Events_are_audited_once_however_often_the_entity_is_saved()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var systemId = await Geography.AddSystemAsync(database);

        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var workStream = new WorkStream("frailty-framework", "Frailty framework", "", await Geography.FindAsync(db, systemId), Now);
            db.WorkStreams.Add(workStream);
            await db.SaveChangesAsync();

            Assert.Equal(0, await db.SaveChangesAsync());

            workStream.SetStatus(WorkStreamStatus.Paused);
            await db.SaveChangesAsync();
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateScope();
        var saved = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(
            ["WorkStreamCreated", "WorkStreamChanged"],
            await saved.AuditEvents.OrderBy(a => a.Id).Select(a => a.EventType).ToListAsync());
        Assert.Equal(2, await saved.IndexingTasks.CountAsync());
    }

    [Fact]
    public async Task The_registered_actor_is_recorded_on_the_audit_event()
    {
        // AddPortalData registers the default actor with TryAdd; a later registration must win.
        await using var database = await SqliteTestDatabase.CreateAsync(s => s.AddScoped<IActor>(_ => new SystemActor("user-42")));
        var systemId = await Geography.AddSystemAsync(database);

        await AddWorkStreamAsync(database, "frailty-framework", systemId);

        await using var check = database.CreateScope();
        var audit = Assert.Single(await check.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEvents.ToListAsync());
        Assert.Equal("user-42", audit.Actor);
    }

    private static async Task<Guid> AddWorkStreamAsync(SqliteTestDatabase database, string key, int systemId)
    {
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var workStream = new WorkStream(key, "Frailty framework", "", await Geography.FindAsync(db, systemId), Now);
        db.WorkStreams.Add(workStream);
        await db.SaveChangesAsync();
        return workStream.Id;
    }

    private static async Task<(int Audit, int Indexing, int Notifications, int Outbox)> CountSideEffectsAsync(SqliteTestDatabase database)
    {
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return (await db.AuditEvents.CountAsync(), await db.IndexingTasks.CountAsync(), await db.Notifications.CountAsync(), await db.OutboxMessages.CountAsync());
    }
}
