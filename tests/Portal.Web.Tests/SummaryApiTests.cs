using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>POST /api/v1/requests/{id}/summary, GET and PUT /api/v1/summaries/{id}, and every way to get them wrong.</summary>
public sealed class SummaryApiTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The field errors of a ValidationProblem, by field.</summary>
    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await JsonAsync(response)).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Fact]
    public async Task The_claimant_starts_the_summary_and_reads_it_back_with_the_requests_question()
    {
        var claimed = await site.Portal.SummaryClaimedRequestAsync("Do hip protectors prevent fractures in care home residents?");
        using var client = site.Portal.Api(claimed.Claimant.Token);

        using var started = await client.PostAsync($"/api/v1/requests/{claimed.RequestId}/summary", null);
        var body = await JsonAsync(started);
        var id = body.GetProperty("id").GetGuid();
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/summaries/{id}");

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal($"/api/v1/summaries/{id}", started.Headers.Location?.OriginalString);
        Assert.Equal("Draft", body.GetProperty("state").GetString());
        Assert.Equal(claimed.RequestId, read.GetProperty("requestId").GetGuid());
        Assert.Equal(1, read.GetProperty("versionNumber").GetInt32());
        Assert.Equal("Do hip protectors prevent fractures in care home residents?", read.GetProperty("question").GetString());
        Assert.Equal("Do hip protectors prevent fractures in care home residents?", read.GetProperty("title").GetString());
        Assert.Equal("The evidence found has not been critically appraised.", read.GetProperty("caveats").GetString());
        Assert.Equal([(claimed.Claimant.Id, claimed.Claimant.Name)], read.GetProperty("authors").EnumerateArray().Select(a => (a.GetProperty("id").GetString(), a.GetProperty("name").GetString())));
        Assert.Equal(0, read.GetProperty("referenceCount").GetInt32());
        Assert.Equal(0, read.GetProperty("sources").GetArrayLength());
        Assert.Equal(1, await site.Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AuditEvents WHERE SubjectId = $id AND EventType = 'SummaryStarted'", ("$id", id.ToString())));
    }

    [Fact]
    public async Task A_second_start_is_a_conflict_naming_the_summary_already_there()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var client = site.Portal.Api(summary.Claimant.Token);

        using var again = await client.PostAsync($"/api/v1/requests/{summary.RequestId}/summary", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await JsonAsync(again);
        Assert.StartsWith("This request already has a search summary, “Does strength and balance training", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(summary.SummaryId, problem.GetProperty("summaryId").GetGuid());
        Assert.Equal(1, await site.Portal.SummaryCountForRequestAsync(summary.RequestId));
    }

    [Fact]
    public async Task Starts_that_race_make_one_summary_and_the_others_are_told_it_exists()
    {
        var claimed = await site.Portal.SummaryClaimedRequestAsync();
        var clients = Enumerable.Range(0, 8).Select(_ => site.Portal.Api(claimed.Claimant.Token)).ToList();

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/v1/requests/{claimed.RequestId}/summary", null)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await site.Portal.SummaryCountForRequestAsync(claimed.RequestId));
        foreach (var disposable in responses.Cast<IDisposable>().Concat(clients))
        {
            disposable.Dispose();
        }
    }

    [Fact]
    public async Task Only_the_claimant_starts_a_summary()
    {
        var claimed = await site.Portal.SummaryClaimedRequestAsync();
        var other = (await site.Portal.NewLibrariansAsync(1))[0];
        using var librarian = site.Portal.Api(other.Token);
        using var helen = await site.Portal.ApiAsAsync(Helen);
        using var claire = await site.Portal.ApiAsAsync(TestSite.MemberEmail);
        var unclaimed = await site.Portal.SubmittedRequestAsync();
        var withdrawn = await site.Portal.SummaryClaimedRequestAsync();
        using var withdrawal = await helen.PostAsJsonAsync($"/api/v1/requests/{withdrawn.RequestId}/withdraw", new { reason = "No longer needed" });
        using var claimant = site.Portal.Api(claimed.Claimant.Token);
        using var formerClaimant = site.Portal.Api(withdrawn.Claimant.Token);

        using var byOtherLibrarian = await librarian.PostAsync($"/api/v1/requests/{claimed.RequestId}/summary", null);
        using var byRequester = await helen.PostAsync($"/api/v1/requests/{claimed.RequestId}/summary", null);
        using var byMember = await claire.PostAsync($"/api/v1/requests/{claimed.RequestId}/summary", null);
        using var ofUnclaimed = await claimant.PostAsync($"/api/v1/requests/{unclaimed}/summary", null);
        using var ofWithdrawn = await formerClaimant.PostAsync($"/api/v1/requests/{withdrawn.RequestId}/summary", null);
        using var ofNothing = await claimant.PostAsync($"/api/v1/requests/{Guid.NewGuid()}/summary", null);

        Assert.Equal(HttpStatusCode.Forbidden, byOtherLibrarian.StatusCode);
        Assert.Equal("Only the librarian who claimed the request writes its summary.", await byOtherLibrarian.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, byRequester.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ofUnclaimed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawal.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, ofWithdrawn.StatusCode);
        Assert.Equal("A summary can be started while the request is claimed, not while it is withdrawn.", await ofWithdrawn.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.NotFound, ofNothing.StatusCode);
        Assert.Equal(0, await site.Portal.SummaryCountForRequestAsync(claimed.RequestId));
        Assert.Equal(0, await site.Portal.SummaryCountForRequestAsync(unclaimed));
        Assert.Equal(0, await site.Portal.SummaryCountForRequestAsync(withdrawn.RequestId));
    }

    [Fact]
    public async Task An_author_replaces_the_content_and_reads_the_search_report_and_stored_findings_back()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var client = site.Portal.Api(summary.Claimant.Token);
        var body = SummarySite.SummaryBody();
        ((object[])body["sources"]!)[0] = new { database = "MEDLINE", @interface = "Ovid", hits = 312, strategy = new[] { "1. exp Frail Elderly/", "", "2. frail*.ti,ab.", "3. 1 or 2" } };

        using var put = await client.SummaryPutAsync(summary.SummaryId, body);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/summaries/{summary.SummaryId}");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Strength and balance training and falls in people over 75", read.GetProperty("title").GetString());
        var sources = read.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["MEDLINE", "CINAHL"], sources.Select(s => s.GetProperty("database").GetString()));
        Assert.Equal(["exp Frail Elderly/", "frail*.ti,ab.", "1 or 2"], sources[0].GetProperty("strategy").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(168, sources[1].GetProperty("hits").GetInt32());
        Assert.Equal((480, 350, 24), (read.GetProperty("recordsFound").GetInt32(), read.GetProperty("recordsAfterDeduplication").GetInt32(), read.GetProperty("recordsSelected").GetInt32()));
        // Stored rendered: the author's ### is an h5 under the page's h1 and h2 sections.
        var html = read.GetProperty("findingsHtml").GetString();
        Assert.Contains("<h5>What we found</h5>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Strength and balance training <strong>reduces falls</strong> by about a quarter.</p>", html, StringComparison.Ordinal);
        Assert.Equal("2027-03-01", read.GetProperty("reviewDate").GetString());
        Assert.Equal("NICE, the Centre for Ageing Better", read.GetProperty("websites").GetString());
        Assert.Equal(read.GetProperty("version").GetInt32(), (await site.Portal.SummaryRowAsync(summary.SummaryId)).Version);
    }

    [Fact]
    public async Task Script_and_dangerous_links_in_the_findings_are_stored_inert()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var client = site.Portal.Api(summary.Claimant.Token);
        const string findings = """
            <script>alert('x')</script>
            <img src=x onerror=alert(1)>
            <iframe src="https://evil.example"></iframe>
            [click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) <svg onload=alert(1)>
            """;

        using var put = await client.SummaryPutAsync(summary.SummaryId, SummarySite.SummaryBody(findings: findings));
        var stored = (await site.Portal.SummaryRowAsync(summary.SummaryId)).FindingsHtml;

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.DoesNotContain("<script", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt;", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_field_error_is_named_by_its_place_in_the_body_and_nothing_is_saved()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var client = site.Portal.Api(summary.Claimant.Token);
        var before = await site.Portal.SummaryRowAsync(summary.SummaryId);
        var body = SummarySite.SummaryBody();
        body["title"] = new string('t', 201);
        body["sources"] = new object[]
        {
            new { database = "MEDLINE", hits = 10, strategy = new[] { "a.ti." } },
            new { database = "", hits = -4, strategy = Enumerable.Range(1, 201).Select(i => $"term{i}.ti.").ToArray() },
        };
        body["recordsFound"] = 10;
        body["recordsAfterDeduplication"] = 8;
        body["recordsSelected"] = 9;
        body["otherMethods"] = new string('o', 4001);
        body["licence"] = "WTFPL";

        using var put = await client.SummaryPutAsync(summary.SummaryId, body);
        var errors = await ErrorsAsync(put);

        Assert.Equal(
            ["licence", "otherMethods", "recordsSelected", "sources[1].database", "sources[1].hits", "sources[1].strategy", "title"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Enter the name of source 2", errors["sources[1].database"][0]);
        Assert.Equal("The hits for source 2 must be 0 or more", errors["sources[1].hits"][0]);
        Assert.Equal("Choose a licence from the list", errors["licence"][0]);
        Assert.Equal("Records selected cannot be more than the records screened", errors["recordsSelected"][0]);
        Assert.Equal(before, await site.Portal.SummaryRowAsync(summary.SummaryId));
    }

    [Fact]
    public async Task More_sources_than_a_summary_reports_is_refused()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var client = site.Portal.Api(summary.Claimant.Token);
        var body = SummarySite.SummaryBody();
        body["sources"] = Enumerable.Range(1, 51).Select(i => new { database = $"Database {i}" }).ToArray();

        var errors = await ErrorsAsync(await client.SummaryPutAsync(summary.SummaryId, body));

        Assert.Equal(["A summary reports at most 50 sources"], errors["sources"]);
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_has_text_for_a_number_or_an_impossible_date_is_a_bad_request()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var client = site.Portal.Api(summary.Claimant.Token);
        var before = await site.Portal.SummaryRowAsync(summary.SummaryId);

        using var notJson = await client.PutAsync($"/api/v1/summaries/{summary.SummaryId}", new StringContent("{ \"title\": ", Encoding.UTF8, "application/json"));
        using var textHits = await client.PutAsync($"/api/v1/summaries/{summary.SummaryId}", new StringContent("{ \"title\": \"T\", \"question\": \"Q\", \"sources\": [{ \"database\": \"MEDLINE\", \"hits\": \"many\" }] }", Encoding.UTF8, "application/json"));
        using var badDate = await client.PutAsync($"/api/v1/summaries/{summary.SummaryId}", new StringContent("{ \"title\": \"T\", \"question\": \"Q\", \"reviewDate\": \"2027-02-30\" }", Encoding.UTF8, "application/json"));
        using var empty = await client.PutAsync($"/api/v1/summaries/{summary.SummaryId}", new StringContent("", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, textHits.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        var emptyErrors = await ErrorsAsync(empty);
        Assert.Equal(["Enter a title"], emptyErrors["title"]);
        Assert.Equal(before, await site.Portal.SummaryRowAsync(summary.SummaryId));
    }

    [Fact]
    public async Task A_save_based_on_an_older_version_is_a_conflict_and_changes_nothing()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var client = site.Portal.Api(summary.Claimant.Token);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/summaries/{summary.SummaryId}");
        var version = read.GetProperty("version").GetInt32();
        var first = SummarySite.SummaryBody(title: "First title");
        first["version"] = version;
        var second = SummarySite.SummaryBody(title: "Second title");
        second["version"] = version;

        using var won = await client.SummaryPutAsync(summary.SummaryId, first);
        using var lost = await client.SummaryPutAsync(summary.SummaryId, second);

        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Equal("Someone else changed this at the same time. Reload the page to see their change, then try again.", await lost.ProblemTitleAsync());
        Assert.Equal("First title", (await site.Portal.SummaryRowAsync(summary.SummaryId)).Title);
    }

    [Fact]
    public async Task Someone_who_is_not_an_author_cannot_change_the_summary()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        var other = (await site.Portal.NewLibrariansAsync(1))[0];
        using var librarian = site.Portal.Api(other.Token);
        using var helen = await site.Portal.ApiAsAsync(Helen);
        using var claire = await site.Portal.ApiAsAsync(TestSite.MemberEmail);
        var before = await site.Portal.SummaryRowAsync(summary.SummaryId);

        using var byLibrarian = await librarian.SummaryPutAsync(summary.SummaryId, SummarySite.SummaryBody(title: "Taken over"));
        using var byRequester = await helen.SummaryPutAsync(summary.SummaryId, SummarySite.SummaryBody(title: "Taken over"));
        using var byMember = await claire.SummaryPutAsync(summary.SummaryId, SummarySite.SummaryBody(title: "Taken over"));
        using var missing = await site.Portal.Api(summary.Claimant.Token).SummaryPutAsync(Guid.NewGuid(), SummarySite.SummaryBody());

        Assert.Equal(HttpStatusCode.Forbidden, byLibrarian.StatusCode);
        Assert.Equal("Only the authors of this summary can change it.", await byLibrarian.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, byRequester.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(before, await site.Portal.SummaryRowAsync(summary.SummaryId));
    }

    [Fact]
    public async Task The_requester_reads_the_summary_only_once_it_is_final_and_a_member_never()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        var other = (await site.Portal.NewLibrariansAsync(1))[0];
        using var librarian = site.Portal.Api(other.Token);
        using var helen = await site.Portal.ApiAsAsync(Helen);
        using var claire = await site.Portal.ApiAsAsync(TestSite.MemberEmail);
        using var anonymous = site.Portal.CreateClient();
        var path = $"/api/v1/summaries/{summary.SummaryId}";

        using var requesterBefore = await helen.GetAsync(path);
        using var librarianBefore = await librarian.GetAsync(path);
        using var memberBefore = await claire.GetAsync(path);
        await site.Portal.SummaryMadeFinalAsync(summary.SummaryId);
        using var requesterAfter = await helen.GetAsync(path);
        using var memberAfter = await claire.GetAsync(path);
        using var signedOut = await anonymous.GetAsync(path);
        using var missing = await helen.GetAsync($"/api/v1/summaries/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, requesterBefore.StatusCode);
        Assert.Equal("application/problem+json", requesterBefore.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, librarianBefore.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, memberBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, requesterAfter.StatusCode);
        Assert.Equal("Final", (await JsonAsync(requesterAfter)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, memberAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_lead_of_the_work_stream_who_did_not_ask_reads_the_final_summary()
    {
        // The administrator asks on the frailty stream, which Helen leads.
        using var admin = site.Portal.Api(TestSite.AdminApiToken);
        var workStreamId = (await site.Portal.WorkStreamAsync(Frailty)).GetProperty("id").GetString();
        using var created = await admin.PostAsJsonAsync("/api/v1/requests", new
        {
            workStreamId,
            question = "Are falls clinics cost-effective?",
            output = "EvidenceSummary",
            deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            urgency = "Routine",
        });
        var requestId = (await JsonAsync(created)).GetProperty("id").GetGuid();
        using var submitted = await admin.PostAsync($"/api/v1/requests/{requestId}/submit", null);
        var claimant = (await site.Portal.NewLibrariansAsync(1))[0];
        using var librarian = site.Portal.Api(claimant.Token);
        using var claimed = await librarian.PostAsync($"/api/v1/requests/{requestId}/claim", null);
        using var started = await librarian.PostAsync($"/api/v1/requests/{requestId}/summary", null);
        var summaryId = (await JsonAsync(started)).GetProperty("id").GetGuid();
        using var helen = await site.Portal.ApiAsAsync(Helen);

        using var before = await helen.GetAsync($"/api/v1/summaries/{summaryId}");
        await site.Portal.SummaryMadeFinalAsync(summaryId);
        using var after = await helen.GetAsync($"/api/v1/summaries/{summaryId}");

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_final_summary_cannot_be_edited()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        await site.Portal.SummaryMadeFinalAsync(summary.SummaryId);
        using var client = site.Portal.Api(summary.Claimant.Token);

        using var put = await client.SummaryPutAsync(summary.SummaryId, SummarySite.SummaryBody(title: new string('t', 500)));

        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Equal("A final summary cannot be edited. Start a re-run to make a new version.", await put.ProblemTitleAsync());
    }

    [Fact]
    public async Task A_read_only_token_reads_but_does_not_write()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        var token = await site.Portal.ScalarAsync<string>("SELECT Id FROM PersonalAccessTokens WHERE UserId = $id", ("$id", summary.Claimant.Id));
        await site.Portal.ExecuteAsync("UPDATE PersonalAccessTokens SET Scope = 'Read' WHERE Id = $id", ("$id", token));
        using var client = site.Portal.Api(summary.Claimant.Token);

        using var get = await client.GetAsync($"/api/v1/summaries/{summary.SummaryId}");
        using var put = await client.SummaryPutAsync(summary.SummaryId, SummarySite.SummaryBody());

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal("This token is read-only.", await put.ProblemTitleAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_summary_endpoints()
    {
        using var client = site.Portal.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        Assert.True(paths.GetProperty("/api/v1/requests/{id}/summary").TryGetProperty("post", out var start));
        Assert.Contains("claimant", start.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(paths.GetProperty("/api/v1/summaries/{id}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/summaries/{id}").TryGetProperty("put", out _));
    }
}
