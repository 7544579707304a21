using Portal.Core.Requests;
using Portal.Core.WorkStreams;
using static Portal.Core.Tests.Requests;

namespace Portal.Core.Tests;

public class EvidenceRequestTests
{
    [Fact]
    public void A_draft_belongs_to_its_requester_and_work_stream_and_raises_RequestDrafted()
    {
        var workStream = WorkStream();

        var request = EvidenceRequest.Draft(workStream, Requester, Details(), Now, Turnaround);

        Assert.Equal(RequestState.Draft, request.State);
        Assert.Equal(Requester, request.RequesterId);
        Assert.Equal(workStream.Id, request.WorkStreamId);
        Assert.Equal(Now, request.CreatedAt);
        var drafted = Assert.IsType<RequestDrafted>(Assert.Single(request.DomainEvents));
        Assert.Equal(request.Id, drafted.RequestId);
        Assert.Equal(Requester, drafted.By);
        Assert.Equal("EvidenceRequest", drafted.SubjectType);
    }

    [Fact]
    public void A_recipe_can_give_the_draft_a_fixed_id()
    {
        var id = Guid.NewGuid();

        var request = EvidenceRequest.Draft(WorkStream(), Requester, Details(), Now, Turnaround, id);

        Assert.Equal(id, request.Id);
        Assert.Equal(id, Assert.IsType<RequestDrafted>(Assert.Single(request.DomainEvents)).RequestId);
    }

    [Theory]
    [InlineData(WorkStreamStatus.Paused, "paused")]
    [InlineData(WorkStreamStatus.Closed, "closed")]
    public void A_work_stream_that_is_not_active_takes_no_new_requests(WorkStreamStatus status, string word)
    {
        var refused = Assert.Throws<DomainException>(() => EvidenceRequest.Draft(WorkStream(status), Requester, Details(), Now, Turnaround));

        Assert.Equal(RuleViolationKind.Invalid, refused.Kind);
        Assert.Equal($"The work stream Frailty framework is {word}, so it takes no new requests.", refused.Message);
    }

    [Fact]
    public void Details_that_fail_their_checks_are_refused_as_invalid()
    {
        var refused = Assert.Throws<DomainException>(() => EvidenceRequest.Draft(WorkStream(), Requester, Details() with { Question = " " }, Now, Turnaround));

        Assert.Equal(RuleViolationKind.Invalid, refused.Kind);
        Assert.Equal("Enter the question you need evidence for", refused.Message);
    }

    [Fact]
    public void Submitting_a_draft_makes_it_submitted()
    {
        var request = Draft();

        request.Submit(Requester, Now.AddHours(1));

        Assert.Equal(RequestState.Submitted, request.State);
        Assert.Equal(Now.AddHours(1), request.SubmittedAt);
        Assert.Equal(1, request.Version);
        Assert.IsType<RequestSubmitted>(Assert.Single(request.DomainEvents));
    }

    [Fact]
    public void Submitting_twice_is_a_wrong_state()
    {
        var request = In(RequestState.Submitted);

        var refused = Assert.Throws<DomainException>(() => request.Submit(Requester, Now));

        Assert.Equal(RuleViolationKind.WrongState, refused.Kind);
        Assert.Equal("This request has already been submitted.", refused.Message);
        Assert.Empty(request.DomainEvents);
    }

    [Fact]
    public void Only_the_requester_submits()
    {
        var request = Draft();

        var refused = Assert.Throws<DomainException>(() => request.Submit("lead-2", Now));

        Assert.Equal(RuleViolationKind.NotYours, refused.Kind);
        Assert.Equal(RequestState.Draft, request.State);
    }

    [Fact]
    public void A_draft_whose_deadline_has_passed_cannot_be_submitted()
    {
        var request = Draft();

        var refused = Assert.Throws<DomainException>(() => request.Submit(Requester, Now.AddDays(31)));

        Assert.Equal(RuleViolationKind.Invalid, refused.Kind);
        Assert.Equal("The deadline has passed. Choose a new deadline before submitting.", refused.Message);
    }

    [Theory]
    [InlineData(RequestState.Draft)]
    [InlineData(RequestState.Submitted)]
    public void The_requester_edits_a_draft_or_submitted_request_and_the_changes_are_recorded(RequestState state)
    {
        var request = In(state);

        request.Edit(Requester, Details(deadlineInDays: 40), Now, Turnaround);

        var edited = Assert.IsType<RequestEdited>(Assert.Single(request.DomainEvents));
        Assert.Equal(state, edited.State);
        var change = Assert.Single(edited.Changes);
        Assert.Equal(new FieldChange("Deadline", "2026-04-01", "2026-04-11"), change);
        Assert.Equal(Today.AddDays(40), request.Details.Deadline);
    }

    [Fact]
    public void An_edit_that_changes_nothing_raises_nothing()
    {
        var request = Draft();
        var version = request.Version;

        request.Edit(Requester, Details() with { Question = "  " + Details().Question + " " }, Now, Turnaround);

        Assert.Empty(request.DomainEvents);
        Assert.Equal(version, request.Version);
    }

    [Fact]
    public void Another_person_editing_is_refused_as_not_theirs()
    {
        var request = In(RequestState.Submitted);

        var refused = Assert.Throws<DomainException>(() => request.Edit("lead-2", Details(deadlineInDays: 40), Now, Turnaround));

        Assert.Equal(RuleViolationKind.NotYours, refused.Kind);
        Assert.Equal("Only the person who made the request can edit it.", refused.Message);
        Assert.Equal(Today.AddDays(30), request.Details.Deadline);
    }

    [Theory]
    [InlineData(RequestState.Claimed)]
    [InlineData(RequestState.AwaitingRequester)]
    [InlineData(RequestState.InReview)]
    [InlineData(RequestState.Delivered)]
    [InlineData(RequestState.Closed)]
    [InlineData(RequestState.Withdrawn)]
    public void A_request_past_submission_cannot_be_edited(RequestState state)
    {
        var request = In(state);

        var refused = Assert.Throws<DomainException>(() => request.Edit(Requester, Details(deadlineInDays: 40), Now, Turnaround));

        Assert.Equal(RuleViolationKind.WrongState, refused.Kind);
    }

    [Theory]
    [InlineData(RequestState.Draft)]
    [InlineData(RequestState.Submitted)]
    [InlineData(RequestState.Claimed)]
    [InlineData(RequestState.AwaitingRequester)]
    [InlineData(RequestState.InReview)]
    public void The_requester_withdraws_before_delivery_with_a_reason(RequestState state)
    {
        var request = In(state);

        request.Withdraw(Requester, "  The board decided without it  ", Now.AddDays(1));

        Assert.Equal(RequestState.Withdrawn, request.State);
        Assert.Equal("The board decided without it", request.EndReason);
        Assert.Equal(Now.AddDays(1), request.WithdrawnAt);
        var withdrawn = Assert.IsType<RequestWithdrawn>(Assert.Single(request.DomainEvents));
        Assert.Equal(state, withdrawn.From);
        Assert.False(request.IsOpen);
    }

    [Theory]
    [InlineData(RequestState.Delivered, "A delivered request cannot be withdrawn.")]
    [InlineData(RequestState.Closed, "A closed request cannot be withdrawn.")]
    [InlineData(RequestState.Withdrawn, "A withdrawn request cannot be withdrawn.")]
    public void A_delivered_or_ended_request_cannot_be_withdrawn(RequestState state, string message)
    {
        var request = In(state);

        var refused = Assert.Throws<DomainException>(() => request.Withdraw(Requester, null, Now));

        Assert.Equal(RuleViolationKind.WrongState, refused.Kind);
        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public void A_refusal_reads_as_English_whatever_the_state()
    {
        var awaiting = In(RequestState.AwaitingRequester);
        var inReview = In(RequestState.InReview);

        Assert.Equal("An awaiting requester request cannot be sent for review.", Assert.Throws<DomainException>(() => awaiting.SendForReview(Librarian, Now)).Message);
        Assert.Equal("An in review request cannot be put on hold.", Assert.Throws<DomainException>(() => inReview.AskRequester(Librarian, "Which ages?", Now)).Message);
    }

    [Fact]
    public void Only_the_requester_withdraws()
    {
        var request = In(RequestState.Submitted);

        var refused = Assert.Throws<DomainException>(() => request.Withdraw(Librarian, null, Now));

        Assert.Equal(RuleViolationKind.NotYours, refused.Kind);
    }

    [Fact]
    public void A_submitted_request_is_closed_as_answered_by_an_existing_summary()
    {
        var request = In(RequestState.Submitted);
        var summary = Guid.NewGuid();

        request.CloseAsAnswered("lead-2", summary, "See the 2025 summary", Now);

        Assert.Equal(RequestState.Closed, request.State);
        Assert.Equal(summary, request.AnsweredBySummaryId);
        var closed = Assert.IsType<RequestClosedAsAnswered>(Assert.Single(request.DomainEvents));
        Assert.Equal(summary, closed.AnsweredBySummaryId);
        Assert.Equal("See the 2025 summary", closed.Reason);
    }

    [Theory]
    [InlineData(RequestState.Draft)]
    [InlineData(RequestState.Claimed)]
    [InlineData(RequestState.Delivered)]
    [InlineData(RequestState.Withdrawn)]
    public void Only_a_submitted_request_is_closed_as_answered(RequestState state)
    {
        var request = In(state);

        var refused = Assert.Throws<DomainException>(() => request.CloseAsAnswered("lead-2", Guid.NewGuid(), null, Now));

        Assert.Equal(RuleViolationKind.WrongState, refused.Kind);
    }

    [Fact]
    public void A_librarian_claims_a_submitted_request_and_a_second_claim_is_refused()
    {
        var request = In(RequestState.Submitted);

        request.Claim(Librarian, Now);
        var second = Assert.Throws<DomainException>(() => request.Claim(OtherLibrarian, Now));

        Assert.Equal(RequestState.Claimed, request.State);
        Assert.Equal(Librarian, request.ClaimantId);
        Assert.Equal(RuleViolationKind.WrongState, second.Kind);
        Assert.Equal("This request has already been claimed.", second.Message);
    }

    [Fact]
    public void Requesters_cannot_claim_their_own_request_nor_anyone_a_draft()
    {
        var own = Assert.Throws<DomainException>(() => In(RequestState.Submitted).Claim(Requester, Now));
        var draft = Assert.Throws<DomainException>(() => Draft().Claim(Librarian, Now));

        Assert.Equal(RuleViolationKind.NotYours, own.Kind);
        Assert.Equal(RuleViolationKind.WrongState, draft.Kind);
        Assert.Equal("A draft request cannot be claimed.", draft.Message);
    }

    [Fact]
    public void The_claimant_releases_with_a_reason_and_the_request_is_submitted_again()
    {
        var request = In(RequestState.Claimed);

        var noReason = Assert.Throws<DomainException>(() => request.Release(Librarian, " ", Now));
        var notYours = Assert.Throws<DomainException>(() => request.Release(OtherLibrarian, "Busy", Now));
        request.Release(Librarian, "Off sick", Now);

        Assert.Equal(RuleViolationKind.Invalid, noReason.Kind);
        Assert.Equal(RuleViolationKind.NotYours, notYours.Kind);
        Assert.Equal(RequestState.Submitted, request.State);
        Assert.Null(request.ClaimantId);
        var released = Assert.IsType<RequestReleased>(Assert.Single(request.DomainEvents));
        Assert.Equal("Off sick", released.Reason);
        Assert.Equal(Librarian, released.FormerClaimantId);
    }

    [Fact]
    public void A_coordinator_assigns_a_submitted_or_claimed_request()
    {
        var request = In(RequestState.Claimed);

        var same = Assert.Throws<DomainException>(() => request.Assign("coordinator", Librarian, "Workload", Now));
        request.Assign("coordinator", OtherLibrarian, "Lena is on leave", Now);
        var delivered = Assert.Throws<DomainException>(() => In(RequestState.Delivered).Assign("coordinator", OtherLibrarian, "x", Now));

        Assert.Equal(RuleViolationKind.Invalid, same.Kind);
        Assert.Equal(OtherLibrarian, request.ClaimantId);
        var assigned = Assert.IsType<RequestAssigned>(Assert.Single(request.DomainEvents));
        Assert.Equal(Librarian, assigned.FormerClaimantId);
        Assert.Equal(RuleViolationKind.WrongState, delivered.Kind);
    }

    [Fact]
    public void Asking_the_requester_pauses_the_deadline_and_answering_resumes_it()
    {
        var request = In(RequestState.Claimed);

        request.AskRequester(Librarian, "Primary care only?", Now);
        var whilePaused = request.EffectiveDeadline(Now.AddDays(3));
        request.Answer(Requester, Now.AddDays(5));

        Assert.Equal(Today.AddDays(33), whilePaused);
        Assert.Equal(RequestState.Claimed, request.State);
        Assert.Equal(TimeSpan.FromDays(5), request.PausedTotal);
        Assert.Null(request.PausedSince);
        Assert.Equal(Today.AddDays(35), request.EffectiveDeadline(Now.AddDays(20)));
        var answered = Assert.IsType<RequestAnswered>(request.DomainEvents[^1]);
        Assert.Equal(TimeSpan.FromDays(5), answered.Paused);
    }

    [Fact]
    public void Pauses_add_up_and_part_of_a_day_counts_as_a_whole_day()
    {
        var request = In(RequestState.Claimed);

        request.AskRequester(Librarian, "Which places?", Now);
        request.Answer(Requester, Now.AddDays(2));
        request.AskRequester(Librarian, "Which years?", Now.AddDays(4));
        request.Answer(Requester, Now.AddDays(4).AddHours(3));

        Assert.Equal(Today.AddDays(33), request.EffectiveDeadline(Now.AddDays(10)));
    }

    [Fact]
    public void Withdrawing_while_awaiting_the_requester_ends_the_pause()
    {
        var request = In(RequestState.Claimed);
        request.AskRequester(Librarian, "Which places?", Now);

        request.Withdraw(Requester, null, Now.AddDays(2));

        Assert.Null(request.PausedSince);
        Assert.Equal(TimeSpan.FromDays(2), request.PausedTotal);
    }

    [Fact]
    public void Only_the_claimant_asks_and_only_the_requester_answers()
    {
        var request = In(RequestState.Claimed);

        var ask = Assert.Throws<DomainException>(() => request.AskRequester(OtherLibrarian, "?", Now));
        var empty = Assert.Throws<DomainException>(() => request.AskRequester(Librarian, "", Now));
        request.AskRequester(Librarian, "Which places?", Now);
        var answer = Assert.Throws<DomainException>(() => request.Answer(Librarian, Now));
        var notWaiting = Assert.Throws<DomainException>(() => In(RequestState.Claimed).Answer(Requester, Now));

        Assert.Equal(RuleViolationKind.NotYours, ask.Kind);
        Assert.Equal(RuleViolationKind.Invalid, empty.Kind);
        Assert.Equal(RuleViolationKind.NotYours, answer.Kind);
        Assert.Equal(RuleViolationKind.WrongState, notWaiting.Kind);
    }

    [Fact]
    public void Review_goes_back_to_the_claimant_on_changes_and_another_librarian_reviews()
    {
        var request = In(RequestState.InReview);

        var self = Assert.Throws<DomainException>(() => request.AskForChanges(Librarian, "More trials", Now));
        var noReason = Assert.Throws<DomainException>(() => request.AskForChanges(OtherLibrarian, "", Now));
        request.AskForChanges(OtherLibrarian, "Add the 2024 trials", Now);

        Assert.Equal(RuleViolationKind.NotYours, self.Kind);
        Assert.Equal(RuleViolationKind.Invalid, noReason.Kind);
        Assert.Equal(RequestState.Claimed, request.State);
        Assert.Equal("Add the 2024 trials", Assert.IsType<RequestChangesAsked>(Assert.Single(request.DomainEvents)).Reason);
    }

    [Theory]
    [InlineData(RequestState.Claimed)]
    [InlineData(RequestState.InReview)]
    public void The_claimant_delivers_with_or_without_review(RequestState state)
    {
        var request = In(state);

        var other = Assert.Throws<DomainException>(() => request.Deliver(OtherLibrarian, Now));
        request.Deliver(Librarian, Now.AddDays(1));

        Assert.Equal(RuleViolationKind.NotYours, other.Kind);
        Assert.Equal(RequestState.Delivered, request.State);
        Assert.Equal(Now.AddDays(1), request.DeliveredAt);
        Assert.IsType<RequestDelivered>(Assert.Single(request.DomainEvents));
    }

    [Theory]
    [InlineData(RequestState.Submitted)]
    [InlineData(RequestState.AwaitingRequester)]
    [InlineData(RequestState.Delivered)]
    public void Sending_for_review_needs_a_claimed_request(RequestState state)
    {
        var request = In(state);

        var refused = Assert.Throws<DomainException>(() => request.SendForReview(Librarian, Now));

        Assert.Equal(state == RequestState.Submitted ? RuleViolationKind.NotYours : RuleViolationKind.WrongState, refused.Kind);
    }

    [Fact]
    public void A_delivered_request_is_closed_and_nothing_else_is()
    {
        var request = In(RequestState.Delivered);

        var submitted = Assert.Throws<DomainException>(() => In(RequestState.Submitted).Close(Requester, null, Now));
        request.Close(Requester, "Used at the board", Now);

        Assert.Equal(RuleViolationKind.WrongState, submitted.Kind);
        Assert.Equal(RequestState.Closed, request.State);
        Assert.Equal("Used at the board", request.EndReason);
        Assert.IsType<RequestClosed>(Assert.Single(request.DomainEvents));
    }

    [Fact]
    public void A_request_is_overdue_after_its_effective_deadline_while_open_and_not_a_draft()
    {
        var submitted = In(RequestState.Submitted);
        var draft = Draft();
        var delivered = In(RequestState.Delivered);

        Assert.False(submitted.IsOverdue(Now.AddDays(30)));
        Assert.True(submitted.IsOverdue(Now.AddDays(31)));
        Assert.False(draft.IsOverdue(Now.AddDays(31)));
        Assert.False(delivered.IsOverdue(Now.AddDays(31)));
    }

    [Fact]
    public void Every_change_bumps_the_version()
    {
        var request = Draft();

        request.Submit(Requester, Now);
        request.Claim(Librarian, Now);
        request.Deliver(Librarian, Now);

        Assert.Equal(3, request.Version);
    }
}
