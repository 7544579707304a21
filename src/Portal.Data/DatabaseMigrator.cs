using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Portal.Data;

/// <summary>Brings the database to the latest migration: at start-up and from the `migrate` command.</summary>
public sealed class DatabaseMigrator(PortalDbContext db, DataFolder dataFolder, ILogger<DatabaseMigrator> logger)
{
    // Any fixed number: it names the lock; PostgreSQL keeps advisory locks per database.
    private const long PostgresMigrationLock = 0x5354454D_4D494752; // "STEMMIGR"

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(dataFolder.Path);
        if (db.Database.IsNpgsql())
        {
            await MigrateOneNodeAtATimeAsync(cancellationToken);
        }
        else
        {
            await ApplyPendingAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while a write commits; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>True when the database answers and every migration is applied.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
        && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();

    private async Task ApplyPendingAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Several nodes may start at once. EF Core's own lock on PostgreSQL ends with each migration's
    /// transaction, and a node that waited for it carries on with the list of migrations it read
    /// before, so it would apply again a migration another node has just applied. A session lock
    /// held for the whole run makes the nodes take turns; the next one then finds nothing to do.
    /// </summary>
    private async Task MigrateOneNodeAtATimeAsync(CancellationToken cancellationToken)
    {
        await EnsurePostgresDatabaseExistsAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({PostgresMigrationLock})", cancellationToken);
            try
            {
                await ApplyPendingAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({PostgresMigrationLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The lock needs a connection to the database, so create it first if it is missing.</summary>
    private async Task EnsurePostgresDatabaseExistsAsync(CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another node created it a moment ago.
        }
    }
}
