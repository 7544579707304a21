using Portal.Core.Requests;
using static Portal.Core.Tests.Requests;

namespace Portal.Core.Tests.Coordination;

/// <summary>FlagUnclaimed and FlagOverdue: coordinators are told once, and told again only after the request moved on.</summary>
public sealed class EscalationTests
{
    [Fact]
    public void A_request_unclaimed_for_the_given_days_is_flagged_once()
    {
        var request = In(RequestState.Submitted);
        var version = request.Version;

        var early = request.FlagUnclaimed(Now.AddDays(5).AddMinutes(-1), afterDays: 5);
        var due = request.FlagUnclaimed(Now.AddDays(6), afterDays: 5);
        var again = request.FlagUnclaimed(Now.AddDays(7), afterDays: 5);

        Assert.False(early);
        Assert.True(due);
        Assert.False(again);
        Assert.Equal(Now.AddDays(6), request.EscalatedUnclaimedAt);
        Assert.Equal(version + 1, request.Version);
        var escalated = Assert.IsType<RequestEscalated>(Assert.Single(request.DomainEvents));
        Assert.Equal(EscalationReason.Unclaimed, escalated.Reason);
        Assert.Equal(6, escalated.Days);
        Assert.Equal("system:escalation", escalated.By);
    }

    [Fact]
    public void Exactly_the_given_number_of_days_is_enough()
    {
        var request = In(RequestState.Submitted);

        Assert.True(request.FlagUnclaimed(Now.AddDays(5), afterDays: 5));
    }

    [Theory]
    [InlineData(RequestState.Draft)]
    [InlineData(RequestState.Claimed)]
    [InlineData(RequestState.Delivered)]
    [InlineData(RequestState.Withdrawn)]
    public void Only_submitted_requests_are_flagged_as_unclaimed(RequestState state)
    {
        var request = In(state);

        Assert.False(request.FlagUnclaimed(Now.AddDays(60), afterDays: 5));
        Assert.Null(request.EscalatedUnclaimedAt);
        Assert.Empty(request.DomainEvents);
    }

    [Fact]
    public void A_released_request_is_flagged_again_as_it_is_back_in_the_pool()
    {
        var request = In(RequestState.Submitted);
        request.FlagUnclaimed(Now.AddDays(6), afterDays: 5);
        request.Claim(Librarian, Now.AddDays(7));
        request.Release(Librarian, "Off sick", Now.AddDays(8));
        request.TakeDomainEvents();

        Assert.Null(request.EscalatedUnclaimedAt);
        Assert.True(request.FlagUnclaimed(Now.AddDays(8), afterDays: 5));
    }

    [Fact]
    public void A_claim_past_its_deadline_is_flagged_once_with_the_days_overdue()
    {
        var request = In(RequestState.Claimed);

        var onTheDay = request.FlagOverdue(Now.AddDays(30));
        var late = request.FlagOverdue(Now.AddDays(33));
        var again = request.FlagOverdue(Now.AddDays(40));

        Assert.False(onTheDay);
        Assert.True(late);
        Assert.False(again);
        Assert.Equal(Now.AddDays(33), request.EscalatedOverdueAt);
        var escalated = Assert.IsType<RequestEscalated>(Assert.Single(request.DomainEvents));
        Assert.Equal(EscalationReason.Overdue, escalated.Reason);
        Assert.Equal(3, escalated.Days);
    }

    [Fact]
    public void A_request_in_review_past_its_deadline_is_flagged()
    {
        Assert.True(In(RequestState.InReview).FlagOverdue(Now.AddDays(31)));
    }

    [Theory]
    [InlineData(RequestState.Submitted)]
    [InlineData(RequestState.AwaitingRequester)]
    [InlineData(RequestState.Delivered)]
    [InlineData(RequestState.Closed)]
    public void Only_held_requests_that_are_not_waiting_for_the_requester_are_flagged_as_overdue(RequestState state)
    {
        var request = In(state);

        Assert.False(request.FlagOverdue(Now.AddDays(60)));
        Assert.Null(request.EscalatedOverdueAt);
    }

    [Fact]
    public void Time_spent_waiting_for_the_requester_moves_the_deadline_the_flag_looks_at()
    {
        var request = In(RequestState.Claimed);
        request.AskRequester(Librarian, "Which places?", Now);
        request.Answer(Requester, Now.AddDays(5));
        request.TakeDomainEvents();

        Assert.False(request.FlagOverdue(Now.AddDays(35)));
        Assert.True(request.FlagOverdue(Now.AddDays(36)));
    }

    [Fact]
    public void Reassigning_an_overdue_request_lets_it_be_flagged_again_for_the_new_librarian()
    {
        var request = In(RequestState.Claimed);
        request.FlagOverdue(Now.AddDays(31));

        request.Assign("coordinator", OtherLibrarian, "Lena is away", Now.AddDays(32));

        Assert.Null(request.EscalatedOverdueAt);
        Assert.True(request.FlagOverdue(Now.AddDays(33)));
    }
}
