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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Two_nodes_migrating_at_the_same_time_both_succeed_and_apply_each_migration_once(bool databaseExists)
    {
        // EF Core's own lock is released between migrations; with two or more to apply, a node that
        // waited would apply one again ("column ... already exists") without the migrator's own lock.
        var connectionString = databaseExists
            ? await postgres.Server.CreateDatabaseAsync()
            : postgres.Server.ConnectionString($"portal_new_{Guid.NewGuid():N}");
        var dataPaths = new[] { TestPaths.NewTempFolder("pgdata"), TestPaths.NewTempFolder("pgdata") };
        await using var nodeA = PostgresTestDatabase.BuildServices(connectionString, dataPaths[0]);
        await using var nodeB = PostgresTestDatabase.BuildServices(connectionString, dataPaths[1]);

        await Task.WhenAll(MigrateAsync(nodeA), MigrateAsync(nodeB));

        await using var check = nodeA.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.True(db.Database.GetMigrations().Count() >= 2, "The race needs at least two migrations to apply.");
        Assert.True(await check.ServiceProvider.GetRequiredService<DatabaseMigrator>().IsReadyAsync());
        Assert.Equal(db.Database.GetMigrations().Count(), await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM \"__EFMigrationsHistory\"").SingleAsync());
        Array.ForEach(dataPaths, TestPaths.DeleteQuietly);

        static Task MigrateAsync(IServiceProvider node) => Task.Run(async () =>
        {
            await using var scope = node.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        });
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
