using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>/api/v1/requests: the form's fields in camelCase, states by name, the pages' permissions, ProblemDetails errors.</summary>
public sealed class RequestsApiTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private static string Deadline(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<object> DraftBodyAsync(string question, int deadlineInDays = 30, string? shortDeadlineReason = null) => new
    {
        workStreamId = (await site.Portal.WorkStreamAsync(Frailty)).GetProperty("id").GetString(),
        question,
        framework = "Pico",
        pico = new { population = "Older people at home", intervention = "Home exercise", outcomes = "Falls" },
        spice = new { setting = "ignored: not the chosen framework" },
        decision = "Whether to commission a home exercise service",
        decisionForum = "Ageing Well Programme Board",
        evidenceFromYear = 2015,
        evidenceTypes = new[] { "SystematicReviews", "Trials" },
        output = "EvidenceSummary",
        deadline = Deadline(deadlineInDays),
        urgency = "Routine",
        shortDeadlineReason,
    };

    [Fact]
    public async Task A_lead_drafts_submits_and_withdraws_through_the_api_with_states_by_name()
    {
        using var helen = await site.Portal.ApiAsAsync(Helen);

        using var created = await helen.PostAsJsonAsync("/api/v1/requests", await DraftBodyAsync("Do home exercise videos reduce falls?"));
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = draft.GetProperty("id").GetString();
        using var submitted = await helen.PostAsync($"/api/v1/requests/{id}/submit", null);
        using var again = await helen.PostAsync($"/api/v1/requests/{id}/submit", null);
        var fetched = await helen.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}");
        using var withdrawn = await helen.PostAsJsonAsync($"/api/v1/requests/{id}/withdraw", new { reason = "Answered elsewhere" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/requests/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("Draft", draft.GetProperty("state").GetString());
        Assert.Equal("Pico", draft.GetProperty("framework").GetString());
        Assert.Equal("Older people at home", draft.GetProperty("pico").GetProperty("population").GetString());
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("spice").ValueKind);
        Assert.Equal(["SystematicReviews", "Trials"], draft.GetProperty("evidenceTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("EvidenceSummary", draft.GetProperty("output").GetString());
        Assert.Equal(Deadline(30), draft.GetProperty("deadline").GetString());
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("Submitted", (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Contains("already been submitted", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Submitted", fetched.GetProperty("state").GetString());
        Assert.Equal("Withdrawn", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Bad_input_is_a_validation_problem_naming_each_field_in_camel_case()
    {
        using var helen = await site.Portal.ApiAsAsync(Helen);
        var before = await site.Portal.CountRequestsAsync();

        using var empty = await helen.PostAsJsonAsync("/api/v1/requests", new { });
        using var bad = await helen.PostAsJsonAsync("/api/v1/requests", new
        {
            workStreamId = (await site.Portal.WorkStreamAsync(MentalHealth)).GetProperty("id").GetString(),
            question = new string('q', 501),
            framework = "Pico",
            pico = new { population = new string('p', 4001) },
            output = "ReadingList",
            deadline = Deadline(-1),
        });
        using var shortDeadline = await helen.PostAsJsonAsync("/api/v1/requests", await DraftBodyAsync("Is Otago exercise effective?", deadlineInDays: 3));
        using var unknownState = await helen.PostAsJsonAsync("/api/v1/requests", new { output = "Poem" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var emptyErrors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.All(new[] { "workStreamId", "question", "output", "deadline" }, f => Assert.True(emptyErrors.TryGetProperty(f, out _), f));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Choose one of the work streams you lead", errors.GetProperty("workStreamId")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, shortDeadline.StatusCode);
        Assert.True((await shortDeadline.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("shortDeadlineReason", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknownState.StatusCode);
        Assert.Equal(before, await site.Portal.CountRequestsAsync());
    }

    [Fact]
    public async Task Details_are_checked_whole_so_every_problem_shows_at_once()
    {
        using var helen = await site.Portal.ApiAsAsync(Helen);
        var frailty = (await site.Portal.WorkStreamAsync(Frailty)).GetProperty("id").GetString();

        using var response = await helen.PostAsJsonAsync("/api/v1/requests", new
        {
            workStreamId = frailty,
            question = new string('q', 501),
            framework = "Pico",
            pico = new { population = new string('p', 4001) },
            output = "ReadingList",
            deadline = Deadline(-1),
            urgency = "Urgent",
        });

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.All(new[] { "question", "pico.population", "deadline", "urgencyReason" }, f => Assert.True(errors.TryGetProperty(f, out _), f));
    }

    [Fact]
    public async Task A_member_may_not_request_evidence_and_does_not_see_others_requests()
    {
        using var claire = await site.Portal.ApiAsAsync(TestSite.MemberEmail);
        var before = await site.Portal.CountRequestsAsync();

        using var create = await claire.PostAsJsonAsync("/api/v1/requests", await DraftBodyAsync("A member's question?"));
        using var submit = await claire.PostAsync($"/api/v1/requests/{RecipeRequest("frailty-virtual-wards")}/submit", null);
        using var someoneElses = await claire.GetAsync($"/api/v1/requests/{RecipeRequest("frailty-exercise-falls")}");
        var list = await claire.GetFromJsonAsync<JsonElement>("/api/v1/requests");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);
        Assert.Equal("application/problem+json", someoneElses.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal(before, await site.Portal.CountRequestsAsync());
    }

    [Fact]
    public async Task Another_lead_gets_not_found_and_the_lists_filters_work()
    {
        using var marcus = await site.Portal.ApiAsAsync(Marcus);
        using var admin = site.Portal.Api(TestSite.AdminApiToken);

        using var notHis = await marcus.GetAsync($"/api/v1/requests/{RecipeRequest("frailty-exercise-falls")}");
        using var notHisToSubmit = await marcus.PostAsync($"/api/v1/requests/{RecipeRequest("frailty-virtual-wards")}/submit", null);
        var his = await marcus.GetFromJsonAsync<JsonElement>("/api/v1/requests?mine=true");
        var submitted = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/requests?state=Submitted&workstream={MentalHealth}");
        var awaiting = await admin.GetFromJsonAsync<JsonElement>("/api/v1/requests?state=AwaitingRequester");
        using var badState = await admin.GetAsync("/api/v1/requests?state=Lost");
        using var badStream = await admin.GetAsync("/api/v1/requests?workstream=nowhere");

        Assert.Equal(HttpStatusCode.NotFound, notHis.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notHisToSubmit.StatusCode);
        Assert.All(his.EnumerateArray(), r => Assert.Equal("Marcus Bell", r.GetProperty("requesterName").GetString()));
        Assert.Equal(4, his.GetArrayLength());
        Assert.Equal(2, submitted.GetArrayLength());
        Assert.All(submitted.EnumerateArray(), r => Assert.Equal("Submitted", r.GetProperty("state").GetString()));
        var waiting = Assert.Single(awaiting.EnumerateArray());
        Assert.True(waiting.GetProperty("effectiveDeadline").GetDateTime() > waiting.GetProperty("deadline").GetDateTime());
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStream.StatusCode);
    }

    [Fact]
    public async Task Illegal_transitions_are_conflicts()
    {
        using var helen = await site.Portal.ApiAsAsync(Helen);

        using var withdrawDelivered = await helen.PostAsJsonAsync($"/api/v1/requests/{RecipeRequest("frailty-care-home-deprescribing")}/withdraw", new { reason = "x" });
        using var closeClaimed = await helen.PostAsJsonAsync($"/api/v1/requests/{RecipeRequest("frailty-cga-community")}/close", new { answeredBySummaryId = ReusableSummary.ToString() });

        Assert.Equal(HttpStatusCode.Conflict, withdrawDelivered.StatusCode);
        Assert.Contains("A delivered request cannot be withdrawn.", await withdrawDelivered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, closeClaimed.StatusCode);
        Assert.Equal("Delivered", (await site.Portal.RequestRowAsync(RecipeRequest("frailty-care-home-deprescribing"))).State);
    }

    [Fact]
    public async Task A_lead_closes_a_submitted_request_as_answered_and_others_may_not()
    {
        using var helen = await site.Portal.ApiAsAsync(Helen);
        using var created = await helen.PostAsJsonAsync("/api/v1/requests", await DraftBodyAsync("Do chair-based exercises help people who cannot stand?"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var submit = await helen.PostAsync($"/api/v1/requests/{id}/submit", null);
        using var lena = await site.Portal.ApiAsAsync(TestSite.LibrarianEmail);
        var summary = ReusableSummary.ToString();

        using var librarian = await lena.PostAsJsonAsync($"/api/v1/requests/{id}/close", new { answeredBySummaryId = summary });
        using var notAGuid = await helen.PostAsJsonAsync($"/api/v1/requests/{id}/close", new { answeredBySummaryId = "summary-12", reason = "x" });
        using var closed = await helen.PostAsJsonAsync($"/api/v1/requests/{id}/close", new { reason = "The 2025 summary answers it.", answeredBySummaryId = summary });

        Assert.Equal(HttpStatusCode.Forbidden, librarian.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAGuid.StatusCode);
        Assert.True((await notAGuid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("answeredBySummaryId", out _));
        var body = await closed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Closed", body.GetProperty("state").GetString());
        Assert.Equal(summary, body.GetProperty("answeredBySummaryId").GetString());
        Assert.Equal("The 2025 summary answers it.", body.GetProperty("endReason").GetString());
    }

    [Fact]
    public async Task The_administrator_sees_every_request()
    {
        using var admin = site.Portal.Api(TestSite.AdminApiToken);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/requests");

        Assert.True(list.GetArrayLength() >= 15, "the administrator sees every request");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_request_and_work_stream_endpoints_with_states_by_name()
    {
        using var client = site.Portal.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/workstreams", "/api/v1/workstreams/{id}", "/api/v1/requests", "/api/v1/requests/{id}", "/api/v1/requests/{id}/submit", "/api/v1/requests/{id}/withdraw", "/api/v1/requests/{id}/close" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        var text = document.GetRawText();
        Assert.Contains("\"AwaitingRequester\"", text, StringComparison.Ordinal);
        Assert.Contains("answeredBySummaryId", text, StringComparison.Ordinal);
        Assert.Contains("shortDeadlineReason", text, StringComparison.Ordinal);
        Assert.Contains("Close a submitted request as answered", text, StringComparison.Ordinal);
    }
}
