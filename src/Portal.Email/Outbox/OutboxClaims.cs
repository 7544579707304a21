using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.SaveHook;

namespace Portal.Email.Outbox;

/// <summary>
/// Claims due messages for one dispatcher by setting LockedUntil, so that no other dispatcher
/// sends them meanwhile. A claim that is never released (the process died) runs out at LockedUntil.
/// </summary>
internal static class OutboxClaims
{
    private const string Pending = nameof(OutboxStatus.Pending);

    /// <summary>Up to <paramref name="batchSize"/> due messages, oldest due first, now locked until <paramref name="until"/>.</summary>
    public static Task<List<OutboxMessage>> ClaimAsync(
        PortalDbContext db, DateTimeOffset now, DateTimeOffset until, int batchSize, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? ClaimOnPostgresAsync(db, now, until, batchSize, cancellationToken)
            : ClaimOneByOneAsync(db, now, until, batchSize, cancellationToken);

    /// <summary>
    /// Several nodes share the database: one statement picks and locks the rows, and SKIP LOCKED
    /// makes a second node take other rows rather than wait for (and then re-send) these.
    /// </summary>
    private static Task<List<OutboxMessage>> ClaimOnPostgresAsync(
        PortalDbContext db, DateTimeOffset now, DateTimeOffset until, int batchSize, CancellationToken cancellationToken) =>
        db.OutboxMessages.FromSql($"""
            UPDATE "OutboxMessages" SET "LockedUntil" = {until}
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "Status" = {Pending} AND "NextAttemptAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                ORDER BY "NextAttemptAt"
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """)
            .AsTracking()
            .ToListAsync(cancellationToken);

    /// <summary>
    /// SQLite serves one node and has no row locks: a conditional update per row is atomic, so of two
    /// dispatchers racing for the same row exactly one changes it and the other sees 0 rows affected.
    /// </summary>
    private static async Task<List<OutboxMessage>> ClaimOneByOneAsync(
        PortalDbContext db, DateTimeOffset now, DateTimeOffset until, int batchSize, CancellationToken cancellationToken)
    {
        var candidates = await Due(db.OutboxMessages, now)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        var claimed = new List<Guid>();
        foreach (var id in candidates)
        {
            var changed = await Due(db.OutboxMessages.Where(m => m.Id == id), now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until), cancellationToken);
            if (changed == 1)
            {
                claimed.Add(id);
            }
        }

        return await db.OutboxMessages
            .Where(m => claimed.Contains(m.Id))
            .OrderBy(m => m.NextAttemptAt)
            .AsTracking()
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> messages, DateTimeOffset now) =>
        messages.Where(m => m.Status == OutboxStatus.Pending
            && m.NextAttemptAt <= now
            && (m.LockedUntil == null || m.LockedUntil < now));
}
