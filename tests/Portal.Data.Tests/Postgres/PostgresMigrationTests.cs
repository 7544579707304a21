using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;

namespace Portal.Data.Tests.Postgres;

/// <summary>The PostgreSQL migrations build the schema on an empty database, once.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresMigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_empty_database_is_not_ready_until_it_is_migrated()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(postgres.Server, migrate: false);

        await using (var scope = database.CreateScope())
        {
            var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
            Assert.False(await migrator.IsReadyAsync());
            await migrator.MigrateAsync();
        }

        await using var check = database.CreateScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<DatabaseMigrator>().IsReadyAsync());
        var db = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.IsType<PostgresPortalDbContext>(db);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(postgres.Server);
        var before = await SchemaAsync(database);

        await using (var scope = database.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        Assert.Equal(before, await SchemaAsync(database));
        await using var check = database.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(db.Database.GetMigrations().Count(), await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM \"__EFMigrationsHistory\"").SingleAsync());
    }

    [Fact]
    public async Task Migrations_create_a_database_that_does_not_exist_yet()
    {
        var connectionString = postgres.Server.ConnectionString($"portal_new_{Guid.NewGuid():N}");
        var dataPath = TestPaths.NewTempFolder("pgdata");
        await using var services = PostgresTestDatabase.BuildServices(connectionString, dataPath);

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        await using var check = services.CreateAsyncScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<DatabaseMigrator>().IsReadyAsync());
        TestPaths.DeleteQuietly(dataPath);
    }

    /// <summary>Every column of the public schema with its type, and every index: what a migration would change.</summary>
    private static async Task<List<string>> SchemaAsync(PostgresTestDatabase database)
    {
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var columns = await db.Database.SqlQuery<string>($"""
            SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS "Value"
            FROM information_schema.columns WHERE table_schema = 'public'
            """).ToListAsync();
        var indexes = await db.Database.SqlQuery<string>($"""
            SELECT indexdef AS "Value" FROM pg_indexes WHERE schemaname = 'public'
            """).ToListAsync();
        return [.. columns.Concat(indexes).Order(StringComparer.Ordinal)];
    }
}
