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

    /// <summary>
    /// A database as setup leaves it with the demo recipe run: the settings row and the roles
    /// first, as setup writes them, then the shipped stem-club-north-east recipe.
    /// </summary>
    public static async Task<SqliteTestDatabase> CreateDemoAsync(Action<IServiceCollection>? configure = null, string demoPassword = TestSite.DemoPassword)
    {
        var database = await CreateAsync(configure);
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.SiteSettings.Add(new Core.Site.SiteSettings("Demo", "x", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<PortalRole>>();
        foreach (var role in Core.Roles.All)
        {
            await roles.CreateAsync(new PortalRole(role));
        }

        var recipe = RecipeReader.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.RecipesFolder, TestSite.Recipe + RecipeCatalog.FileSuffix)), TestSite.Recipe);
        await scope.ServiceProvider.GetRequiredService<RecipeRunner>().RunAsync(recipe, new RecipeContext { DemoPassword = demoPassword });
        return database;
    }

    public AsyncServiceScope CreateScope() => _services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestPaths.DeleteQuietly(DataPath);
    }
}
