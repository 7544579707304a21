using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>Matching's queries on PostgreSQL: the notifier inside the save, and both lists.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class MatchingPostgresTests(PostgresFixture postgres)
{
    [Fact]
    public async Task On_PostgreSQL_a_submitted_request_is_matched_notified_and_listed()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string>(PortalSites.SetupSettings)
        {
            ["Portal:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = database,
            ["Portal:Api:TokenRequestsPerMinute"] = "1000",
        };
        await using var portal = await PortalProcess.StartAsync(TestPaths.NewTempFolder("pg-matching"), settings);
        var frailty = (await portal.WorkStreamAsync(RequestsSite.Frailty)).GetProperty("id").GetString()!;
        using var helen = await portal.ApiAsAsync(RequestsSite.Helen);
        using var admin = portal.Api(TestSite.AdminApiToken);
        using var tomasz = await portal.ApiAsAsync("tomasz.nowak@example.org");

        using var created = await helen.PostAsJsonAsync("/api/v1/requests", new
        {
            workStreamId = frailty,
            question = "Does a frailty hub at the front door shorten admissions?",
            framework = "None",
            output = "EvidenceSummary",
            deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            urgency = "Routine",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var submitted = await helen.PostAsync($"/api/v1/requests/{id}/submit", null);
        var ranked = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}/matches");
        var forTomasz = await tomasz.GetFromJsonAsync<JsonElement>("/api/v1/librarians/me/matches?topic=frailty");
        var told = await NotifiedAsync(database, $"/requests/{id}");

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        // Tomasz Nowak delivered a request of this work stream (recipe), so his past work is on the same topics.
        var scores = ranked.EnumerateArray().Select(m => m.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        var his = Assert.Single(ranked.EnumerateArray(), m => m.GetProperty("displayName").GetString() == "Tomasz Nowak");
        Assert.Equal("Past summaries on very similar questions.", his.GetProperty("factors")[1].GetProperty("explanation").GetString());
        Assert.Contains(forTomasz.EnumerateArray(), r => r.GetProperty("requestId").GetString() == id);
        Assert.Contains(told, n => n.StartsWith("A request on ", StringComparison.Ordinal) && n.Contains("Past summaries on very similar questions.", StringComparison.Ordinal));
        await portal.StopAsync();
        TestPaths.DeleteQuietly(portal.DataPath);
    }

    private static async Task<List<string>> NotifiedAsync(string connectionString, string link)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Text\" FROM \"Notifications\" WHERE \"Link\" = @link", connection);
        command.Parameters.AddWithValue("link", link);
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }
}
