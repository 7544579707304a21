using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Recipes;

namespace Portal.Testing;

/// <summary>
/// A real, migrated SQLite file in its own folder, with the data and recipe services wired as the
/// portal wires them. For tests below the web layer.
/// </summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SqliteTestDatabase(ServiceProvider services, string dataPath)
    {
        _services = services;
        DataPath = dataPath;
    }

    public string DataPath { get; }

    public IServiceProvider Services => _services;

    public static async Task<SqliteTestDatabase> CreateAsync(Action<IServiceCollection>? configure = null, string? recipesFolder = null)
    {
        var dataPath = TestPaths.NewTempFolder("db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Portal:DataPath"] = dataPath,
                ["Portal:Recipes:Path"] = recipesFolder ?? TestPaths.RecipesFolder,
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
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        return new SqliteTestDatabase(provider, dataPath);
    }

    public AsyncServiceScope CreateScope() => _services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestPaths.DeleteQuietly(DataPath);
    }
}
