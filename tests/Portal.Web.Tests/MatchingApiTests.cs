using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.MatchingSite;

namespace Portal.Web.Tests;

/// <summary>GET /api/v1/librarians/me/matches and GET /api/v1/requests/{id}/matches.</summary>
public sealed class MatchingApiTests(MatchingSiteFixture site) : IClassFixture<MatchingSiteFixture>
{
    /// <summary>Two librarians on a new topic, one experienced and local, one learning it in another region; a request on it.</summary>
    private async Task<(string Word, string Topic, string Expert, string ExpertEmail, string Learner, Guid Request)> SeedAsync()
    {
        var word = Unique();
        var topic = await site.Portal.AddTopicAsync($"Continence {word}");
        var stream = await site.Portal.AddWorkStreamAsync($"Continence care {word}", NorthEast, topic);
        var expertEmail = $"omar.{word}@example.org";
        var expert = await site.Portal.AddLibrarianAsync(expertEmail, $"Omar {word}");
        var learner = await site.Portal.AddLibrarianAsync($"jess.{word}@example.org", $"Jess {word}");
        await site.Portal.SetProfileAsync(expert, NorthEast, topics: [(topic, "Experienced")]);
        await site.Portal.SetProfileAsync(learner, Birmingham, topics: [(topic, "Learning")]);
        var request = await site.Portal.AddRequestAsync(stream, $"Do pelvic floor classes reduce incontinence? {word}");
        return (word, topic, expert, expertEmail, learner, request);
    }

    [Fact]
    public async Task A_coordinator_gets_the_librarians_ranked_for_a_request_with_every_factor_explained()
    {
        var s = await SeedAsync();
        using var admin = site.Portal.Api(TestSite.AdminApiToken);

        var matches = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{s.Request}/matches");

        var ids = matches.EnumerateArray().Select(m => m.GetProperty("userId").GetString()).ToList();
        var first = matches[0];
        var factors = first.GetProperty("factors").EnumerateArray().ToList();
        Assert.Equal(s.Expert, ids[0]);
        Assert.Equal(s.Learner, ids[1]);
        Assert.Equal($"Omar {s.Word}", first.GetProperty("displayName").GetString());
        Assert.Equal("Strong", first.GetProperty("strength").GetString());
        Assert.Equal(0.75, first.GetProperty("score").GetDouble(), 3); // 0.35 + 0.2 × 0.75 + 0.15 + 0.1
        Assert.Equal(["Topics", "Past summaries", "Geography", "Capacity", "Availability"], factors.Select(f => f.GetProperty("name").GetString()));
        Assert.Equal($"Experienced in Continence {s.Word}.", factors[0].GetProperty("explanation").GetString());
        Assert.Equal(0.35, factors[0].GetProperty("weight").GetDouble(), 6);
        Assert.Equal($"Learning Continence {s.Word}.", matches[1].GetProperty("factors")[0].GetProperty("explanation").GetString());
        Assert.DoesNotContain(await site.Portal.UserIdAsync(RequestsSite.Helen), ids);
        Assert.Contains(await site.Portal.UserIdAsync(TestSite.LibrarianEmail), ids);
    }

    [Fact]
    public async Task Matches_of_a_request_are_refused_to_a_librarian_missing_for_an_unknown_request_and_a_conflict_when_not_submitted()
    {
        var s = await SeedAsync();
        using var lena = await site.Portal.ApiAsAsync(TestSite.LibrarianEmail);
        using var admin = site.Portal.Api(TestSite.AdminApiToken);

        using var librarian = await lena.GetAsync($"/api/v1/requests/{s.Request}/matches");
        using var unknown = await admin.GetAsync($"/api/v1/requests/{Guid.NewGuid()}/matches");
        using var claimed = await admin.GetAsync($"/api/v1/requests/{RequestsSite.RecipeRequest("frailty-cga-community")}/matches");
        using var draft = await admin.GetAsync($"/api/v1/requests/{RequestsSite.RecipeRequest("frailty-virtual-wards")}/matches");

        Assert.Equal(HttpStatusCode.Forbidden, librarian.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, claimed.StatusCode);
        var problem = await claimed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Only submitted requests are matched to librarians.", problem.GetProperty("title").GetString());
        Assert.Equal("This request is claimed, so it is not in the pool for librarians to claim.", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, draft.StatusCode);
    }

    [Fact]
    public async Task A_librarian_gets_the_requests_ranked_for_them_and_filtered()
    {
        var s = await SeedAsync();
        using var omar = await site.Portal.ApiAsAsync(s.ExpertEmail);

        var all = await omar.GetFromJsonAsync<JsonElement>("/api/v1/librarians/me/matches");
        var byTopic = await omar.GetFromJsonAsync<JsonElement>($"/api/v1/librarians/me/matches?topic={s.Topic}&system={NorthEast}&dueWithin=30");
        var elsewhere = await omar.GetFromJsonAsync<JsonElement>($"/api/v1/librarians/me/matches?topic={s.Topic}&system={Birmingham}");

        Assert.Equal(s.Request.ToString(), all[0].GetProperty("requestId").GetString());
        var mine = Assert.Single(byTopic.EnumerateArray());
        Assert.Equal($"Continence care {s.Word}", mine.GetProperty("workStream").GetString());
        Assert.Equal("NHS North East and North Cumbria ICB", mine.GetProperty("system").GetString());
        Assert.Equal("Strong", mine.GetProperty("strength").GetString());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), mine.GetProperty("deadline").GetString());
        Assert.Equal("Works in the same system.", mine.GetProperty("factors")[2].GetProperty("explanation").GetString());
        Assert.Equal(0, elsewhere.GetArrayLength());
    }

    [Fact]
    public async Task Bad_filters_are_a_validation_problem_naming_each_parameter()
    {
        using var lena = await site.Portal.ApiAsAsync(TestSite.LibrarianEmail);

        using var response = await lena.GetAsync("/api/v1/librarians/me/matches?topic=nothing-like-it&system=E08000037&dueWithin=-3");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Choose a topic from the list", errors.GetProperty("topic")[0].GetString());
        Assert.Equal("Choose a system from the list", errors.GetProperty("system")[0].GetString());
        Assert.Equal("Due within must be a whole number of days from 1 to 365", errors.GetProperty("dueWithin")[0].GetString());
    }

    [Fact]
    public async Task Requests_for_me_are_refused_to_those_who_keep_no_librarian_profile()
    {
        using var admin = site.Portal.Api(TestSite.AdminApiToken);
        using var claire = await site.Portal.ApiAsAsync(TestSite.MemberEmail);
        using var anonymous = site.Portal.CreateClient();

        using var administrator = await admin.GetAsync("/api/v1/librarians/me/matches");
        using var member = await claire.GetAsync("/api/v1/librarians/me/matches");
        using var nobody = await anonymous.GetAsync("/api/v1/librarians/me/matches");

        Assert.Equal(HttpStatusCode.Forbidden, administrator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_both_endpoints()
    {
        using var client = site.Portal.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/v1/librarians/me/matches\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/requests/{id}/matches\"", document, StringComparison.Ordinal);
    }
}
