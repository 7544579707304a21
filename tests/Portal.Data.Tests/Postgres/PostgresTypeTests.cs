using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Core.Geography;
using Portal.Core.WorkStreams;
using Portal.Data.SaveHook;
using Portal.Testing;

namespace Portal.Data.Tests.Postgres;

/// <summary>What PostgreSQL stores differently from SQLite: times, enums, unique indexes.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresTypeTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 12, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Times_are_stored_as_timestamptz_and_come_back_as_the_same_UTC_moment()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(postgres.Server);
        // timestamptz keeps microseconds: a moment with whole microseconds comes back exactly.
        var occurredAt = Monday.AddTicks(1_234_560);
        var sentAt = Monday.AddMinutes(5).AddTicks(10);
        Guid mailId;
        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.AuditEvents.Add(Audit("exact", occurredAt));
            var mail = new OutboxMessage { ToAddress = "someone@example.org", Template = "Test", CreatedAt = Monday, NextAttemptAt = Monday, SentAt = sentAt };
            mailId = mail.Id;
            db.OutboxMessages.Add(mail);
            db.OutboxMessages.Add(new OutboxMessage { ToAddress = "unsent@example.org", Template = "Test", CreatedAt = Monday, NextAttemptAt = Monday });
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateScope();
        var saved = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        var audit = await saved.AuditEvents.SingleAsync();
        Assert.Equal(occurredAt, audit.OccurredAt);
        Assert.Equal(TimeSpan.Zero, audit.OccurredAt.Offset);
        Assert.Equal(sentAt, (await saved.OutboxMessages.SingleAsync(m => m.Id == mailId)).SentAt);
        Assert.Null((await saved.OutboxMessages.SingleAsync(m => m.Id != mailId)).SentAt);
        Assert.Equal("timestamp with time zone", await ColumnTypeAsync(saved, "AuditEvents", "OccurredAt"));
        Assert.Equal("timestamp with time zone", await ColumnTypeAsync(saved, "OutboxMessages", "SentAt"));
    }

    [Fact]
    public async Task Times_keep_microseconds_not_ticks()
    {
        // SQLite stores UTC ticks exactly; PostgreSQL cuts it to whole microseconds. Never compare a
        // moment read back with the in-memory one it was saved from to the tick.
        await using var database = await PostgresTestDatabase.CreateAsync(postgres.Server);
        var withTicks = Monday.AddTicks(1_234_567);
        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.AuditEvents.Add(Audit("ticks", withTicks));
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateScope();
        var saved = await check.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEvents.SingleAsync();
        Assert.Equal(Monday.AddTicks(1_234_560), saved.OccurredAt);
        Assert.NotEqual(withTicks, saved.OccurredAt);
    }

    [Fact]
    public async Task Times_can_be_ordered_and_compared_in_a_query()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(postgres.Server);
        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.AuditEvents.AddRange(
                Audit("wednesday", Monday.AddDays(2)),
                Audit("monday", Monday),
                Audit("tuesday", Monday.AddDays(1)),
                Audit("monday later", Monday.AddHours(3)));
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateScope();
        var saved = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(
            ["monday", "monday later", "tuesday", "wednesday"],
            await saved.AuditEvents.OrderBy(a => a.OccurredAt).Select(a => a.SubjectId).ToListAsync());
        Assert.Equal(
            ["tuesday", "wednesday"],
            await saved.AuditEvents.Where(a => a.OccurredAt > Monday.AddHours(12)).OrderBy(a => a.OccurredAt).Select(a => a.SubjectId).ToListAsync());
    }

    [Fact]
    public async Task A_time_with_an_offset_other_than_UTC_is_refused()
    {
        // Npgsql writes timestamptz from UTC values only; the portal's clock (TimeProvider.GetUtcNow) always is.
        // SQLite would accept it, so this is where code that uses local time fails first.
        await using var database = await PostgresTestDatabase.CreateAsync(postgres.Server);
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.AuditEvents.Add(Audit("local", new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(1))));

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("only offset 0 (UTC) is supported", Assert.IsType<ArgumentException>(refused.InnerException).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enums_are_stored_as_their_names()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(postgres.Server);
        var systemId = await Geography.AddSystemAsync(database.Services);
        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var workStream = new WorkStream("frailty-framework", "Frailty framework", "", await Geography.FindAsync(db, systemId), Monday);
            workStream.SetStatus(WorkStreamStatus.Paused);
            db.WorkStreams.Add(workStream);
            db.OutboxMessages.Add(new OutboxMessage { ToAddress = "someone@example.org", Template = "Test", Status = OutboxStatus.DeadLetter });
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateScope();
        var saved = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(WorkStreamStatus.Paused, (await saved.WorkStreams.SingleAsync()).Status);
        Assert.Equal(WorkStreamStatus.Paused, (await saved.WorkStreams.SingleAsync(w => w.Status == WorkStreamStatus.Paused)).Status);
        Assert.Equal(["Paused"], await RawAsync(saved, $"SELECT \"Status\" AS \"Value\" FROM \"WorkStreams\""));
        Assert.Equal(["DeadLetter"], await RawAsync(saved, $"SELECT \"Status\" AS \"Value\" FROM \"OutboxMessages\""));
        Assert.Equal(["Region", "System"], await RawAsync(saved, $"SELECT \"Level\" AS \"Value\" FROM \"GeoAreas\" ORDER BY \"Level\""));
        Assert.Equal(["Update", "Update"], await RawAsync(saved, $"SELECT \"Kind\" AS \"Value\" FROM \"IndexingTasks\""));
        Assert.Equal("character varying", await ColumnTypeAsync(saved, "WorkStreams", "Status"));
    }

    [Fact]
    public async Task A_second_geographic_area_with_the_same_code_is_refused()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(postgres.Server);
        await Geography.AddSystemAsync(database.Services, code: "E54000050");
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.GeoAreas.Add(new GeoArea("E54000050", "Another system", GeoLevel.System, null, new DateOnly(2022, 7, 1), null, null));

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        AssertUniqueViolation(refused, "IX_GeoAreas_Code");
    }

    [Fact]
    public async Task A_second_work_stream_with_the_same_key_is_refused()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(postgres.Server);
        var systemId = await Geography.AddSystemAsync(database.Services);
        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.WorkStreams.Add(new WorkStream("frailty-framework", "Frailty framework", "", await Geography.FindAsync(db, systemId), Monday));
            await db.SaveChangesAsync();
        }

        await using var again = database.CreateScope();
        var second = again.ServiceProvider.GetRequiredService<PortalDbContext>();
        second.WorkStreams.Add(new WorkStream("frailty-framework", "Another frailty framework", "", await Geography.FindAsync(second, systemId), Monday));

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());

        AssertUniqueViolation(refused, "IX_WorkStreams_Key");
    }

    internal static void AssertUniqueViolation(DbUpdateException refused, string index)
    {
        var postgresError = Assert.IsType<PostgresException>(refused.InnerException);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, postgresError.SqlState);
        Assert.Equal(index, postgresError.ConstraintName);
    }

    private static AuditEvent Audit(string subjectId, DateTimeOffset occurredAt) =>
        new() { OccurredAt = occurredAt, Actor = "system", EventType = "Test", SubjectType = "Day", SubjectId = subjectId };

    private static Task<List<string>> RawAsync(PortalDbContext db, FormattableString sql) => db.Database.SqlQuery<string>(sql).ToListAsync();

    private static Task<string> ColumnTypeAsync(PortalDbContext db, string table, string column) =>
        db.Database.SqlQuery<string>($"""
            SELECT data_type AS "Value" FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = {table} AND column_name = {column}
            """).SingleAsync();
}
