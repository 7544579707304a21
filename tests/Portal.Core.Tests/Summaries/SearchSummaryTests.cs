using Portal.Core.Requests;
using Portal.Core.Summaries;
using static Portal.Core.Tests.Requests;

namespace Portal.Core.Tests.Summaries;

/// <summary>
/// A summary's life: started by the claimant, edited, sent for peer review, approved or sent back on
/// the PRESS checklist, delivered, re-run as a new version, passed to a new claimant and reminded of
/// its review date. The first version moves its request with it; later versions leave it alone.
/// </summary>
public sealed class SearchSummaryTests
{
    private const string Mentor = "mentor-1";
    private const string Reviewer = "reviewer-1";
    private const string Stranger = "librarian-9";

    private static SummaryContent Complete(EvidenceRequest request) => SummaryContent.ForRequest(request) with
    {
        Search = new SearchReport(
            [new SearchSource("MEDLINE", "Ovid", "1946 to present", Today, 412, ["exp Frail Elderly/", "(fall* or faller*).ti,ab.", "1 and 2"], "English language; 2010 to current")],
            new OtherMethods(CitationSearching: "Forward citation searching of included reviews"),
            "EndNote, then by hand",
            RecordsFound: 412,
            RecordsAfterDeduplication: 380,
            RecordsSelected: 14),
        Findings = "Multicomponent exercise reduces the rate of falls by about a quarter.",
        ReviewDate = Today.AddMonths(12),
    };

    private static List<PressItem> AllFine(string? comment = null) =>
        PressChecklist.Elements.Select(e => new PressItem(e.Element, PressJudgement.NoRevisions, comment)).ToList();

    private static List<PressItem> With(PressElement element, PressJudgement judgement, string? comment) =>
        AllFine().Select(i => i.Element == element ? new PressItem(element, judgement, comment) : i).ToList();

    /// <summary>A claimed request and its started summary, events handed over.</summary>
    private static (EvidenceRequest Request, SearchSummary Summary) Started(string? mentor = null)
    {
        var request = In(RequestState.Submitted);
        request.Claim(Librarian, Now, mentor);
        request.TakeDomainEvents();
        var summary = SearchSummary.Start(request, Librarian, Now);
        summary.TakeDomainEvents();
        return (request, summary);
    }

    private static (EvidenceRequest Request, SearchSummary Summary) Written(string? mentor = null)
    {
        var (request, summary) = Started(mentor);
        summary.Edit(Librarian, Complete(request), "<p>Multicomponent exercise reduces the rate of falls by about a quarter.</p>", Now);
        summary.TakeDomainEvents();
        return (request, summary);
    }

    private static (EvidenceRequest Request, SearchSummary Summary) InReview(string reviewer = Reviewer)
    {
        var (request, summary) = Written();
        summary.AskForReview(request, Librarian, reviewer, Now);
        summary.TakeDomainEvents();
        request.TakeDomainEvents();
        return (request, summary);
    }

    private static (EvidenceRequest Request, SearchSummary Summary) Final()
    {
        var (request, summary) = Written();
        summary.Deliver(request, Librarian, approvalRequired: false, Now);
        summary.TakeDomainEvents();
        request.TakeDomainEvents();
        return (request, summary);
    }

    [Fact]
    public void The_claimant_starts_a_draft_from_the_request_question()
    {
        var request = In(RequestState.Claimed);

        var summary = SearchSummary.Start(request, Librarian, Now);

        Assert.Equal(SummaryState.Draft, summary.State);
        Assert.Equal(SummaryVisibility.RequesterOnly, summary.Visibility);
        Assert.Equal((1, summary.Id, (Guid?)null), (summary.VersionNumber, summary.SeriesId, summary.PreviousVersionId));
        Assert.Equal([Librarian], summary.Authors);
        Assert.Equal(request.Details.Question, summary.Content.Question);
        Assert.Equal(request.Details.Question, summary.Content.Title);
        Assert.Equal(SummaryContent.CaveatNotAppraised, summary.Content.Caveats);
        var started = Assert.IsType<SummaryStarted>(Assert.Single(summary.DomainEvents));
        Assert.Equal((summary.Id, Librarian, request.Id, 1), (started.SummaryId, started.By, started.RequestId, started.Version));
    }

    [Theory]
    [InlineData(RequestState.InReview, "A summary can be started while the request is claimed, not while it is in review.")]
    [InlineData(RequestState.Delivered, "A summary can be started while the request is claimed, not while it is delivered.")]
    public void A_summary_is_started_only_on_a_claimed_request(RequestState state, string message)
    {
        var request = In(state);
        var by = request.ClaimantId ?? Librarian;

        var refused = Assert.Throws<DomainException>(() => SearchSummary.Start(request, by, Now));

        Assert.Equal((message, RuleViolationKind.WrongState), (refused.Message, refused.Kind));
    }

    [Fact]
    public void Only_the_claimant_starts_the_summary()
    {
        var request = In(RequestState.Claimed);

        var refused = Assert.Throws<DomainException>(() => SearchSummary.Start(request, OtherLibrarian, Now));

        Assert.Equal(("Only the librarian who claimed the request writes its summary.", RuleViolationKind.NotYours), (refused.Message, refused.Kind));
    }

    [Fact]
    public void An_author_edits_a_draft()
    {
        var (request, summary) = Started();
        var version = summary.Version;
        var content = Complete(request) with { Title = "  Exercise and falls in frail older people  " };

        summary.Edit(Librarian, content, "<p>html</p>", Now.AddHours(1));

        Assert.Equal("Exercise and falls in frail older people", summary.Content.Title);
        Assert.Equal("<p>html</p>", summary.FindingsHtml);
        Assert.Equal(version + 1, summary.Version);
        Assert.Equal(Now.AddHours(1), summary.UpdatedAt);
        Assert.Equal(Librarian, Assert.IsType<SummaryEdited>(Assert.Single(summary.DomainEvents)).By);
    }

    [Fact]
    public void Saving_the_same_content_again_changes_nothing()
    {
        var (request, summary) = Started();
        summary.Edit(Librarian, Complete(request), "<p>html</p>", Now);
        summary.TakeDomainEvents();
        var version = summary.Version;

        // New lists with the same lines, as a form post or an API PUT makes them.
        summary.Edit(Librarian, Complete(request) with { Title = Complete(request).Title + " " }, "<p>html</p>", Now.AddHours(1));

        Assert.Equal(version, summary.Version);
        Assert.Empty(summary.DomainEvents);
    }

    [Fact]
    public void Edits_by_others_in_the_wrong_state_or_with_bad_content_are_refused()
    {
        var (request, draft) = Started();
        var (_, reviewing) = InReview();
        var (_, final) = Final();

        var stranger = Assert.Throws<DomainException>(() => draft.Edit(Stranger, Complete(request), "", Now));
        var untitled = Assert.Throws<DomainException>(() => draft.Edit(Librarian, Complete(request) with { Title = " " }, "", Now));
        var withReviewer = Assert.Throws<DomainException>(() => reviewing.Edit(Librarian, Complete(request), "", Now));
        var delivered = Assert.Throws<DomainException>(() => final.Edit(Librarian, Complete(request), "", Now));

        Assert.Equal(("Only an author of the summary can edit it.", RuleViolationKind.NotYours), (stranger.Message, stranger.Kind));
        Assert.Equal(("Enter a title", RuleViolationKind.Invalid), (untitled.Message, untitled.Kind));
        Assert.Equal(RuleViolationKind.WrongState, withReviewer.Kind);
        Assert.StartsWith("This summary is with its reviewer, so it cannot be edited.", withReviewer.Message, StringComparison.Ordinal);
        Assert.Equal(("A final summary cannot be edited. Start a re-run to make a new version.", RuleViolationKind.WrongState), (delivered.Message, delivered.Kind));
        Assert.Empty(draft.DomainEvents);
    }

    [Fact]
    public void Reference_changes_are_recorded_by_authors_of_drafts_only()
    {
        var (_, summary) = Started();
        var (_, reviewing) = InReview();

        summary.NoteReferencesChanged(Librarian, imported: 12, rejected: 1, removed: 2, Now);
        var stranger = Assert.Throws<DomainException>(() => summary.NoteReferencesChanged(Stranger, 1, 0, 0, Now));
        var locked = Assert.Throws<DomainException>(() => reviewing.NoteReferencesChanged(Librarian, 1, 0, 0, Now));

        Assert.Collection(summary.DomainEvents,
            e => Assert.Equal(2, Assert.IsType<ReferencesRemoved>(e).Count),
            e => Assert.Equal((12, 1), (Assert.IsType<ReferencesImported>(e).Imported, ((ReferencesImported)e).Rejected)));
        Assert.Equal(RuleViolationKind.NotYours, stranger.Kind);
        Assert.Equal(RuleViolationKind.WrongState, locked.Kind);
    }

    [Fact]
    public void Asking_for_a_review_puts_the_summary_and_its_first_request_in_review()
    {
        var (request, summary) = Written();
        var version = (summary.Version, request.Version);

        summary.AskForReview(request, Librarian, Reviewer, Now.AddDays(1));

        Assert.Equal(SummaryState.InReview, summary.State);
        Assert.Equal(RequestState.InReview, request.State);
        Assert.Equal((Reviewer, (DateTimeOffset?)Now.AddDays(1)), (summary.ReviewerId, summary.ReviewAskedAt));
        Assert.Equal((version.Item1 + 1, version.Item2 + 1), (summary.Version, request.Version));
        var asked = Assert.IsType<SummaryReviewAsked>(Assert.Single(summary.DomainEvents));
        Assert.Equal((Librarian, Reviewer, request.Id), (asked.By, asked.ReviewerId, asked.RequestId));
        Assert.IsType<RequestSentForReview>(Assert.Single(request.DomainEvents));
    }

    [Fact]
    public void On_a_mentored_request_the_mentor_reviews()
    {
        var (request, summary) = Written(mentor: Mentor);

        var other = Assert.Throws<DomainException>(() => summary.AskForReview(request, Librarian, Reviewer, Now));
        summary.AskForReview(request, Librarian, Mentor, Now);

        Assert.Equal(("The mentor on this request reviews the search.", RuleViolationKind.Invalid), (other.Message, other.Kind));
        Assert.Equal(Mentor, summary.ReviewerId);
    }

    [Fact]
    public void A_review_is_not_asked_of_an_author_by_a_stranger_of_an_incomplete_summary_or_twice()
    {
        var (request, written) = Written();
        var (startedRequest, started) = Started();
        var (reviewingRequest, reviewing) = InReview();
        var (finalRequest, final) = Final();

        var self = Assert.Throws<DomainException>(() => written.AskForReview(request, Librarian, Librarian, Now));
        var stranger = Assert.Throws<DomainException>(() => written.AskForReview(request, Stranger, Reviewer, Now));
        var incomplete = Assert.Throws<DomainException>(() => started.AskForReview(startedRequest, Librarian, Reviewer, Now));
        var twice = Assert.Throws<DomainException>(() => reviewing.AskForReview(reviewingRequest, Librarian, Reviewer, Now));
        var delivered = Assert.Throws<DomainException>(() => final.AskForReview(finalRequest, Librarian, Reviewer, Now));
        Assert.Throws<ArgumentException>(() => written.AskForReview(startedRequest, Librarian, Reviewer, Now));

        Assert.Equal(("Choose a reviewer who is not an author of the summary.", RuleViolationKind.Invalid), (self.Message, self.Kind));
        Assert.Equal(("Only an author of the summary can ask for a review of it.", RuleViolationKind.NotYours), (stranger.Message, stranger.Kind));
        Assert.Equal(("Add at least one source searched, with its strategy", RuleViolationKind.Invalid), (incomplete.Message, incomplete.Kind));
        Assert.Equal(("This summary is already with its reviewer.", RuleViolationKind.WrongState), (twice.Message, twice.Kind));
        Assert.Equal(RuleViolationKind.WrongState, delivered.Kind);
        Assert.Equal((SummaryState.Draft, RequestState.Claimed), (written.State, request.State));
        Assert.Empty(written.DomainEvents);
    }

    [Fact]
    public void The_reviewer_approves_on_a_complete_checklist_and_the_review_is_in_checklist_order()
    {
        var (request, summary) = InReview();
        var items = Enumerable.Reverse(AllFine()).ToList();
        items[0] = items[0] with { Judgement = PressJudgement.RevisionsSuggested, Comment = "  Consider a validated filter  " };

        var review = summary.Approve(Reviewer, items, "  Sound strategy.  ", Now.AddDays(2));

        Assert.Equal(SummaryState.InReview, summary.State);
        Assert.Equal(RequestState.InReview, request.State);
        Assert.Equal(Now.AddDays(2), summary.ApprovedAt);
        Assert.True(summary.IsApproved);
        Assert.Equal((summary.Id, Reviewer, ReviewOutcome.Approved, "Sound strategy."), (review.SummaryId, review.ReviewerId, review.Outcome, review.OverallComment));
        Assert.Equal(PressChecklist.Elements.Select(e => e.Element), review.Items.Select(i => i.Element));
        Assert.Equal("Consider a validated filter", review.Items[^1].Comment);
        var approved = Assert.IsType<SummaryApproved>(Assert.Single(summary.DomainEvents));
        Assert.Equal(review.Id, approved.ReviewId);
    }

    [Fact]
    public void Approval_is_refused_over_required_revisions_gaps_unexplained_revisions_and_long_comments()
    {
        var (_, summary) = InReview();
        var version = summary.Version;

        var required = Assert.Throws<DomainException>(() => summary.Approve(Reviewer, With(PressElement.SubjectHeadings, PressJudgement.RevisionsRequired, "Add exp Accidental Falls/"), null, Now));
        var missing = Assert.Throws<DomainException>(() => summary.Approve(Reviewer, AllFine().Where(i => i.Element != PressElement.TextWords), null, Now));
        var unexplained = Assert.Throws<DomainException>(() => summary.Approve(Reviewer, With(PressElement.LimitsAndFilters, PressJudgement.RevisionsSuggested, "  "), null, Now));
        var tooLong = Assert.Throws<DomainException>(() => summary.Approve(Reviewer, AllFine(), new string('x', PressChecklist.CommentMaxLength + 1), Now));

        Assert.Equal("You marked “Subject headings” as needing revision. Ask for changes instead of approving.", required.Message);
        Assert.Equal("Give a judgement on “Text word searching”.", missing.Message);
        Assert.Equal("Say what should be revised under “Limits and filters”.", unexplained.Message);
        Assert.Equal("Comments must be 4,000 characters or fewer.", tooLong.Message);
        Assert.All(new[] { required, missing, unexplained, tooLong }, e => Assert.Equal(RuleViolationKind.Invalid, e.Kind));
        Assert.Equal((version, false), (summary.Version, summary.IsApproved));
        Assert.Empty(summary.DomainEvents);
    }

    [Fact]
    public void Only_the_reviewer_reviews_only_a_summary_in_review_and_approves_it_once()
    {
        var (_, draft) = Written();
        var (request, summary) = InReview();
        var (_, final) = Final();

        var notWaiting = Assert.Throws<DomainException>(() => draft.Approve(Reviewer, AllFine(), null, Now));
        var delivered = Assert.Throws<DomainException>(() => final.Approve(Reviewer, AllFine(), null, Now));
        var someoneElse = Assert.Throws<DomainException>(() => summary.Approve(Stranger, AllFine(), null, Now));
        var author = Assert.Throws<DomainException>(() => summary.AskForChanges(request, Librarian, AllFine(), "Fix", Now));
        summary.Approve(Reviewer, AllFine(), null, Now);
        var again = Assert.Throws<DomainException>(() => summary.Approve(Reviewer, AllFine(), null, Now));

        Assert.Equal(("This summary is not waiting for a review.", RuleViolationKind.WrongState), (notWaiting.Message, notWaiting.Kind));
        Assert.Equal(("This summary has already been delivered.", RuleViolationKind.WrongState), (delivered.Message, delivered.Kind));
        Assert.Equal(("Only the reviewer the author asked can review this search.", RuleViolationKind.NotYours), (someoneElse.Message, someoneElse.Kind));
        Assert.Equal(RuleViolationKind.NotYours, author.Kind);
        Assert.Equal(("You have already approved this search.", RuleViolationKind.WrongState), (again.Message, again.Kind));
    }

    [Fact]
    public void Asking_for_changes_sends_the_summary_and_its_first_request_back_with_the_gist()
    {
        var (request, summary) = InReview();
        summary.Approve(Reviewer, AllFine(), null, Now);
        summary.TakeDomainEvents();

        var review = summary.AskForChanges(request, Reviewer, With(PressElement.BooleanAndProximity, PressJudgement.RevisionsRequired, "Line 3 should OR the synonyms"), null, Now.AddDays(3));

        Assert.Equal(SummaryState.Draft, summary.State);
        Assert.Equal(RequestState.Claimed, request.State);
        Assert.False(summary.IsApproved);
        Assert.Equal(Reviewer, summary.ReviewerId);
        Assert.Equal(ReviewOutcome.ChangesRequested, review.Outcome);
        Assert.Equal("Boolean and proximity operators: Line 3 should OR the synonyms", review.Gist());
        var changes = Assert.IsType<SummaryChangesAsked>(Assert.Single(summary.DomainEvents));
        Assert.Equal((review.Id, review.Gist()), (changes.ReviewId, changes.Gist));
        Assert.Equal("Boolean and proximity operators: Line 3 should OR the synonyms", Assert.IsType<RequestChangesAsked>(Assert.Single(request.DomainEvents)).Reason);
    }

    [Fact]
    public void Changes_need_a_revision_or_a_comment_and_the_overall_comment_is_the_gist()
    {
        var (request, summary) = InReview();

        var empty = Assert.Throws<DomainException>(() => summary.AskForChanges(request, Reviewer, AllFine(), "   ", Now));
        var review = summary.AskForChanges(request, Reviewer, AllFine(), "Please add CINAHL.", Now);

        Assert.Equal(("Say what needs to change: mark an element for revision or add a comment.", RuleViolationKind.Invalid), (empty.Message, empty.Kind));
        Assert.Equal("Please add CINAHL.", review.Gist());
        Assert.Equal(SummaryState.Draft, summary.State);
    }

    [Fact]
    public void A_summary_sent_back_is_edited_and_sent_for_review_again()
    {
        var (request, summary) = InReview();
        summary.AskForChanges(request, Reviewer, AllFine(), "Please add CINAHL.", Now);

        summary.Edit(Librarian, summary.Content with { Caveats = "Not appraised; CINAHL added." }, summary.FindingsHtml, Now);
        summary.AskForReview(request, Librarian, Reviewer, Now);

        Assert.Equal((SummaryState.InReview, RequestState.InReview), (summary.State, request.State));
    }

    [Fact]
    public void Without_required_approval_the_claimant_delivers_straight_from_the_draft()
    {
        var (request, summary) = Written();

        summary.Deliver(request, Librarian, approvalRequired: false, Now.AddDays(4));

        Assert.Equal(SummaryState.Final, summary.State);
        Assert.Equal(RequestState.Delivered, request.State);
        Assert.Equal(Now.AddDays(4), summary.DeliveredAt);
        var delivered = Assert.IsType<SummaryDelivered>(Assert.Single(summary.DomainEvents));
        Assert.Equal((Librarian, request.Id, 1), (delivered.By, delivered.RequestId, delivered.Version));
        Assert.IsType<RequestDelivered>(Assert.Single(request.DomainEvents));
    }

    [Fact]
    public void An_approved_summary_is_delivered_from_review()
    {
        var (request, summary) = InReview();
        summary.Approve(Reviewer, AllFine(), null, Now);

        summary.Deliver(request, Librarian, approvalRequired: true, Now);

        Assert.Equal((SummaryState.Final, RequestState.Delivered), (summary.State, request.State));
    }

    [Fact]
    public void Delivery_waits_for_required_approval_and_the_reviewer_and_is_done_once_by_an_author()
    {
        var (request, draft) = Written();
        var (reviewingRequest, reviewing) = InReview();
        var (finalRequest, final) = Final();
        var (startedRequest, started) = Started();

        var notApproved = Assert.Throws<DomainException>(() => draft.Deliver(request, Librarian, approvalRequired: true, Now));
        var withReviewer = Assert.Throws<DomainException>(() => reviewing.Deliver(reviewingRequest, Librarian, approvalRequired: false, Now));
        var twice = Assert.Throws<DomainException>(() => final.Deliver(finalRequest, Librarian, approvalRequired: false, Now));
        var stranger = Assert.Throws<DomainException>(() => draft.Deliver(request, Stranger, approvalRequired: false, Now));
        var incomplete = Assert.Throws<DomainException>(() => started.Deliver(startedRequest, Librarian, approvalRequired: false, Now));

        Assert.Equal(("This search must be approved by a peer reviewer before it is delivered. Ask for a review first.", RuleViolationKind.WrongState), (notApproved.Message, notApproved.Kind));
        Assert.Equal(("This summary is with its reviewer. It can be delivered once they approve it.", RuleViolationKind.WrongState), (withReviewer.Message, withReviewer.Kind));
        Assert.Equal(("This summary has already been delivered.", RuleViolationKind.WrongState), (twice.Message, twice.Kind));
        Assert.Equal(("Only an author of the summary can deliver it.", RuleViolationKind.NotYours), (stranger.Message, stranger.Kind));
        Assert.Equal(("Add at least one source searched, with its strategy", RuleViolationKind.Invalid), (incomplete.Message, incomplete.Kind));
        Assert.Equal((SummaryState.Draft, RequestState.Claimed), (draft.State, request.State));
    }

    [Fact]
    public void A_rerun_is_a_new_draft_version_with_the_search_dates_hits_and_numbers_cleared()
    {
        var (request, summary) = Final();

        var rerun = summary.StartRerun(OtherLibrarian, Now.AddYears(1));

        Assert.NotEqual(summary.Id, rerun.Id);
        Assert.Equal((summary.SeriesId, 2, (Guid?)summary.Id, request.Id), (rerun.SeriesId, rerun.VersionNumber, rerun.PreviousVersionId, rerun.RequestId));
        Assert.Equal(SummaryState.Draft, rerun.State);
        Assert.Equal([OtherLibrarian, Librarian], rerun.Authors);
        var source = Assert.Single(rerun.Content.Search.Sources);
        Assert.Equal((null, null), (source.DateRun, source.Hits));
        Assert.Equal(summary.Content.Search.Sources[0].Strategy, source.Strategy);
        Assert.Equal(summary.Content.Search.Sources[0].LimitsAndFilters, source.LimitsAndFilters);
        Assert.Equal(((int?)null, (int?)null, (int?)null), (rerun.Content.Search.RecordsFound, rerun.Content.Search.RecordsAfterDeduplication, rerun.Content.Search.RecordsSelected));
        Assert.Null(rerun.Content.ReviewDate);
        Assert.Equal((summary.Content.Question, summary.Content.Findings, summary.FindingsHtml), (rerun.Content.Question, rerun.Content.Findings, rerun.FindingsHtml));
        Assert.Null(rerun.ReviewerId);
        var started = Assert.IsType<SummaryStarted>(Assert.Single(rerun.DomainEvents));
        Assert.Equal((OtherLibrarian, 2), (started.By, started.Version));
        // The earlier version is kept as it was.
        Assert.Equal((SummaryState.Final, 412), (summary.State, summary.Content.Search.Sources[0].Hits));
        Assert.Empty(summary.DomainEvents);
    }

    [Fact]
    public void Only_a_final_summary_is_re_run()
    {
        var (_, draft) = Written();
        var (_, reviewing) = InReview();

        var fromDraft = Assert.Throws<DomainException>(() => draft.StartRerun(Librarian, Now));
        var fromReview = Assert.Throws<DomainException>(() => reviewing.StartRerun(Librarian, Now));

        Assert.Equal(("Only a final summary can be re-run. Finish this one first.", RuleViolationKind.WrongState), (fromDraft.Message, fromDraft.Kind));
        Assert.Equal(RuleViolationKind.WrongState, fromReview.Kind);
    }

    [Fact]
    public void A_later_version_is_reviewed_and_delivered_without_moving_the_request()
    {
        var (request, first) = Final();
        var rerun = first.StartRerun(Librarian, Now);
        rerun.Edit(Librarian, Complete(request), "<p>updated</p>", Now);
        var version = request.Version;

        rerun.AskForReview(request, Librarian, Reviewer, Now);
        var stateInReview = request.State;
        rerun.AskForChanges(request, Reviewer, AllFine(), "Update the dates", Now);
        var stateAfterChanges = request.State;
        rerun.AskForReview(request, Librarian, Reviewer, Now);
        rerun.Approve(Reviewer, AllFine(), null, Now);
        rerun.Deliver(request, Librarian, approvalRequired: true, Now);

        Assert.Equal(RequestState.Delivered, stateInReview);
        Assert.Equal(RequestState.Delivered, stateAfterChanges);
        Assert.Equal((RequestState.Delivered, version), (request.State, request.Version));
        Assert.Empty(request.DomainEvents);
        Assert.Equal(SummaryState.Final, rerun.State);
        Assert.Equal(2, rerun.DomainEvents.OfType<SummaryDelivered>().Single().Version);
    }

    [Fact]
    public void A_new_claimant_becomes_an_author_of_the_unfinished_summary_once()
    {
        var (_, summary) = Written();
        var version = summary.Version;

        summary.AddAuthor(OtherLibrarian, Now);
        summary.AddAuthor(OtherLibrarian, Now);

        Assert.Equal([Librarian, OtherLibrarian], summary.Authors);
        Assert.Equal(version + 1, summary.Version);
        Assert.Equal(OtherLibrarian, Assert.IsType<SummaryEdited>(Assert.Single(summary.DomainEvents)).By);
    }

    [Fact]
    public void A_reviewer_who_becomes_an_author_of_a_sent_back_draft_stops_being_its_reviewer()
    {
        var (request, summary) = InReview();
        summary.AskForChanges(request, Reviewer, AllFine(), "Please add CINAHL.", Now);

        summary.AddAuthor(Reviewer, Now);

        Assert.True(summary.IsAuthor(Reviewer));
        Assert.Null(summary.ReviewerId);
    }

    [Fact]
    public void A_final_summary_gets_no_new_authors()
    {
        var (_, summary) = Final();

        summary.AddAuthor(OtherLibrarian, Now);

        Assert.Equal([Librarian], summary.Authors);
        Assert.Empty(summary.DomainEvents);
    }

    [Fact]
    public void The_authors_are_reminded_once_when_the_review_date_of_a_final_summary_comes()
    {
        var (_, summary) = Final();
        var due = summary.Content.ReviewDate!.Value;
        var dayBefore = new DateTimeOffset(due.AddDays(-1).ToDateTime(new TimeOnly(23, 0)), TimeSpan.Zero);
        var onTheDay = new DateTimeOffset(due.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);

        var early = summary.RemindOfReviewDate(dayBefore);
        var reminded = summary.RemindOfReviewDate(onTheDay);
        var again = summary.RemindOfReviewDate(onTheDay.AddDays(1));

        Assert.False(early);
        Assert.True(reminded);
        Assert.False(again);
        Assert.Equal(onTheDay, summary.ReviewRemindedAt);
        var reminder = Assert.IsType<SummaryReviewDue>(Assert.Single(summary.DomainEvents));
        Assert.Equal((due, "system:reminders"), (reminder.ReviewDate, reminder.By));
    }

    [Fact]
    public void Drafts_and_summaries_without_a_review_date_are_not_reminded()
    {
        var (request, draft) = Written();
        var (finalRequest, final) = Started();
        final.Edit(Librarian, Complete(finalRequest) with { ReviewDate = null }, "", Now);
        final.Deliver(finalRequest, Librarian, approvalRequired: false, Now);
        var later = Now.AddYears(3);

        Assert.False(draft.RemindOfReviewDate(later));
        Assert.False(final.RemindOfReviewDate(later));
        Assert.Equal(RequestState.Claimed, request.State);
    }

    [Theory]
    [InlineData(false, false, false, false, false, null)]
    [InlineData(true, false, false, false, true, "Searches by librarians being mentored are reviewed before delivery.")]
    [InlineData(false, true, false, false, true, "Searches by librarians being mentored are reviewed before delivery.")]
    [InlineData(false, false, true, false, true, "The requester asked for a peer-reviewed search.")]
    [InlineData(false, false, false, true, true, "Every search is peer reviewed before delivery.")]
    public void The_default_policy_requires_approval_for_mentees_when_asked_or_always_if_configured(
        bool hasMentor, bool seeksMentoring, bool askedForReview, bool always, bool required, string? reason)
    {
        var request = In(RequestState.Submitted);
        if (askedForReview)
        {
            request.Edit(Requester, request.Details with { PeerReview = true }, Now, Turnaround);
        }

        request.Claim(Librarian, Now, hasMentor ? Mentor : null);
        var policy = ReviewPolicy.Default with { RequireAlways = always };

        Assert.Equal(required, policy.RequiresApproval(request, seeksMentoring));
        Assert.Equal(reason, policy.Reason(request, seeksMentoring));
    }

    [Fact]
    public void A_policy_with_its_rules_turned_off_requires_nothing()
    {
        var request = In(RequestState.Submitted);
        request.Edit(Requester, request.Details with { PeerReview = true }, Now, Turnaround);
        request.Claim(Librarian, Now, Mentor);
        var policy = new ReviewPolicy(RequireForMentees: false, RequireWhenAsked: false);

        Assert.False(policy.RequiresApproval(request, authorSeeksMentoring: true));
        Assert.Null(policy.Reason(request, authorSeeksMentoring: true));
    }
}
