using Npgsql;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>First claim wins on PostgreSQL too: the same fifty-librarian race against a portal on its own database.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresClaimRaceTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Of_fifty_simultaneous_claims_on_PostgreSQL_exactly_one_wins_and_the_others_are_told_who_holds_it()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string>(PortalSites.SetupSettings)
        {
            ["Portal:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = database,
        };
        await using var portal = await PortalProcess.StartAsync(TestPaths.NewTempFolder("pg-claims"), settings);
        var librarians = await portal.NewLibrariansAsync(50, postgres: database);
        var id = await portal.SubmittedRequestAsync();

        var race = await ClaimRace.RunAsync(portal, librarians, id);

        race.AssertOneWinner();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var audited = new NpgsqlCommand(
            """SELECT COUNT(*) FROM "AuditEvents" WHERE "SubjectType" = 'EvidenceRequest' AND "SubjectId" = @id AND "EventType" = 'RequestClaimed'""", connection);
        audited.Parameters.AddWithValue("id", id.ToString());
        Assert.Equal(1L, await audited.ExecuteScalarAsync());
        await using var claimant = new NpgsqlCommand("""SELECT "ClaimantId" FROM "EvidenceRequests" WHERE "Id" = @id""", connection);
        claimant.Parameters.AddWithValue("id", id);
        Assert.Equal(race.Winner.Id, await claimant.ExecuteScalarAsync());
        await portal.StopAsync();
        TestPaths.DeleteQuietly(portal.DataPath);
    }
}
