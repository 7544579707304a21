using System.Net;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>
/// First claim wins, on the real portal over HTTP: fifty librarians, each with their own token and
/// connection, claim the same request at the same moment.
/// </summary>
public sealed class ClaimRaceTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private const int Claimants = 50;

    [Fact]
    public async Task Of_fifty_simultaneous_claims_on_SQLite_exactly_one_wins_and_the_others_are_told_who_holds_it()
    {
        var librarians = await site.Portal.NewLibrariansAsync(Claimants);
        var id = await site.Portal.SubmittedRequestAsync();

        var race = await ClaimRace.RunAsync(site.Portal, librarians, id);

        race.AssertOneWinner();
        var audited = await site.Portal.ScalarAsync<long>(
            "SELECT COUNT(*) FROM AuditEvents WHERE SubjectType = 'EvidenceRequest' AND SubjectId = $id AND EventType = 'RequestClaimed'", ("$id", id.ToString()));
        Assert.Equal(1, audited);
        var claimant = await site.Portal.ScalarAsync<string>("SELECT ClaimantId FROM EvidenceRequests WHERE Id = $id", ("$id", id.ToString().ToUpperInvariant()));
        Assert.Equal(race.Winner.Id, claimant);
    }
}

/// <summary>Many librarians claiming one request at once through the API, and what each was told.</summary>
internal sealed class ClaimRace
{
    private ClaimRace(IReadOnlyList<(TestLibrarian Librarian, HttpStatusCode Status, string Body)> answers) => Answers = answers;

    public IReadOnlyList<(TestLibrarian Librarian, HttpStatusCode Status, string Body)> Answers { get; }

    public TestLibrarian Winner => Answers.Single(a => a.Status == HttpStatusCode.OK).Librarian;

    /// <summary>Each librarian gets a client of their own and a connection already open; then all claim together.</summary>
    public static async Task<ClaimRace> RunAsync(PortalProcess portal, IReadOnlyList<TestLibrarian> librarians, Guid requestId)
    {
        var clients = librarians.Select(l => portal.Api(l.Token)).ToList();
        try
        {
            // Warm each connection, so the claims start together instead of queueing on connects.
            await Task.WhenAll(clients.Select(c => c.GetAsync($"/api/v1/requests/{requestId}")));
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var claims = librarians.Select((librarian, i) => Task.Run(async () =>
            {
                await go.Task;
                using var response = await clients[i].PostAsync($"/api/v1/requests/{requestId}/claim", null);
                return (librarian, response.StatusCode, await response.Content.ReadAsStringAsync());
            })).ToList();
            go.SetResult();
            return new ClaimRace(await Task.WhenAll(claims));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    public void AssertOneWinner()
    {
        var statuses = string.Join(", ", Answers.GroupBy(a => a.Status).Select(g => $"{(int)g.Key} × {g.Count()}"));
        Assert.True(Answers.All(a => (int)a.Status < 500), $"No claim may fail with a server error: {statuses}\n{Answers.FirstOrDefault(a => (int)a.Status >= 500).Body}");
        Assert.True(Answers.Count(a => a.Status == HttpStatusCode.OK) == 1, $"Exactly one claim wins: {statuses}\n{Answers[0].Body}");
        Assert.True(Answers.Count(a => a.Status == HttpStatusCode.Conflict) == Answers.Count - 1, $"Every other claim is a conflict: {statuses}");
        var winner = Winner;
        var expected = $"{winner.Name} claimed this request on ";
        foreach (var (_, _, body) in Answers.Where(a => a.Status == HttpStatusCode.Conflict))
        {
            var title = JsonDocument.Parse(body).RootElement.GetProperty("title").GetString();
            Assert.StartsWith(expected, title, StringComparison.Ordinal);
            Assert.EndsWith(" UTC.", title, StringComparison.Ordinal);
        }

        var won = JsonDocument.Parse(Answers.Single(a => a.Status == HttpStatusCode.OK).Body).RootElement;
        Assert.Equal("Claimed", won.GetProperty("state").GetString());
        Assert.Equal(winner.Id, won.GetProperty("claimantId").GetString());
        Assert.Equal(winner.Name, won.GetProperty("claimantName").GetString(), ignoreCase: false);
    }
}
