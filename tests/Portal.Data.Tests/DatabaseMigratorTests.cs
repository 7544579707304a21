using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;

namespace Portal.Data.Tests;

public class DatabaseMigratorTests
{
    [Fact]
    public async Task A_migrated_database_file_is_in_WAL_mode()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        // A new connection reads the mode from the file itself, not from the migrator's connection.
        await using var connection = new SqliteConnection(DataServiceCollectionExtensions.SqliteConnectionString(database.DataPath));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_migrated_database_is_ready()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var scope = database.CreateScope();

        Assert.True(await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().IsReadyAsync());
    }

    [Fact]
    public async Task A_database_is_not_ready_until_it_is_migrated()
    {
        var dataPath = TestPaths.NewTempFolder("db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:DataPath"] = dataPath })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddPortalData(configuration, dataPath).BuildServiceProvider();
        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                Assert.False(await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().IsReadyAsync());
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            }

            await using (var scope = services.CreateAsyncScope())
            {
                Assert.True(await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().IsReadyAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TestPaths.DeleteQuietly(dataPath);
        }
    }
}
