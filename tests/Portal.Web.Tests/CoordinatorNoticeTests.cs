using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using static Portal.Web.Tests.CoordinationSite;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>Coordinators hear who has a request: claims, releases and assignments, limited to their own system when they have one.</summary>
public sealed class CoordinatorNoticeTests(CoordinationSiteFixture site) : IClassFixture<CoordinationSiteFixture>
{
    private async Task<IReadOnlyList<(string Kind, string Text)>> ToldAsync(string email, Guid requestId)
    {
        var rows = await site.Portal.QueryAsync(
            "SELECT Kind, Text FROM Notifications WHERE UserId = $user AND Link = $link ORDER BY Id",
            ("$user", await site.Portal.UserIdAsync(email)), ("$link", $"/requests/{requestId}"));
        return rows.Select(r => ((string)r["Kind"]!, (string)r["Text"]!)).ToList();
    }

    [Fact]
    public async Task Both_coordinators_hear_of_a_claim_and_a_release_and_the_requester_only_in_her_own_words()
    {
        var librarian = (await site.Portal.NewLibrariansAsync(1))[0];
        using var api = site.Portal.Api(librarian.Token);
        var id = await site.Portal.SubmittedRequestAsync("Do care navigators reduce emergency admissions for people living with frailty?");

        using var claimed = await api.PostAsync($"/api/v1/requests/{id}/claim", null);
        using var released = await api.PostAsJsonAsync($"/api/v1/requests/{id}/release", new { reason = "Too much on this month." });

        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        foreach (var coordinator in new[] { TestSite.CoordinatorEmail, Gareth })
        {
            Assert.Equal(
                [
                    ("RequestClaimed", $"{librarian.Name} claimed “Do care navigators reduce emergency admissions for people living with frailty?”."),
                    ("RequestClaimed", $"{librarian.Name} released “Do care navigators reduce emergency admissions for people living with frailty?”, so it is back with the librarians: Too much on this month."),
                ],
                await ToldAsync(coordinator, id));
        }

        Assert.DoesNotContain(await ToldAsync(Helen, id), n => n.Text.Contains("“Do care navigators", StringComparison.Ordinal));
        Assert.Empty(await ToldAsync(librarian.Email, id));
    }

    [Fact]
    public async Task An_assignment_is_told_to_the_other_coordinators_but_not_to_the_one_who_made_it()
    {
        var librarian = (await site.Portal.NewLibrariansAsync(1))[0];
        var id = await site.Portal.SubmittedRequestAsync("Does a frailty hub in primary care reduce care home admissions?");
        using var priya = await site.Portal.CoordinatorAsync();
        var path = $"/coordination/requests/{id}/assign";

        using var assigned = await priya.PostFormAsync(path, path, new Dictionary<string, string>
        {
            ["LibrarianId"] = librarian.Id,
            ["Reason"] = "Knows the primary care literature.",
            ["OverCapacity"] = "true",
            ["Version"] = (await site.Portal.ClaimAsync(id)).Version.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(
            [("RequestAssigned", $"Priya Raman assigned “Does a frailty hub in primary care reduce care home admissions?” to {librarian.Name}: Knows the primary care literature.")],
            await ToldAsync(Gareth, id));
        Assert.Empty(await ToldAsync(TestSite.CoordinatorEmail, id));
    }

    [Fact]
    public async Task A_coordinator_of_another_system_is_not_told_and_one_without_a_system_hears_of_every_claim()
    {
        var garethId = await site.Portal.UserIdAsync(Gareth);
        var own = await site.Portal.ScalarAsync<long>("SELECT SystemId FROM AspNetUsers WHERE Id = $id", ("$id", garethId));
        var elsewhere = await site.Portal.ScalarAsync<long>("SELECT MIN(Id) FROM GeoAreas WHERE Level = 'System' AND Id <> $own", ("$own", own));
        var librarians = await site.Portal.NewLibrariansAsync(2);
        try
        {
            await site.Portal.ExecuteAsync("UPDATE AspNetUsers SET SystemId = $system WHERE Id = $id", ("$system", elsewhere), ("$id", garethId));
            var first = await site.Portal.SubmittedRequestAsync("Do falls clinics reduce hip fractures in people over 80?");
            using (var api = site.Portal.Api(librarians[0].Token))
            {
                (await api.PostAsync($"/api/v1/requests/{first}/claim", null)).EnsureSuccessStatusCode();
            }

            await site.Portal.ExecuteAsync("UPDATE AspNetUsers SET SystemId = NULL WHERE Id = $id", ("$id", garethId));
            var second = await site.Portal.SubmittedRequestAsync("Do falls clinics reduce hip fractures in people over 90?");
            using (var api = site.Portal.Api(librarians[1].Token))
            {
                (await api.PostAsync($"/api/v1/requests/{second}/claim", null)).EnsureSuccessStatusCode();
            }

            Assert.Empty(await ToldAsync(Gareth, first));
            Assert.Single(await ToldAsync(TestSite.CoordinatorEmail, first));
            Assert.Single(await ToldAsync(Gareth, second));
        }
        finally
        {
            await site.Portal.ExecuteAsync("UPDATE AspNetUsers SET SystemId = $system WHERE Id = $id", ("$system", own), ("$id", garethId));
        }
    }
}
