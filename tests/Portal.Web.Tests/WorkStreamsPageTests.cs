using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>Work stream list, detail, create and edit pages, through the real portal.</summary>
public sealed class WorkStreamsPageTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private static Dictionary<string, string> Form(string title, string leadId) => new()
    {
        ["Title"] = title,
        ["Summary"] = "Evidence for **safer discharge** from hospital.",
        ["System"] = "E54000050",
        ["Place"] = "",
        ["Topics"] = "frailty",
        ["Leads"] = leadId,
        ["Status"] = "Active",
        ["Decisions"] = "- Discharge to assess model for the system",
    };

    [Theory]
    [InlineData("?status=Paused", new[] { "Physical exercise in preventive healthcare" }, new[] { "Frailty framework" })]
    [InlineData("?topic=perinatal-mental-health", new[] { "Maternal choice in perinatal care" }, new[] { "Frailty framework" })]
    [InlineData("?system=E54000050&status=Active", new[] { "Frailty framework", "Community mental health transformation" }, new[] { "Physical exercise in preventive healthcare" })]
    [InlineData("?system=E54000018", new string[0], new[] { "Frailty framework" })]
    public async Task The_list_filters_by_system_topic_and_status_with_a_plain_get_form(string query, string[] shown, string[] hidden)
    {
        using var claire = await site.Portal.SignedInAsync(TestSite.MemberEmail);

        var html = await claire.GetStringAsync("/workstreams" + query);

        Assert.Contains("<form method=\"get\" action=\"/workstreams\"", html, StringComparison.Ordinal);
        Assert.All(shown, title => Assert.Contains($">{title}</a>", html, StringComparison.Ordinal));
        Assert.All(hidden, title => Assert.DoesNotContain($">{title}</a>", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_member_reads_a_work_stream_with_its_markdown_rendered_but_sees_no_requests_and_cannot_create_or_edit()
    {
        using var claire = await site.Portal.SignedInAsync(TestSite.MemberEmail, followRedirects: true);

        var html = await claire.GetStringAsync($"/workstreams/{Frailty}");
        using var create = await claire.GetAsync("/workstreams/new");
        using var edit = await claire.GetAsync($"/workstreams/{Frailty}/edit");

        Assert.Contains("<strong>early identification</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Helen Armstrong", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Published summaries</h2>", html, StringComparison.Ordinal);
        // The demo recipe links its segmentation output to the frailty work stream.
        Assert.Contains("The population behind the question</h2>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/segmentation/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Evidence requests", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/edit\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
    }

    [Fact]
    public async Task The_lead_sees_the_work_streams_requests_and_may_request_evidence_for_it()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);

        var html = await helen.GetStringAsync($"/workstreams/{Frailty}");

        Assert.Contains("Evidence requests", html, StringComparison.Ordinal);
        Assert.Contains("multicomponent exercise programmes", html, StringComparison.Ordinal);
        Assert.Contains("/requests/new?workstream=", html, StringComparison.Ordinal);
        Assert.Contains($"/workstreams/{Frailty}/edit", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_creates_a_work_stream_and_leads_it_and_its_markdown_is_made_safe()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        var form = Form("Safer discharge: home first", await site.Portal.UserIdAsync(Marcus));
        form["Summary"] = "Hello <script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)> **bold**";

        using var created = await helen.PostFormAsync("/workstreams/new", form);
        var html = await helen.GetStringAsync("/workstreams/safer-discharge-home-first");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/workstreams/safer-discharge-home-first", created.Headers.Location?.OriginalString);
        Assert.Contains("Helen Armstrong", html, StringComparison.Ordinal);
        Assert.Contains("Marcus Bell", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_on_create_is_explained_and_creates_nothing()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        var form = Form("", await site.Portal.UserIdAsync(Helen));
        form["Place"] = "E06000019"; // Herefordshire: not in North East and North Cumbria
        form["Topics"] = "knitting";
        form["StartsOn.Day"] = "1";
        form["StartsOn.Month"] = "6";
        form["StartsOn.Year"] = "2026";
        form["EndsOn.Day"] = "1";
        form["EndsOn.Month"] = "5";
        form["EndsOn.Year"] = "2026";
        form["Status"] = "Sleeping";

        var before = await CountWorkStreamsAsync();

        using var response = await helen.PostFormAsync("/workstreams/new", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Enter a title", html, StringComparison.Ordinal);
        Assert.Contains("Choose a place in NHS North East and North Cumbria ICB, or none", html, StringComparison.Ordinal);
        Assert.Contains("Choose only topics from the list", html, StringComparison.Ordinal);
        Assert.Contains("End date must be the same as or after the start date", html, StringComparison.Ordinal);
        Assert.Contains("Choose the status", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountWorkStreamsAsync());
    }

    [Fact]
    public async Task Leads_edit_their_own_work_stream_but_not_anothers_and_cannot_drop_themselves()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        var helenId = await site.Portal.UserIdAsync(Helen);
        var form = Form("Care home medicines review", helenId);
        using var created = await helen.PostFormAsync("/workstreams/new", form);
        var path = created.Headers.Location!.OriginalString;
        using var marcus = await site.Portal.SignedInAsync(Marcus, followRedirects: true);

        form["Title"] = "Care home medicines optimisation";
        form["Status"] = "Paused";
        form["EndsOn.Day"] = "31";
        form["EndsOn.Month"] = "3";
        form["EndsOn.Year"] = "2027";
        using var edited = await helen.PostFormAsync(path + "/edit", form);
        form["Leads"] = await site.Portal.UserIdAsync(Marcus);
        using var dropSelf = await helen.PostFormAsync(path + "/edit", form);
        using var notHis = await marcus.GetAsync(path + "/edit");
        var page = await helen.GetStringAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dropSelf.StatusCode);
        Assert.Contains("You cannot remove yourself as a lead", await dropSelf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, notHis.StatusCode);
        Assert.Contains("<h1>Care home medicines optimisation</h1>", page, StringComparison.Ordinal);
        Assert.Contains("31 March 2027", page, StringComparison.Ordinal);
        Assert.Contains("nhsuk-tag--yellow\">Paused<", page, StringComparison.Ordinal);
    }

    private async Task<long> CountWorkStreamsAsync() =>
        (long)(await site.Portal.QueryAsync("SELECT COUNT(*) AS n FROM WorkStreams"))[0]["n"]!;

    [Fact]
    public async Task Unknown_work_streams_are_not_found()
    {
        using var claire = await site.Portal.SignedInAsync(TestSite.MemberEmail);

        using var response = await claire.GetAsync("/workstreams/no-such-work-stream");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_menu_offers_work_streams_to_members_and_my_requests_to_leads()
    {
        using var claire = await site.Portal.SignedInAsync(TestSite.MemberEmail);
        using var helen = await site.Portal.SignedInAsync(Helen);

        var member = await claire.GetStringAsync("/");
        var lead = await helen.GetStringAsync("/");

        Assert.Contains("href=\"/workstreams\"", member, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/requests/mine\"", member, StringComparison.Ordinal);
        Assert.Contains("href=\"/requests/mine\"", lead, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_lists_and_finds_work_streams_and_a_lead_creates_one()
    {
        using var admin = site.Portal.Api(TestSite.AdminApiToken);
        using var helen = await site.Portal.ApiAsAsync(Helen);
        using var claire = await site.Portal.ApiAsAsync(TestSite.MemberEmail);

        var paused = await admin.GetFromJsonAsync<JsonElement>("/api/v1/workstreams?status=Paused");
        var byKey = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/workstreams/{Frailty}");
        var byId = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/workstreams/{byKey.GetProperty("id").GetString()}");
        using var missing = await admin.GetAsync("/api/v1/workstreams/no-such-key");
        using var created = await helen.PostAsJsonAsync("/api/v1/workstreams", new { title = "Winter pressures", summary = "Evidence for winter planning.", system = "E54000050", topics = new[] { "urgent-and-emergency-care" }, leads = Array.Empty<string>() });
        using var bad = await helen.PostAsJsonAsync("/api/v1/workstreams", new { title = "", summary = "", system = "E99999999", key = "Bad Key" });
        using var member = await claire.PostAsJsonAsync("/api/v1/workstreams", new { title = "Mine" });

        Assert.Contains("physical-exercise-preventive-healthcare", paused.EnumerateArray().Select(w => w.GetProperty("key").GetString()));
        Assert.All(paused.EnumerateArray(), w => Assert.Equal("Paused", w.GetProperty("status").GetString()));
        Assert.Equal("Frailty framework", byId.GetProperty("title").GetString());
        Assert.Equal(["Helen Armstrong"], byKey.GetProperty("leadNames").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("winter-pressures", body.GetProperty("key").GetString());
        Assert.Equal(await site.Portal.UserIdAsync(Helen), body.GetProperty("leads")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.All(new[] { "title", "summary", "system" }, f => Assert.True(errors.TryGetProperty(f, out _), f));
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
    }
}
