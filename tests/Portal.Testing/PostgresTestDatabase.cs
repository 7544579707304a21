using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Recipes;

namespace Portal.Testing;

/// <summary>
/// A new database of its own on the test PostgreSQL server, with the data and recipe services
/// wired as the portal wires them (Portal:Database:Provider=Postgres). For tests below the web layer.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PostgresTestDatabase(ServiceProvider services, string connectionString, string dataPath)
    {
        _services = services;
        ConnectionString = connectionString;
        DataPath = dataPath;
    }

    public string ConnectionString { get; }

    public string DataPath { get; }

    public IServiceProvider Services => _services;

    /// <summary>A new database, migrated unless asked not to.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(
        PostgresServer server, Action<IServiceCollection>? configure = null, bool migrate = true)
    {
        var connectionString = await server.CreateDatabaseAsync();
        var dataPath = TestPaths.NewTempFolder("pgdata");
        var database = new PostgresTestDatabase(BuildServices(connectionString, dataPath, configure), connectionString, dataPath);
        if (migrate)
        {
            try
            {
                await using var scope = database.CreateScope();
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            }
            catch
            {
                await database.DisposeAsync();
                throw;
            }
        }

        return database;
    }

    /// <summary>The services of one portal node on the given database: what AddPortalData wires for Postgres.</summary>
    public static ServiceProvider BuildServices(string connectionString, string dataPath, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Portal:DataPath"] = dataPath,
                ["Portal:Database:Provider"] = "Postgres",
                ["ConnectionStrings:Portal"] = connectionString,
                ["Portal:Recipes:Path"] = TestPaths.RecipesFolder,
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddPortalData(configuration, dataPath)
            .AddPortalRecipes(configuration);
        services.AddIdentityCore<PortalUser>()
            .AddRoles<PortalRole>()
            .AddEntityFrameworkStores<PortalDbContext>();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public AsyncServiceScope CreateScope() => _services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        // Idle pooled connections to a database nobody uses again would only count against max_connections.
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        TestPaths.DeleteQuietly(DataPath);
    }
}
