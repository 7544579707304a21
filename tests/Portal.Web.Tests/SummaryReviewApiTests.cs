using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;
using static Portal.Web.Tests.SummaryReviewSite;

namespace Portal.Web.Tests;

/// <summary>/api/v1/summaries/{id}/review-request, /approve, /request-changes, /deliver and /versions, and every way to get them wrong.</summary>
[Collection(Collection)]
public sealed class SummaryReviewApiTests(SummaryReviewSiteFixture site)
{
    private PortalProcess Portal => site.Portal;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        return errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    private async Task<string> RequestStateAsync(Guid id) => (await Portal.RequestRowAsync(id)).State;

    [Fact]
    public async Task An_author_asks_for_a_review_the_reviewer_approves_and_the_author_delivers_to_the_requester()
    {
        var reviewer = (await Portal.NewLibrariansAsync(1))[0];
        var draft = await Portal.SummaryReviewDraftAsync(title: "Strength and balance training and falls");
        using var author = Portal.Api(draft.Author.Token);
        using var peer = Portal.Api(reviewer.Token);

        using var asked = await author.PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/review-request", new { reviewerId = reviewer.Id });
        var inReview = await RequestStateAsync(draft.RequestId);
        using var approved = await peer.PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/approve",
            SummaryReviewBody("A careful search.", ("TextWords", "RevisionsSuggested", "Consider ‘faller*’ as well.")));
        using var delivered = await author.PostAsync($"/api/v1/summaries/{draft.SummaryId}/deliver", null);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var askedBody = await JsonAsync(asked);
        Assert.Equal(("InReview", reviewer.Id), (askedBody.GetProperty("state").GetString(), askedBody.GetProperty("reviewerId").GetString()));
        Assert.Equal("InReview", inReview);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var review = await JsonAsync(approved);
        Assert.Equal(("Approved", "A careful search.", reviewer.Id), (review.GetProperty("outcome").GetString(), review.GetProperty("comment").GetString(), review.GetProperty("reviewerId").GetString()));
        Assert.Equal(6, review.GetProperty("items").GetArrayLength());
        Assert.Equal("RevisionsSuggested", review.GetProperty("items")[3].GetProperty("judgement").GetString());
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("Final", (await JsonAsync(delivered)).GetProperty("state").GetString());
        Assert.Equal("Delivered", await RequestStateAsync(draft.RequestId));
        Assert.Equal(1, await Portal.SummaryReviewCountAsync(draft.SummaryId));

        var helen = await Portal.UserIdAsync(Helen);
        Assert.Equal([$"{draft.Author.Name} asked you to peer review the search summary “Strength and balance training and falls”."],
            await Portal.SummaryReviewNoticesAsync(reviewer.Id, draft.SummaryId, "SummaryReview"));
        Assert.Equal([$"{reviewer.Name} approved the search summary “Strength and balance training and falls”. You can now deliver it."],
            await Portal.SummaryReviewNoticesAsync(draft.Author.Id, draft.SummaryId, "SummaryReview"));
        Assert.Equal([$"{draft.Author.Name} delivered the search summary “Strength and balance training and falls”."],
            await Portal.SummaryReviewNoticesAsync(helen, draft.SummaryId, "SummaryDelivered"));
        // Helen asked for immediate mails (the default): the delivery is in the outbox for her.
        Assert.Contains(await Portal.OutboxAsync(toAddress: Helen), m => m.Model.ToString().Contains("delivered the search summary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reviewer_asks_for_changes_and_the_request_goes_back_to_the_author_with_what_to_change()
    {
        var reviewer = (await Portal.NewLibrariansAsync(1))[0];
        var draft = await Portal.SummaryReviewDraftAsync(title: "Falls and frailty: changes");
        using var author = Portal.Api(draft.Author.Token);
        (await author.PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/review-request", new { reviewerId = reviewer.Id })).EnsureSuccessStatusCode();

        using var changes = await Portal.Api(reviewer.Token).PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/request-changes",
            SummaryReviewBody(null, ("SubjectHeadings", "RevisionsRequired", "Explode Accidental Falls/ and add Postural Balance/.")));
        using var again = await author.PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/review-request", new { reviewerId = reviewer.Id });

        Assert.Equal(HttpStatusCode.OK, changes.StatusCode);
        var review = await JsonAsync(changes);
        Assert.Equal(("ChangesRequested", "Draft"), (review.GetProperty("outcome").GetString(), review.GetProperty("summaryState").GetString()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal([$"{reviewer.Name} asked for changes to the search summary “Falls and frailty: changes”: Subject headings: Explode Accidental Falls/ and add Postural Balance/."],
            await Portal.SummaryReviewNoticesAsync(draft.Author.Id, draft.SummaryId, "SummaryReview"));
        Assert.Equal(1, await Portal.ScalarAsync<long>(
            "SELECT COUNT(*) FROM AuditEvents WHERE SubjectId = $id AND EventType = 'RequestChangesAsked'", ("$id", draft.RequestId.ToString())));
    }

    [Fact]
    public async Task Only_the_reviewer_reviews_only_authors_ask_and_deliver_and_others_get_403_or_404()
    {
        var people = await Portal.NewLibrariansAsync(2);
        var (reviewer, stranger) = (people[0], people[1]);
        var draft = await Portal.SummaryReviewDraftAsync();
        using var author = Portal.Api(draft.Author.Token);
        using var other = Portal.Api(stranger.Token);
        using var helen = await Portal.ApiAsAsync(Helen);

        using var strangerAsks = await other.PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/review-request", new { reviewerId = reviewer.Id });
        using var strangerDelivers = await other.PostAsync($"/api/v1/summaries/{draft.SummaryId}/deliver", null);
        (await author.PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/review-request", new { reviewerId = reviewer.Id })).EnsureSuccessStatusCode();
        using var strangerApproves = await other.PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/approve", SummaryReviewBody());
        using var authorApproves = await author.PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/approve", SummaryReviewBody());
        using var requesterDelivers = await helen.PostAsync($"/api/v1/summaries/{draft.SummaryId}/deliver", null);
        using var requesterReviews = await helen.PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/approve", SummaryReviewBody());
        using var nobody = await author.PostAsync($"/api/v1/summaries/{Guid.NewGuid()}/deliver", null);
        using var anonymous = await Portal.CreateClient().PostAsync($"/api/v1/summaries/{draft.SummaryId}/deliver", null);

        Assert.Equal(HttpStatusCode.Forbidden, strangerAsks.StatusCode);
        Assert.Equal("Only an author of the summary can ask for a review of it.", await strangerAsks.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, strangerDelivers.StatusCode);
        Assert.Equal("Only an author of the summary can deliver it.", await strangerDelivers.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, strangerApproves.StatusCode);
        Assert.Equal("Only the reviewer the author asked can review this search.", await strangerApproves.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, authorApproves.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, requesterDelivers.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, requesterReviews.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0, await Portal.SummaryReviewCountAsync(draft.SummaryId));
        Assert.Equal("InReview", (await Portal.SummaryReviewRowAsync(draft.SummaryId)).State);
    }

    [Fact]
    public async Task A_review_with_mistakes_names_every_one_and_saves_nothing()
    {
        var reviewer = (await Portal.NewLibrariansAsync(1))[0];
        var draft = await Portal.SummaryReviewDraftAsync();
        (await Portal.Api(draft.Author.Token).PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/review-request", new { reviewerId = reviewer.Id })).EnsureSuccessStatusCode();
        var before = await Portal.SummaryReviewRowAsync(draft.SummaryId);
        using var peer = Portal.Api(reviewer.Token);
        var path = $"/api/v1/summaries/{draft.SummaryId}";

        using var required = await peer.PostAsJsonAsync(path + "/approve", SummaryReviewBody(null, ("SubjectHeadings", "RevisionsRequired", "Add Postural Balance/")));
        using var noComment = await peer.PostAsJsonAsync(path + "/request-changes", SummaryReviewBody("  "));
        using var missing = await peer.PostAsJsonAsync(path + "/approve", new { items = new[] { new { element = "Translation", judgement = "NoRevisions" } } });
        using var unexplained = await peer.PostAsJsonAsync(path + "/request-changes", SummaryReviewBody(null, ("LimitsAndFilters", "RevisionsRequired", " ")));
        using var twice = await peer.PostAsJsonAsync(path + "/approve", new
        {
            items = Enum.GetNames<Portal.Core.Summaries.PressElement>().Select(e => new { element = e, judgement = "NoRevisions" }).Append(new { element = "Translation", judgement = "NoRevisions" }),
        });
        using var empty = await peer.PostAsJsonAsync(path + "/approve", new { });
        using var malformed = await peer.PostAsync(path + "/approve", new StringContent("{ \"items\": [", Encoding.UTF8, "application/json"));
        using var unknownElement = await peer.PostAsJsonAsync(path + "/approve", new { items = new[] { new { element = "Spelling", judgement = "NoRevisions" } } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, required.StatusCode);
        Assert.Equal(["You marked “Subject headings” as needing revision. Ask for changes instead of approving"], (await ErrorsAsync(required))["subjectHeadings.judgement"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noComment.StatusCode);
        Assert.Equal(["Say what needs to change: mark an element for revision or add a comment"], (await ErrorsAsync(noComment))["comment"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        var missingErrors = await ErrorsAsync(missing);
        Assert.Equal(["booleanAndProximity.judgement", "limitsAndFilters.judgement", "spellingAndSyntax.judgement", "subjectHeadings.judgement", "textWords.judgement"], missingErrors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Give a judgement on “Text word searching”"], missingErrors["textWords.judgement"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unexplained.StatusCode);
        Assert.Equal(["Say what should be revised under “Limits and filters”"], (await ErrorsAsync(unexplained))["limitsAndFilters.comment"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Equal(["Give one judgement on “Translation of the research question”, not 2"], (await ErrorsAsync(twice))["translation.judgement"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal(6, (await ErrorsAsync(empty)).Count);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, unknownElement.StatusCode);
        Assert.Equal(0, await Portal.SummaryReviewCountAsync(draft.SummaryId));
        Assert.Equal(before, await Portal.SummaryReviewRowAsync(draft.SummaryId));
        Assert.Equal("InReview", await RequestStateAsync(draft.RequestId));
    }

    [Fact]
    public async Task A_draft_is_not_reviewed_and_an_approved_search_is_not_approved_again()
    {
        var reviewer = (await Portal.NewLibrariansAsync(1))[0];
        var draft = await Portal.SummaryReviewDraftAsync();
        using var peer = Portal.Api(reviewer.Token);

        using var ofDraft = await peer.PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/approve", SummaryReviewBody());
        using var changesOfDraft = await peer.PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/request-changes", SummaryReviewBody("Add CINAHL"));
        (await Portal.Api(draft.Author.Token).PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/review-request", new { reviewerId = reviewer.Id })).EnsureSuccessStatusCode();
        (await peer.PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/approve", SummaryReviewBody())).EnsureSuccessStatusCode();
        using var again = await peer.PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/approve", SummaryReviewBody());

        Assert.Equal(HttpStatusCode.Conflict, ofDraft.StatusCode);
        Assert.Equal("This summary is not waiting for a review.", await ofDraft.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.Conflict, changesOfDraft.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("You have already approved this search.", await again.ProblemTitleAsync());
        Assert.Equal(1, await Portal.SummaryReviewCountAsync(draft.SummaryId));
    }

    [Fact]
    public async Task Asking_for_a_review_needs_a_reviewer_who_reviews_and_is_not_an_author_and_a_finished_summary()
    {
        var people = await Portal.NewLibrariansAsync(2);
        var (mentor, other) = (people[0], people[1]);
        await Portal.SetProfileAsync(mentor.Id, offersMentoring: true);
        var learner = (await Portal.NewLibrariansAsync(1))[0];
        await Portal.SetProfileAsync(learner.Id, seeksMentoring: true);
        var mentored = await Portal.SummaryReviewDraftAsync(mentorId: mentor.Id, author: learner);
        var unfinished = await Portal.SummaryReviewDraftAsync(complete: false);
        var draft = await Portal.SummaryReviewDraftAsync();
        using var author = Portal.Api(draft.Author.Token);
        var path = $"/api/v1/summaries/{draft.SummaryId}/review-request";

        using var none = await author.PostAsJsonAsync(path, new { reviewerId = "  " });
        using var requester = await author.PostAsJsonAsync(path, new { reviewerId = await Portal.UserIdAsync(Helen) });
        using var member = await author.PostAsJsonAsync(path, new { reviewerId = await Portal.UserIdAsync(TestSite.MemberEmail) });
        using var unknown = await author.PostAsJsonAsync(path, new { reviewerId = "no-such-person" });
        using var self = await author.PostAsJsonAsync(path, new { reviewerId = draft.Author.Id });
        using var notTheMentor = await Portal.Api(learner.Token).PostAsJsonAsync($"/api/v1/summaries/{mentored.SummaryId}/review-request", new { reviewerId = other.Id });
        using var incomplete = await Portal.Api(unfinished.Author.Token).PostAsJsonAsync($"/api/v1/summaries/{unfinished.SummaryId}/review-request", new { reviewerId = other.Id });
        using var notJson = await author.PostAsync(path, new StringContent("reviewer", Encoding.UTF8, "application/json"));
        using var theMentor = await Portal.Api(learner.Token).PostAsJsonAsync($"/api/v1/summaries/{mentored.SummaryId}/review-request", new { reviewerId = mentor.Id });

        Assert.Equal(["Choose a reviewer"], (await ErrorsAsync(none))["reviewerId"]);
        foreach (var refused in new[] { requester, member, unknown })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal(["Choose a reviewer from the list: a librarian who reviews searches"], (await ErrorsAsync(refused))["reviewerId"]);
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
        Assert.Equal(["Choose a reviewer who is not an author of the summary."], (await ErrorsAsync(self))["reviewerId"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notTheMentor.StatusCode);
        Assert.Equal(["The mentor on this request reviews the search."], (await ErrorsAsync(notTheMentor))["reviewerId"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        Assert.Equal("Finish the summary before asking for a review: add at least one source searched, with its strategy.", (await JsonAsync(incomplete)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.OK, theMentor.StatusCode);
        Assert.Equal("Draft", (await Portal.SummaryReviewRowAsync(draft.SummaryId)).State);
        Assert.Equal("Claimed", await RequestStateAsync(draft.RequestId));
    }

    [Fact]
    public async Task Without_a_reason_for_review_the_claimant_delivers_straight_from_the_draft()
    {
        var draft = await Portal.SummaryReviewDraftAsync();

        using var delivered = await Portal.Api(draft.Author.Token).PostAsync($"/api/v1/summaries/{draft.SummaryId}/deliver", null);
        using var twice = await Portal.Api(draft.Author.Token).PostAsync($"/api/v1/summaries/{draft.SummaryId}/deliver", null);

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("Delivered", await RequestStateAsync(draft.RequestId));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("This summary has already been delivered.", await twice.ProblemTitleAsync());
    }

    [Fact]
    public async Task Delivery_before_approval_is_refused_with_the_reason_when_the_author_is_mentored_or_the_requester_asked()
    {
        var people = await Portal.NewLibrariansAsync(3);
        var (mentor, learner, seeker) = (people[0], people[1], people[2]);
        await Portal.SetProfileAsync(mentor.Id, offersMentoring: true);
        await Portal.SetProfileAsync(learner.Id, seeksMentoring: true);
        var withMentor = await Portal.SummaryReviewDraftAsync(mentorId: mentor.Id, author: learner);
        var asked = await Portal.SummaryReviewDraftAsync(peerReview: true);
        var seeking = await Portal.SummaryReviewDraftAsync(author: seeker);
        await Portal.SetProfileAsync(seeker.Id, seeksMentoring: true);

        using var mentored = await Portal.Api(learner.Token).PostAsync($"/api/v1/summaries/{withMentor.SummaryId}/deliver", null);
        using var requested = await Portal.Api(asked.Author.Token).PostAsync($"/api/v1/summaries/{asked.SummaryId}/deliver", null);
        using var seeks = await Portal.Api(seeker.Token).PostAsync($"/api/v1/summaries/{seeking.SummaryId}/deliver", null);

        const string Rule = "This search must be approved by a peer reviewer before it is delivered. Ask for a review first.";
        Assert.Equal(HttpStatusCode.Conflict, mentored.StatusCode);
        Assert.Equal($"Searches by librarians being mentored are reviewed before delivery. {Rule}", await mentored.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.Conflict, requested.StatusCode);
        Assert.Equal($"The requester asked for a peer-reviewed search. {Rule}", await requested.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.Conflict, seeks.StatusCode);
        Assert.Equal($"Searches by librarians being mentored are reviewed before delivery. {Rule}", await seeks.ProblemTitleAsync());
        foreach (var draft in new[] { withMentor, asked, seeking })
        {
            Assert.Equal("Draft", (await Portal.SummaryReviewRowAsync(draft.SummaryId)).State);
            Assert.Equal("Claimed", await RequestStateAsync(draft.RequestId));
        }
    }

    [Fact]
    public async Task A_summary_with_its_reviewer_is_delivered_only_once_approved()
    {
        var reviewer = (await Portal.NewLibrariansAsync(1))[0];
        var draft = await Portal.SummaryReviewDraftAsync(peerReview: true);
        using var author = Portal.Api(draft.Author.Token);
        (await author.PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/review-request", new { reviewerId = reviewer.Id })).EnsureSuccessStatusCode();

        using var early = await author.PostAsync($"/api/v1/summaries/{draft.SummaryId}/deliver", null);
        (await Portal.Api(reviewer.Token).PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/approve", SummaryReviewBody())).EnsureSuccessStatusCode();
        using var approved = await author.PostAsync($"/api/v1/summaries/{draft.SummaryId}/deliver", null);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("This summary is with its reviewer. It can be delivered once they approve it.", await early.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Delivered", await RequestStateAsync(draft.RequestId));
    }

    [Fact]
    public async Task A_final_summary_is_re_run_as_a_new_version_with_its_references_copied_and_the_old_one_kept()
    {
        var final = await Portal.SummaryReviewFinalAsync();
        var rerunner = (await Portal.NewLibrariansAsync(1))[0];
        using var api = Portal.Api(rerunner.Token);
        var draft = await Portal.SummaryReviewDraftAsync();

        using var ofDraft = await Portal.Api(draft.Author.Token).PostAsync($"/api/v1/summaries/{draft.SummaryId}/versions", null);
        using var created = await api.PostAsync($"/api/v1/summaries/{final.SummaryId}/versions", null);
        using var again = await api.PostAsync($"/api/v1/summaries/{final.SummaryId}/versions", null);
        using var requester = await (await Portal.ApiAsAsync(Helen)).PostAsync($"/api/v1/summaries/{final.SummaryId}/versions", null);

        Assert.Equal(HttpStatusCode.Conflict, ofDraft.StatusCode);
        Assert.Equal("Only a final summary can be re-run. Finish this one first.", await ofDraft.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var next = await JsonAsync(created);
        var nextId = next.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/summaries/{nextId}", created.Headers.Location?.OriginalString);
        Assert.Equal((2, final.SummaryId, final.SummaryId, "Draft"),
            (next.GetProperty("versionNumber").GetInt32(), next.GetProperty("previousVersionId").GetGuid(), next.GetProperty("seriesId").GetGuid(), next.GetProperty("state").GetString()));
        Assert.Equal([rerunner.Id, final.Author.Id], next.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("This search has already been re-run: version 2 exists. Open the newest version to see it or re-run that one.", await again.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, requester.StatusCode);

        var copied = await Portal.QueryAsync("SELECT Id, Position, Title, Doi FROM SummaryReferences WHERE SummaryId = $id ORDER BY Position", ("$id", CoordinationSite.Key(nextId)));
        var original = await Portal.QueryAsync("SELECT Id, Position, Title, Doi FROM SummaryReferences WHERE SummaryId = $id ORDER BY Position", ("$id", CoordinationSite.Key(final.SummaryId)));
        Assert.Equal(original.Select(r => (r["Position"], r["Title"], r["Doi"])), copied.Select(r => (r["Position"], r["Title"], r["Doi"])));
        Assert.Empty(copied.Select(r => r["Id"]).Intersect(original.Select(r => r["Id"])));
        var search = await Portal.ScalarAsync<string>("SELECT Search FROM SearchSummaries WHERE Id = $id", ("$id", CoordinationSite.Key(nextId)));
        using (var report = JsonDocument.Parse(search!))
        {
            var source = report.RootElement.GetProperty("Sources")[0];
            Assert.Equal(JsonValueKind.Null, source.GetProperty("DateRun").ValueKind);
            Assert.Equal(JsonValueKind.Null, source.GetProperty("Hits").ValueKind);
            Assert.Equal(Strategy.Length, source.GetProperty("Strategy").GetArrayLength());
        }

        Assert.Equal("Final", (await Portal.SummaryReviewRowAsync(final.SummaryId)).State);
        Assert.Equal("Delivered", await RequestStateAsync(final.RequestId));
    }

    [Fact]
    public async Task Of_two_re_runs_started_at_once_one_is_created_and_the_other_is_told_it_lost()
    {
        var final = await Portal.SummaryReviewFinalAsync();
        var people = await Portal.NewLibrariansAsync(2);
        using var first = Portal.Api(people[0].Token);
        using var second = Portal.Api(people[1].Token);

        var answers = await Task.WhenAll(
            first.PostAsync($"/api/v1/summaries/{final.SummaryId}/versions", null),
            second.PostAsync($"/api/v1/summaries/{final.SummaryId}/versions", null));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var lost = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.StartsWith("This search has already been re-run: version 2 exists.", await lost.ProblemTitleAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM SearchSummaries WHERE SeriesId = $id", ("$id", CoordinationSite.Key(final.SummaryId))));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task A_re_run_is_reviewed_and_delivered_as_version_2_and_the_requester_is_told()
    {
        var final = await Portal.SummaryReviewFinalAsync();
        using var author = Portal.Api(final.Author.Token);
        using var created = await author.PostAsync($"/api/v1/summaries/{final.SummaryId}/versions", null);
        var nextId = (await JsonAsync(created)).GetProperty("id").GetGuid();
        // The author runs the strategy again and records its date and hits (writing is another part of the portal).
        await Portal.SummaryReviewDbAsync(async db =>
        {
            var next = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.SearchSummaries, s => s.Id == nextId);
            var request = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.EvidenceRequests, r => r.Id == final.RequestId);
            next.Edit(final.Author.Id, SummaryReviewContent(request, "Falls: the search re-run"), next.FindingsHtml, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });

        using var delivered = await author.PostAsync($"/api/v1/summaries/{nextId}/deliver", null);

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        var body = await JsonAsync(delivered);
        Assert.Equal(("Final", 2), (body.GetProperty("state").GetString(), body.GetProperty("versionNumber").GetInt32()));
        Assert.Equal([$"{final.Author.Name} delivered version 2 of the search summary “Falls: the search re-run”."],
            await Portal.SummaryReviewNoticesAsync(await Portal.UserIdAsync(Helen), nextId, "SummaryDelivered"));
    }
}

/// <summary>Portal:Summaries:Review:RequireAlways makes every search wait for a reviewer's approval.</summary>
public sealed class SummaryReviewRequiredAlwaysFixture : SetUpSiteFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Portal:Api:TokenRequestsPerMinute"] = "1000",
        ["Portal:Summaries:Review:RequireAlways"] = "true",
    };
}

public sealed class SummaryReviewRequiredAlwaysTests(SummaryReviewRequiredAlwaysFixture site) : IClassFixture<SummaryReviewRequiredAlwaysFixture>
{
    [Fact]
    public async Task When_the_site_requires_review_of_every_search_an_unreviewed_one_is_not_delivered_and_the_page_says_why()
    {
        var draft = await site.Portal.SummaryReviewDraftAsync();

        using var refused = await site.Portal.Api(draft.Author.Token).PostAsync($"/api/v1/summaries/{draft.SummaryId}/deliver", null);
        using var browser = await site.Portal.SignedInAsync(draft.Author.Email);
        var page = await browser.GetStringAsync($"/summaries/{draft.SummaryId}/workflow");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Every search is peer reviewed before delivery. This search must be approved by a peer reviewer before it is delivered. Ask for a review first.", await refused.ProblemTitleAsync());
        Assert.Contains("A peer reviewer must approve this search before it is delivered. Every search is peer reviewed before delivery.", page, StringComparison.Ordinal);
        Assert.Contains("disabled aria-disabled=\"true\" aria-describedby=\"deliver-blocked\"", page, StringComparison.Ordinal);
        Assert.Equal("Claimed", (await site.Portal.RequestRowAsync(draft.RequestId)).State);
    }
}
