using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using static Portal.Web.Tests.CoordinationSite;
using static Portal.Web.Tests.RequestsSite;
using static Portal.Web.Tests.SummaryReviewSite;

namespace Portal.Web.Tests;

/// <summary>Review and delivery on the pages, as a browser without JavaScript would use them.</summary>
[Collection(Collection)]
public sealed class SummaryReviewPageTests(SummaryReviewSiteFixture site)
{
    private static readonly KeyValuePair<string, string>[] NoFields = [];

    private PortalProcess Portal => site.Portal;

    private static string Workflow(Guid id) => $"/summaries/{id}/workflow";

    [Fact]
    public async Task An_author_asks_a_colleague_who_reviews_on_the_press_form_and_the_author_then_delivers_it()
    {
        var reviewer = (await Portal.NewLibrariansAsync(1))[0];
        var draft = await Portal.SummaryReviewDraftAsync(title: "Balance classes and falls");
        using var author = await Portal.SignedInAsync(draft.Author.Email);
        using var peer = await Portal.SignedInAsync(reviewer.Email);
        var id = draft.SummaryId;

        var before = await PageAsync(author, Workflow(id));
        using var asked = await author.PostFormAsync(Workflow(id), $"/summaries/{id}/review-request", [new("ReviewerId", reviewer.Id)]);
        var afterAsking = await PageAsync(author, Workflow(id));
        var reviewerSees = await PageAsync(peer, Workflow(id));
        var form = await PageAsync(peer, $"/summaries/{id}/review");
        using var approved = await peer.PostFormAsync($"/summaries/{id}/review", $"/summaries/{id}/review",
            SummaryReviewForm("Approve", "Well built.", ("TextWords", "RevisionsSuggested", "Add ‘unsteady’ as a synonym.")));
        var reviewerAfter = await PageAsync(peer, Workflow(id));
        var authorAfterApproval = await PageAsync(author, Workflow(id));
        using var delivered = await author.PostFormAsync(Workflow(id), $"/summaries/{id}/deliver", NoFields);
        var afterDelivery = await PageAsync(author, Workflow(id));
        using var helen = await Portal.SignedInAsync(Helen);
        var requesterSees = await PageAsync(helen, Workflow(id));

        Assert.Contains("Draft: not yet reviewed or delivered.", before, StringComparison.Ordinal);
        Assert.Contains(">Ask for a peer review</button>", before, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{reviewer.Id}\">{reviewer.Name}</option>", before, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{draft.Author.Id}\"", before, StringComparison.Ordinal);
        Assert.Contains("This search may be delivered without a peer review.", before, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"deliver-hint\" data-module=\"nhsuk-button\">Deliver to the requester</button>", before, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal($"/summaries/{id}#workflow", asked.Headers.Location?.OriginalString);
        Assert.Contains("Your search has been sent for peer review.", afterAsking, StringComparison.Ordinal);
        Assert.Contains($"With {reviewer.Name} for peer review since", afterAsking, StringComparison.Ordinal);
        Assert.Contains($"{reviewer.Name} is reviewing the search. You can deliver it once they approve it.", afterAsking, StringComparison.Ordinal);
        Assert.DoesNotContain(">Ask for a peer review</button>", afterAsking, StringComparison.Ordinal);
        Assert.Contains($"href=\"/summaries/{id}/review\"", reviewerSees, StringComparison.Ordinal);

        // The reviewer has the strategies in front of them: numbered lines per source, and six elements.
        Assert.Contains("PRESS 2015 checklist", form, StringComparison.Ordinal);
        Assert.Contains("1. MEDLINE via Ovid", form, StringComparison.Ordinal);
        Assert.Contains("<li><code>exp Frail Elderly/</code></li>", form, StringComparison.Ordinal);
        Assert.Contains("<li><code>3 and 4</code></li>", form, StringComparison.Ordinal);
        Assert.Equal(6 * 3, CountOf(form, "type=\"radio\""));
        Assert.Contains("name=\"SubjectHeadings.Judgement\" type=\"radio\" value=\"RevisionsRequired\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Outcome\" value=\"Approve\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Outcome\" value=\"AskForChanges\"", form, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal($"/summaries/{id}", approved.Headers.Location?.OriginalString);
        Assert.Contains("You approved the search.", reviewerAfter, StringComparison.Ordinal);
        Assert.Contains($"Approved by {reviewer.Name} on", authorAfterApproval, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"deliver-hint\"", authorAfterApproval, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, delivered.StatusCode);
        Assert.Contains("The summary has been delivered to the requester.", afterDelivery, StringComparison.Ordinal);
        Assert.Contains("Delivered to the requester on", afterDelivery, StringComparison.Ordinal);
        Assert.Contains(">Re-run this search</button>", afterDelivery, StringComparison.Ordinal);
        Assert.Equal("Delivered", (await Portal.RequestRowAsync(draft.RequestId)).State);

        // The requester reads the history of the review: outcome, reviewer, each element and its comment.
        Assert.Contains("Peer reviews", requesterSees, StringComparison.Ordinal);
        Assert.Contains($"<strong>{reviewer.Name}</strong>", requesterSees, StringComparison.Ordinal);
        Assert.Contains(">Approved</strong>", requesterSees, StringComparison.Ordinal);
        Assert.Contains("Well built.", requesterSees, StringComparison.Ordinal);
        Assert.Contains("Text word searching</th>", requesterSees, StringComparison.Ordinal);
        Assert.Contains(">Revisions suggested</strong>", requesterSees, StringComparison.Ordinal);
        Assert.Contains("Add ‘unsteady’ as a synonym.", requesterSees, StringComparison.Ordinal);
        Assert.DoesNotContain(">Deliver to the requester</button>", requesterSees, StringComparison.Ordinal);
        Assert.DoesNotContain(">Re-run this search</button>", requesterSees, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_form_with_mistakes_comes_back_with_every_error_and_what_was_typed_and_nothing_is_saved()
    {
        var reviewer = (await Portal.NewLibrariansAsync(1))[0];
        var draft = await Portal.SummaryReviewDraftAsync();
        (await Portal.Api(draft.Author.Token).PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/review-request", new { reviewerId = reviewer.Id })).EnsureSuccessStatusCode();
        using var peer = await Portal.SignedInAsync(reviewer.Email);
        var path = $"/summaries/{draft.SummaryId}/review";
        var fields = SummaryReviewForm("Approve", "", ("SubjectHeadings", "RevisionsRequired", "Explode Accidental Falls/"), ("TextWords", "RevisionsSuggested", ""), ("Translation", "", ""));

        using var refused = await peer.PostFormAsync(path, path, fields);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        using var noButton = await peer.PostFormAsync(path, path, SummaryReviewForm("Maybe"));
        using var changesWithout = await peer.PostFormAsync(path, path, SummaryReviewForm("AskForChanges"));
        var changesHtml = WebUtility.HtmlDecode(await changesWithout.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Translation_Judgement\">Give a judgement on “Translation of the research question”</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#SubjectHeadings_Judgement\">You marked “Subject headings” as needing revision. Ask for changes instead of approving</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#TextWords_Comment\">Say what should be revised under “Text word searching”</a>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"SubjectHeadings.Judgement\" type=\"radio\" value=\"RevisionsRequired\" checked", html, StringComparison.Ordinal);
        Assert.Contains("Explode Accidental Falls/</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noButton.StatusCode);
        Assert.Contains("Choose whether to approve the search or ask for changes", await noButton.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changesWithout.StatusCode);
        Assert.Contains("<a href=\"#Comment\">Say what needs to change: mark an element for revision or add a comment</a>", changesHtml, StringComparison.Ordinal);
        Assert.Equal(0, await Portal.SummaryReviewCountAsync(draft.SummaryId));
        Assert.Equal("InReview", (await Portal.SummaryReviewRowAsync(draft.SummaryId)).State);
    }

    [Fact]
    public async Task The_reviewer_asks_for_changes_on_the_page_and_the_author_sees_what_to_change()
    {
        var reviewer = (await Portal.NewLibrariansAsync(1))[0];
        var draft = await Portal.SummaryReviewDraftAsync();
        (await Portal.Api(draft.Author.Token).PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/review-request", new { reviewerId = reviewer.Id })).EnsureSuccessStatusCode();
        using var peer = await Portal.SignedInAsync(reviewer.Email);
        var path = $"/summaries/{draft.SummaryId}/review";

        using var changes = await peer.PostFormAsync(path, path, SummaryReviewForm("AskForChanges", "Add CINAHL and re-check line 5.", ("SpellingAndSyntax", "RevisionsRequired", "Line 5 combines the wrong lines.")));
        using var author = await Portal.SignedInAsync(draft.Author.Email);
        var page = await PageAsync(author, Workflow(draft.SummaryId));

        Assert.Equal(HttpStatusCode.Redirect, changes.StatusCode);
        Assert.Contains(">Changes asked for</strong>", page, StringComparison.Ordinal);
        Assert.Contains("Add CINAHL and re-check line 5.", page, StringComparison.Ordinal);
        Assert.Contains("Line 5 combines the wrong lines.", page, StringComparison.Ordinal);
        Assert.Contains(">Revisions required</strong>", page, StringComparison.Ordinal);
        // Asked again, the same reviewer is chosen already.
        Assert.Contains($"<option value=\"{reviewer.Id}\" selected>{reviewer.Name}</option>", page, StringComparison.Ordinal);
        Assert.Equal("Claimed", (await Portal.RequestRowAsync(draft.RequestId)).State);
    }

    [Fact]
    public async Task The_review_form_is_for_the_reviewer_of_a_summary_in_review_only()
    {
        var people = await Portal.NewLibrariansAsync(2);
        var (reviewer, other) = (people[0], people[1]);
        var draft = await Portal.SummaryReviewDraftAsync();
        using var peer = await Portal.SignedInAsync(reviewer.Email);
        using var stranger = await Portal.SignedInAsync(other.Email);
        using var helen = await Portal.SignedInAsync(Helen);

        using var ofDraft = await peer.GetAsync($"/summaries/{draft.SummaryId}/review");
        (await Portal.Api(draft.Author.Token).PostAsJsonAsync($"/api/v1/summaries/{draft.SummaryId}/review-request", new { reviewerId = reviewer.Id })).EnsureSuccessStatusCode();
        using var notTheirs = await stranger.GetAsync($"/summaries/{draft.SummaryId}/review");
        var strangerToken = await FormPosting.AntiforgeryTokenAsync(stranger, Workflow(draft.SummaryId));
        using var strangerPosts = await stranger.PostAsync($"/summaries/{draft.SummaryId}/review",
            new FormUrlEncodedContent(SummaryReviewForm("Approve").Append(new("__RequestVerificationToken", strangerToken))));
        using var requester = await helen.GetAsync($"/summaries/{draft.SummaryId}/review");
        using var requesterWorkflow = await helen.GetAsync(Workflow(draft.SummaryId));

        Assert.Equal(HttpStatusCode.Conflict, ofDraft.StatusCode);
        Assert.Contains("This summary is not waiting for a review.", await ofDraft.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Contains("Only the reviewer the author asked can review this search.", await notTheirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, strangerPosts.StatusCode);
        // The requester holds no review permission, and reads the summary only once it is delivered.
        Assert.Equal("/account/access-denied", requester.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, requesterWorkflow.StatusCode);
        Assert.Equal(0, await Portal.SummaryReviewCountAsync(draft.SummaryId));
    }

    [Fact]
    public async Task A_mentee_sees_the_mentor_chosen_why_approval_is_needed_and_a_disabled_deliver_button()
    {
        var people = await Portal.NewLibrariansAsync(2);
        var (mentor, learner) = (people[0], people[1]);
        await Portal.SetProfileAsync(mentor.Id, offersMentoring: true);
        await Portal.SetProfileAsync(learner.Id, seeksMentoring: true);
        var draft = await Portal.SummaryReviewDraftAsync(mentorId: mentor.Id, author: learner);
        using var browser = await Portal.SignedInAsync(learner.Email);

        var page = await PageAsync(browser, Workflow(draft.SummaryId));
        using var deliver = await browser.PostFormAsync(Workflow(draft.SummaryId), $"/summaries/{draft.SummaryId}/deliver", NoFields);
        var after = await PageAsync(browser, Workflow(draft.SummaryId));

        Assert.Contains($"<option value=\"{mentor.Id}\" selected>{mentor.Name}</option>", page, StringComparison.Ordinal);
        Assert.Contains($"{mentor.Name} is mentoring this search, so they review it.", page, StringComparison.Ordinal);
        Assert.Contains("A peer reviewer must approve this search before it is delivered. Searches by librarians being mentored are reviewed before delivery.", page, StringComparison.Ordinal);
        Assert.Contains("The search must be approved by a peer reviewer before it is delivered. Ask for a peer review first.", page, StringComparison.Ordinal);
        Assert.Contains("disabled aria-disabled=\"true\" aria-describedby=\"deliver-blocked\"", page, StringComparison.Ordinal);
        // Posted anyway (no JavaScript needed to get round a disabled button): refused, with the reason, nothing changed.
        Assert.Equal(HttpStatusCode.Redirect, deliver.StatusCode);
        Assert.Contains("Searches by librarians being mentored are reviewed before delivery. This search must be approved by a peer reviewer before it is delivered.", after, StringComparison.Ordinal);
        Assert.Contains("nhsuk-notification-banner\" role=\"alert\"", after, StringComparison.Ordinal);
        Assert.Equal("Draft", (await Portal.SummaryReviewRowAsync(draft.SummaryId)).State);
    }

    [Fact]
    public async Task Asking_for_a_review_without_choosing_comes_back_with_the_error_and_a_form_without_its_token_is_refused()
    {
        var draft = await Portal.SummaryReviewDraftAsync();
        using var browser = await Portal.SignedInAsync(draft.Author.Email);

        using var none = await browser.PostFormAsync(Workflow(draft.SummaryId), $"/summaries/{draft.SummaryId}/review-request", [new("ReviewerId", "")]);
        var html = await none.Content.ReadAsStringAsync();
        using var forged = await browser.PostAsync($"/summaries/{draft.SummaryId}/deliver", new FormUrlEncodedContent(NoFields));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("<a href=\"#ReviewerId\">Choose a reviewer</a>", html, StringComparison.Ordinal);
        Assert.Contains("nhsuk-select--error", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("Draft", (await Portal.SummaryReviewRowAsync(draft.SummaryId)).State);
        Assert.Equal("Claimed", (await Portal.RequestRowAsync(draft.RequestId)).State);
    }

    [Fact]
    public async Task A_librarian_re_runs_a_final_summary_from_its_page_and_the_old_version_points_to_the_new()
    {
        var final = await Portal.SummaryReviewFinalAsync();
        var librarian = (await Portal.NewLibrariansAsync(1))[0];
        using var browser = await Portal.SignedInAsync(librarian.Email);

        var before = await PageAsync(browser, Workflow(final.SummaryId));
        using var rerun = await browser.PostFormAsync(Workflow(final.SummaryId), $"/summaries/{final.SummaryId}/rerun", NoFields);
        var newId = Guid.Parse(rerun.Headers.Location!.OriginalString["/summaries/".Length..]);
        var newPage = await PageAsync(browser, Workflow(newId));
        var oldPage = await PageAsync(browser, Workflow(final.SummaryId));

        Assert.Contains("Starts version 2 as a draft", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, rerun.StatusCode);
        Assert.Contains("You started version 2 of this search.", newPage, StringComparison.Ordinal);
        Assert.Contains($"This is version 2, a re-run of <a href=\"/summaries/{final.SummaryId}\">version 1</a>.", newPage, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/summaries/{newId}\">Read version 2</a>", oldPage, StringComparison.Ordinal);
        Assert.DoesNotContain(">Re-run this search</button>", oldPage, StringComparison.Ordinal);
        Assert.Equal("Draft", (await Portal.SummaryReviewRowAsync(newId)).State);
    }

    /// <summary>The page's text with character references decoded: the encoder writes curly quotes as &amp;#x201C;.</summary>
    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    private static int CountOf(string html, string text)
    {
        var count = 0;
        for (var at = html.IndexOf(text, StringComparison.Ordinal); at >= 0; at = html.IndexOf(text, at + text.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
