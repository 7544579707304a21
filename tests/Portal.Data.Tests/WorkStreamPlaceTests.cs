using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Geography;
using Portal.Core.WorkStreams;
using Portal.Testing;

namespace Portal.Data.Tests;

/// <summary>The place rule compares saved ids, so it is checked against saved areas.</summary>
public class WorkStreamPlaceTests
{
    [Fact]
    public async Task A_place_of_another_system_is_refused()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var northEastId = await Geography.AddSystemAsync(database);
        var birminghamId = await Geography.AddSystemAsync(database, "E54000055", "NHS Birmingham and Solihull ICB");
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var northEast = await Geography.FindAsync(db, northEastId);
        var birmingham = await Geography.FindAsync(db, birminghamId);
        var solihull = new GeoArea("E08000029", "Solihull", GeoLevel.Place, birmingham, new DateOnly(2009, 1, 1), null, null);
        db.GeoAreas.Add(solihull);
        await db.SaveChangesAsync();
        var workStream = new WorkStream("frailty-framework", "Frailty framework", "", northEast, DateTimeOffset.UtcNow);

        var refused = Assert.Throws<DomainException>(() => workStream.Describe("Frailty framework", "", northEast, solihull));

        Assert.Equal("Solihull is not a place in NHS North East and North Cumbria ICB.", refused.Message);
    }
}
