using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;
using static Portal.Web.Tests.SummaryReviewSite;

namespace Portal.Web.Tests;

/// <summary>
/// The requester's "peer review before delivery" box, through the form and the API; and a request
/// that passes to another librarian takes its unfinished summary with it.
/// </summary>
[Collection(Collection)]
public sealed class SummaryReviewRequestTests(SummaryReviewSiteFixture site)
{
    private PortalProcess Portal => site.Portal;

    private async Task<long> PeerReviewWantedAsync(Guid id) =>
        await Portal.ScalarAsync<long>("SELECT PeerReviewWanted FROM EvidenceRequests WHERE Id = $id", ("$id", CoordinationSite.Key(id)));

    [Fact]
    public async Task A_lead_asks_for_a_peer_reviewed_search_on_the_form_sees_it_on_the_request_and_can_untick_it()
    {
        using var helen = await Portal.SignedInAsync(Helen);
        var workStreamId = (await Portal.WorkStreamAsync(Frailty)).GetProperty("id").GetString()!;
        var blank = await helen.GetStringAsync("/requests/new");
        var form = ValidForm(workStreamId, "Do peer-reviewed searches find more trials of falls prevention?");
        form["PeerReview"] = "true";

        using var created = await helen.PostRequestAsync(form);
        var id = RequestIdFrom(created);
        var details = await helen.GetStringAsync($"/requests/{id}");
        var edit = await helen.GetStringAsync($"/requests/{id}/edit");
        form.Remove("PeerReview");
        using var unticked = await helen.PostRequestAsync(form, $"/requests/{id}/edit");

        Assert.Contains("Ask for the search to be peer reviewed before delivery", blank, StringComparison.Ordinal);
        Assert.Contains("name=\"PeerReview\" type=\"checkbox\" value=\"true\" aria-describedby", blank, StringComparison.Ordinal);
        Assert.Contains("Asked for: the search is peer reviewed before delivery", details, StringComparison.Ordinal);
        Assert.Contains("name=\"PeerReview\" type=\"checkbox\" value=\"true\" checked", edit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, unticked.StatusCode);
        Assert.Equal(0, await PeerReviewWantedAsync(id));
    }

    [Fact]
    public async Task The_api_takes_and_gives_back_the_peer_review_wish_and_leaves_it_off_by_default()
    {
        using var helen = await Portal.ApiAsAsync(Helen);
        var workStreamId = (await Portal.WorkStreamAsync(Frailty)).GetProperty("id").GetString();
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var asked = await helen.PostAsJsonAsync("/api/v1/requests", new { workStreamId, question = "Does tai chi reduce falls in frail older people?", output = "ReadingList", deadline, peerReview = true });
        using var plain = await helen.PostAsJsonAsync("/api/v1/requests", new { workStreamId, question = "Does tai chi improve balance in frail older people?", output = "ReadingList", deadline });
        using var wrong = await helen.PostAsJsonAsync("/api/v1/requests", new { workStreamId, question = "Does tai chi help?", output = "ReadingList", deadline, peerReview = "please" });
        var askedId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var fetched = await helen.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{askedId}");

        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        Assert.True(fetched.GetProperty("peerReview").GetBoolean());
        Assert.Equal(1, await PeerReviewWantedAsync(askedId));
        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
        Assert.False((await plain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("peerReview").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    [Fact]
    public async Task A_coordinator_reassigning_a_request_makes_the_new_librarian_an_author_who_carries_on_with_the_draft()
    {
        var people = await Portal.NewLibrariansAsync(2);
        var (newcomer, reviewer) = (people[0], people[1]);
        var draft = await Portal.SummaryReviewDraftAsync();
        using var admin = Portal.Api(TestSite.AdminApiToken);

        using var assigned = await admin.PostAsJsonAsync($"/api/v1/requests/{draft.RequestId}/assign", new { librarianId = newcomer.Id, reason = "The first librarian is on leave.", overCapacity = true });
        var row = await Portal.SummaryReviewRowAsync(draft.SummaryId);
        using var carriesOn = await Portal.Api(newcomer.Token).PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/review-request", new { reviewerId = reviewer.Id });

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal([draft.Author.Id, newcomer.Id], JsonSerializer.Deserialize<string[]>(row.Authors)!);
        Assert.Equal(HttpStatusCode.OK, carriesOn.StatusCode);
        Assert.Equal("InReview", (await Portal.RequestRowAsync(draft.RequestId)).State);
    }

    [Fact]
    public async Task A_librarian_who_claims_a_released_request_becomes_an_author_of_its_draft()
    {
        var newcomer = (await Portal.NewLibrariansAsync(1))[0];
        var draft = await Portal.SummaryReviewDraftAsync();
        using (var first = Portal.Api(draft.Author.Token))
        {
            (await first.PostAsJsonAsync($"/api/v1/requests/{draft.RequestId}/release", new { reason = "Going on leave." })).EnsureSuccessStatusCode();
        }

        using var claimed = await Portal.Api(newcomer.Token).PostAsync($"/api/v1/requests/{draft.RequestId}/claim", null);
        using var former = await Portal.Api(draft.Author.Token).PostAsync($"/api/v1/summaries/{draft.SummaryId}/deliver", null);
        using var delivered = await Portal.Api(newcomer.Token).PostAsync($"/api/v1/summaries/{draft.SummaryId}/deliver", null);

        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        var authors = JsonSerializer.Deserialize<string[]>((await Portal.SummaryReviewRowAsync(draft.SummaryId)).Authors)!;
        Assert.Equal([draft.Author.Id, newcomer.Id], authors);
        // The former claimant is still an author, but only the librarian holding the request delivers it.
        Assert.Equal(HttpStatusCode.Forbidden, former.StatusCode);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("Delivered", (await Portal.RequestRowAsync(draft.RequestId)).State);
    }
}
