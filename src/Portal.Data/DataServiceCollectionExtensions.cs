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

    /// <summary>ConnectionStrings:Portal — required for PostgreSQL; for SQLite it overrides the file in the data folder.</summary>
    public const string ConnectionStringName = "Portal";

    /// <summary>The database, its save hook and the migrator, for the provider the configuration names.</summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection("Portal").Get<PortalDataOptions>() ?? new PortalDataOptions();
        var dataPath = Path.GetFullPath(options.DataPath, contentRoot);
        services.AddSingleton(new DataFolder(dataPath));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IActor>(_ => SystemActor.Default);
        services.TryAddSingleton<IMailLinks>(new PublicUrlMailLinks(configuration["Portal:PublicUrl"]));
        services.AddScoped<DomainEventSaveHook>();
        services.AddScoped<DatabaseMigrator>();

        switch (options.Database.Provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = configuration.GetConnectionString(ConnectionStringName);
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    throw new InvalidOperationException(
                        $"ConnectionStrings:{ConnectionStringName} is required when Portal:Database:Provider is Postgres. "
                        + $"Set it in appsettings.json or as the environment variable ConnectionStrings__{ConnectionStringName}, "
                        + "for example 'Host=db.example.org;Database=stem_portal;Username=stem_portal;Password=...'.");
                }

                services.AddDbContext<PostgresPortalDbContext>((sp, db) => db
                    .UseNpgsql(postgres)
                    .AddInterceptors(sp.GetRequiredService<DomainEventSaveHook>()));
                services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<PostgresPortalDbContext>());
                break;
            default:
                var sqlite = configuration.GetConnectionString(ConnectionStringName) ?? SqliteConnectionString(dataPath);
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
