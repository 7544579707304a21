using System.Data.Common;
using Portal.Data;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Commands the host runs instead of serving: `dotnet run --project src/Portal.Web -- migrate`,
/// `-- index rebuild`.
/// </summary>
public static class Commands
{
    /// <summary>Runs the command named by the first argument, if any: its exit code, or null when there was none.</summary>
    public static async Task<int?> TryRunCommandAsync(this WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "migrate":
                if (!await app.TryMigrateDatabaseAsync())
                {
                    return 1;
                }

                Console.WriteLine("The database is up to date.");
                return 0;
            case "index":
                return await RunIndexCommandAsync(app, args.Skip(1).ToArray());
            default:
                return null;
        }
    }

    /// <summary>
    /// `index rebuild`: records a rebuild request in the database, which every running node acts on
    /// (each keeps its own index, so rebuilding here would reach only this machine's folder).
    /// </summary>
    private static async Task<int> RunIndexCommandAsync(WebApplication app, string[] args)
    {
        if (args is not ["rebuild"])
        {
            Console.Error.WriteLine("Usage: index rebuild    Ask every running portal server to rebuild its search index.");
            return 2;
        }

        if (!await app.TryMigrateDatabaseAsync())
        {
            return 1;
        }

        try
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            Features.Search.SearchAdministration.AddRebuildRequest(db, Features.Search.SearchAdministration.CommandLine, "Asked for from the command line.", now);
            await db.SaveChangesAsync();
        }
        catch (Exception ex) when (DatabaseFailure(ex) is { } failure)
        {
            app.Logger.LogCritical("The rebuild could not be asked for: the database cannot be used: {Reason}.", failure.Message);
            return 1;
        }

        Console.WriteLine("A rebuild of the search index has been asked for. Every running portal server will rebuild its own index within a few seconds; searches keep working meanwhile.");
        return 0;
    }

    /// <summary>
    /// Applies the migrations; false, after one log line saying why, when the database cannot be
    /// used (server down, wrong host or password), so the host exits instead of printing a driver's stack trace.
    /// </summary>
    public static async Task<bool> TryMigrateDatabaseAsync(this WebApplication app)
    {
        try
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            return true;
        }
        catch (Exception ex) when (DatabaseFailure(ex) is { } failure)
        {
            var provider = app.Configuration["Portal:Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
            var reason = failure.InnerException is { } inner ? $"{failure.Message} ({inner.Message})" : failure.Message;
            app.Logger.LogCritical(
                "The portal cannot start: the {Provider} database cannot be used: {Reason}. "
                + "Check ConnectionStrings:Portal (or Portal:DataPath for SQLite) and that the database server is running.",
                provider,
                reason);
            return false;
        }
    }

    /// <summary>The driver's error, also when EF Core wrapped it (e.g. "likely due to a transient failure").</summary>
    private static DbException? DatabaseFailure(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is DbException failure)
            {
                return failure;
            }
        }

        return null;
    }
}
