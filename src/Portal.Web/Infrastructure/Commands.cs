using Portal.Data;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Commands the host runs instead of serving: `dotnet run --project src/Portal.Web -- migrate`.
/// </summary>
public static class Commands
{
    /// <summary>Runs the command named by the first argument, if any; true when one ran and the host should exit.</summary>
    public static async Task<bool> TryRunCommandAsync(this WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "migrate":
                await app.MigrateDatabaseAsync();
                Console.WriteLine("The database is up to date.");
                return true;
            default:
                return false;
        }
    }

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    }
}
