using System.Data.Common;
using Portal.Data;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Commands the host runs instead of serving: `dotnet run --project src/Portal.Web -- migrate`.
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
            default:
                return null;
        }
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
