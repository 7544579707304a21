using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.LibrarianProfileSite;

namespace Portal.Web.Tests;

/// <summary>GET and PUT /api/v1/librarians/me: the profile page's rules and messages, in camelCase, with ProblemDetails errors.</summary>
public sealed class LibrariansApiTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private const string Me = "/api/v1/librarians/me";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<Dictionary<string, object?>> ValidBodyAsync() => new()
    {
        ["service"] = "Northumbria Library",
        ["organisation"] = "Northumbria Healthcare NHS Foundation Trust",
        ["systemId"] = await site.Portal.AreaIdAsync("E54000050"),
        ["topics"] = new object[]
        {
            new { topicId = await site.Portal.TopicIdAsync("dementia"), level = "Experienced" },
            new { topicId = await site.Portal.TopicIdAsync("crisis-care"), level = "Learning" },
        },
        ["skills"] = new[] { "QuickSearch", "CriticalAppraisal" },
        ["databases"] = new[] { "Medline", "PsycINFO", "Social Care Online" },
        ["capacity"] = 4,
        ["hoursPerMonth"] = 12,
        ["timeAway"] = new[] { new { from = Iso(Today.AddDays(40)), to = Iso(Today.AddDays(44)) } },
        ["offersMentoring"] = true,
        ["seeksMentoring"] = false,
    };

    [Fact]
    public async Task A_librarian_reads_their_profile_with_names_and_open_claims()
    {
        using var lena = await site.Portal.ApiAsAsync(Lena);

        var profile = await lena.GetFromJsonAsync<JsonElement>(Me);

        Assert.Equal(await site.Portal.UserIdAsync(Lena), profile.GetProperty("userId").GetString());
        Assert.True(profile.GetProperty("saved").GetBoolean());
        Assert.Equal(3, profile.GetProperty("capacity").GetInt32());
        Assert.Equal(2, profile.GetProperty("openClaims").GetInt32());
        Assert.Equal("NHS North East and North Cumbria ICB", profile.GetProperty("system").GetString());
        Assert.Equal("North East and Yorkshire", profile.GetProperty("region").GetString());
        var frailty = profile.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "frailty");
        Assert.Equal("Experienced", frailty.GetProperty("level").GetString());
        Assert.Equal("Frailty", frailty.GetProperty("name").GetString());
        Assert.Equal(["QuickSearch", "RapidReviewSearch", "CriticalAppraisal"], profile.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("Medline", profile.GetProperty("databases").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(0, profile.GetProperty("timeAway").GetArrayLength());
    }

    [Fact]
    public async Task A_new_librarian_gets_the_unsaved_defaults()
    {
        var email = await site.Portal.NewLibrarianAsync("api.new.librarian");
        using var client = await site.Portal.ApiAsAsync(email);

        var profile = await client.GetFromJsonAsync<JsonElement>(Me);

        Assert.False(profile.GetProperty("saved").GetBoolean());
        Assert.Equal(2, profile.GetProperty("capacity").GetInt32());
        Assert.Equal(0, profile.GetProperty("openClaims").GetInt32());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("systemId").ValueKind);
        Assert.Equal(0, profile.GetProperty("topics").GetArrayLength());
    }

    [Fact]
    public async Task A_librarian_replaces_their_profile_whole()
    {
        var email = await site.Portal.NewLibrarianAsync("api.saving.librarian");
        using var client = await site.Portal.ApiAsAsync(email);

        using var put = await client.PutAsJsonAsync(Me, await ValidBodyAsync());
        var saved = await put.Content.ReadFromJsonAsync<JsonElement>();
        using var emptied = await client.PutAsJsonAsync(Me, new { topics = new[] { new { topicId = await site.Portal.TopicIdAsync("diabetes"), level = "Learning" } } });
        var replaced = await emptied.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True(saved.GetProperty("saved").GetBoolean());
        Assert.Equal("Northumbria Library", saved.GetProperty("service").GetString());
        Assert.Equal(["dementia", "crisis-care"], saved.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("key").GetString()).OrderBy(k => k == "crisis-care" ? 1 : 0));
        Assert.Equal("Mental health: Crisis care", saved.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "crisis-care").GetProperty("name").GetString());
        Assert.Equal(["QuickSearch", "CriticalAppraisal"], saved.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["Medline", "PsycINFO", "Social Care Online"], saved.GetProperty("databases").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(4, saved.GetProperty("capacity").GetInt32());
        Assert.Equal(12, saved.GetProperty("hoursPerMonth").GetInt32());
        var away = Assert.Single(saved.GetProperty("timeAway").EnumerateArray());
        Assert.Equal(Iso(Today.AddDays(40)), away.GetProperty("from").GetString());
        Assert.Equal(Iso(Today.AddDays(44)), away.GetProperty("to").GetString());
        Assert.True(saved.GetProperty("offersMentoring").GetBoolean());
        Assert.Equal(0, saved.GetProperty("openClaims").GetInt32());

        Assert.Equal(HttpStatusCode.OK, emptied.StatusCode);
        Assert.Equal(JsonValueKind.Null, replaced.GetProperty("service").ValueKind);
        Assert.Equal(2, replaced.GetProperty("capacity").GetInt32());
        Assert.Equal(0, replaced.GetProperty("timeAway").GetArrayLength());
        Assert.False(replaced.GetProperty("offersMentoring").GetBoolean());
        Assert.Equal("diabetes", Assert.Single(replaced.GetProperty("topics").EnumerateArray()).GetProperty("key").GetString());
        Assert.Equal(2L, await site.Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AuditEvents WHERE SubjectType = 'LibrarianProfile' AND SubjectId = $id", ("$id", await site.Portal.UserIdAsync(email))));
    }

    [Theory]
    [InlineData("capacity", -1, "capacity", "Searches at a time cannot be negative")]
    [InlineData("capacity", 51, "capacity", "Searches at a time must be 50 or fewer")]
    [InlineData("hoursPerMonth", -3, "hoursPerMonth", "Hours a month cannot be negative")]
    [InlineData("systemId", 999999, "systemId", "Choose one of the systems listed")]
    [InlineData("service", "x201", "service", "Library and knowledge service must be 200 characters or fewer")]
    [InlineData("organisation", "x201", "organisation", "Organisation must be 200 characters or fewer")]
    public async Task A_bad_value_is_a_validation_problem_naming_its_field_and_saves_nothing(string property, object value, string field, string message)
    {
        using var fiona = await site.Portal.ApiAsAsync(Fiona);
        var body = await ValidBodyAsync();
        body[property] = value is string text && text.StartsWith('x') ? new string('x', int.Parse(text[1..], System.Globalization.CultureInfo.InvariantCulture)) : value;
        var before = await site.Portal.ProfileSnapshotAsync(Fiona);

        using var response = await fiona.PutAsJsonAsync(Me, body);

        await AssertProblemAsync(response, field, message);
        Assert.Equal(before, await site.Portal.ProfileSnapshotAsync(Fiona));
    }

    [Fact]
    public async Task Bad_topics_skills_databases_and_time_away_are_each_named()
    {
        using var fiona = await site.Portal.ApiAsAsync(Fiona);
        var before = await site.Portal.ProfileSnapshotAsync(Fiona);
        var body = await ValidBodyAsync();
        body["topics"] = new object[]
        {
            new { topicId = await site.Portal.TopicIdAsync("dementia"), level = "Expert" },
            new { topicId = (int?)null, level = "Learning" },
        };
        body["skills"] = new[] { "QuickSearch", "Knitting" };
        body["databases"] = new[] { new string('d', 101) };
        body["timeAway"] = new[]
        {
            new { from = Iso(Today.AddDays(10)), to = Iso(Today.AddDays(9)) },
            new { from = "2026-02-30", to = "next week" },
            new { from = "", to = Iso(Today) },
        };

        using var response = await fiona.PutAsJsonAsync(Me, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Level must be one of Learning, Experienced", errors.GetProperty("topics[0].level")[0].GetString());
        Assert.Equal("Give the id of the topic", errors.GetProperty("topics[1].topicId")[0].GetString());
        Assert.Equal("Each skill must be one of QuickSearch, RapidReviewSearch, SystematicSearch, CriticalAppraisal, Synthesis", errors.GetProperty("skills")[0].GetString());
        Assert.Equal("Each database or platform must be 100 characters or fewer", errors.GetProperty("databases")[0].GetString());
        Assert.Equal("Time away must end on or after the day it starts", errors.GetProperty("timeAway[0].to")[0].GetString());
        Assert.Equal("Must be a real date, like 2026-12-24", errors.GetProperty("timeAway[1].from")[0].GetString());
        Assert.Equal("Must be a real date, like 2026-12-24", errors.GetProperty("timeAway[1].to")[0].GetString());
        Assert.Equal("Give the date, like 2026-12-24", errors.GetProperty("timeAway[2].from")[0].GetString());
        Assert.False(errors.TryGetProperty("timeAway", out _), "the period's own error is not repeated for the whole list");
        Assert.Equal(before, await site.Portal.ProfileSnapshotAsync(Fiona));
    }

    [Fact]
    public async Task A_topic_that_does_not_exist_is_refused()
    {
        using var fiona = await site.Portal.ApiAsAsync(Fiona);
        var before = await site.Portal.ProfileSnapshotAsync(Fiona);
        var body = await ValidBodyAsync();
        body["topics"] = new[] { new { topicId = 999999, level = "Learning" } };

        using var response = await fiona.PutAsJsonAsync(Me, body);

        await AssertProblemAsync(response, "topics", "Choose only topics from the list");
        Assert.Equal(before, await site.Portal.ProfileSnapshotAsync(Fiona));
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_has_a_number_as_text_is_a_bad_request()
    {
        using var fiona = await site.Portal.ApiAsAsync(Fiona);
        var before = await site.Portal.ProfileSnapshotAsync(Fiona);

        using var notJson = await fiona.PutAsync(Me, new StringContent("{ not json", Encoding.UTF8, "application/json"));
        using var textCapacity = await fiona.PutAsync(Me, new StringContent("{ \"capacity\": \"two\" }", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, textCapacity.StatusCode);
        Assert.Equal(before, await site.Portal.ProfileSnapshotAsync(Fiona));
    }

    [Fact]
    public async Task A_member_may_neither_read_nor_write_a_librarian_profile()
    {
        using var claire = await site.Portal.ApiAsAsync(TestSite.MemberEmail);

        using var get = await claire.GetAsync(Me);
        using var put = await claire.PutAsJsonAsync(Me, await ValidBodyAsync());
        using var anonymous = site.Portal.CreateClient();
        using var signedOut = await anonymous.GetAsync(Me);

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        Assert.Equal(0L, await site.Portal.ScalarAsync<long>("SELECT COUNT(*) FROM LibrarianProfiles WHERE UserId = $id", ("$id", await site.Portal.UserIdAsync(TestSite.MemberEmail))));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_profile_endpoints()
    {
        using var client = site.Portal.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var me = document.GetProperty("paths").GetProperty(Me);
        Assert.True(me.TryGetProperty("get", out _));
        Assert.True(me.TryGetProperty("put", out _));
        var text = document.GetRawText();
        Assert.Contains("openClaims", text, StringComparison.Ordinal);
        Assert.Contains("offersMentoring", text, StringComparison.Ordinal);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string field, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.GetRawText());
        Assert.Equal(message, messages[0].GetString());
    }
}
