using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Data.SaveHook;

namespace Portal.Data;

public static class DataServiceCollectionExtensions
{
    public const string SqliteFileName = "portal.db";

    /// <summary>The database, its save hook and the migrator, for the provider the configuration names.</summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection("Portal").Get<PortalDataOptions>() ?? new PortalDataOptions();
        var dataPath = Path.GetFullPath(options.DataPath, contentRoot);
        services.AddSingleton(new DataFolder(dataPath));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IActor>(_ => SystemActor.Default);
        services.AddScoped<DomainEventSaveHook>();
        services.AddScoped<DatabaseMigrator>();

        switch (options.Database.Provider)
        {
            case DatabaseProvider.PostgreSql:
                var postgres = options.Database.ConnectionString
                    ?? throw new InvalidOperationException("Portal:Database:ConnectionString is required when Portal:Database:Provider is PostgreSql.");
                services.AddDbContext<PostgresPortalDbContext>((sp, db) => db
                    .UseNpgsql(postgres)
                    .AddInterceptors(sp.GetRequiredService<DomainEventSaveHook>()));
                services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<PostgresPortalDbContext>());
                break;
            default:
                var sqlite = options.Database.ConnectionString ?? SqliteConnectionString(dataPath);
                services.AddDbContext<SqlitePortalDbContext>((sp, db) => db
                    .UseSqlite(sqlite)
                    .AddInterceptors(sp.GetRequiredService<DomainEventSaveHook>()));
                services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlitePortalDbContext>());
                break;
        }

        return services;
    }

    public static string SqliteConnectionString(string dataPath) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataPath, SqliteFileName),
        ForeignKeys = true,
        DefaultTimeout = 30,
    }.ToString();
}

/// <summary>The absolute path of the data folder.</summary>
public sealed record DataFolder(string Path);
