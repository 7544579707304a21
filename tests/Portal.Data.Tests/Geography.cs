using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Geography;
using Portal.Testing;

namespace Portal.Data.Tests;

/// <summary>Work streams need a saved system; these save one and find it again.</summary>
internal static class Geography
{
    /// <summary>Saves a system under a region of its own and returns the system's id.</summary>
    public static Task<int> AddSystemAsync(SqliteTestDatabase database, string code = "E54000050", string name = "NHS North East and North Cumbria ICB") =>
        AddSystemAsync(database.Services, code, name);

    /// <summary>The same, on the database of any service provider wired with AddPortalData.</summary>
    public static async Task<int> AddSystemAsync(IServiceProvider services, string code = "E54000050", string name = "NHS North East and North Cumbria ICB")
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var start = new DateOnly(2022, 7, 1);
        var region = new GeoArea("R-" + code, "Region of " + name, GeoLevel.Region, null, start, null, null);
        var system = new GeoArea(code, name, GeoLevel.System, region, start, null, null);
        db.GeoAreas.Add(system);
        await db.SaveChangesAsync();
        return system.Id;
    }

    public static Task<GeoArea> FindAsync(PortalDbContext db, int id) => db.GeoAreas.SingleAsync(a => a.Id == id);
}
