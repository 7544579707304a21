using Portal.Core.Requests;
using static Portal.Core.Tests.Requests;

namespace Portal.Core.Tests.Coordination;

/// <summary>A coordinator gives a request to a librarian, or moves it to another, and says why.</summary>
public sealed class AssignTests
{
    private const string Coordinator = "coordinator-1";

    [Fact]
    public void Assigning_a_submitted_request_claims_it_for_the_librarian()
    {
        var request = In(RequestState.Submitted);
        var version = request.Version;

        request.Assign(Coordinator, Librarian, "  Lena knows the frailty literature  ", Now.AddDays(1));

        Assert.Equal(RequestState.Claimed, request.State);
        Assert.Equal(Librarian, request.ClaimantId);
        Assert.Equal(Now.AddDays(1), request.ClaimedAt);
        Assert.Equal(version + 1, request.Version);
        var assigned = Assert.IsType<RequestAssigned>(Assert.Single(request.DomainEvents));
        Assert.Equal(Coordinator, assigned.By);
        Assert.Null(assigned.FormerClaimantId);
        Assert.Equal(Librarian, assigned.ClaimantId);
        Assert.Equal("Lena knows the frailty literature", assigned.Reason);
    }

    [Fact]
    public void Reassigning_names_the_former_claimant()
    {
        var request = In(RequestState.Claimed);

        request.Assign(Coordinator, OtherLibrarian, "On leave for three weeks", Now);

        var assigned = Assert.IsType<RequestAssigned>(Assert.Single(request.DomainEvents));
        Assert.Equal(Librarian, assigned.FormerClaimantId);
        Assert.Equal(OtherLibrarian, request.ClaimantId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_reason_is_required(string? reason)
    {
        var request = In(RequestState.Submitted);

        var refused = Assert.Throws<DomainException>(() => request.Assign(Coordinator, Librarian, reason!, Now));

        Assert.Equal(RuleViolationKind.Invalid, refused.Kind);
        Assert.Equal("Say why you are assigning the request", refused.Message);
        Assert.Equal(RequestState.Submitted, request.State);
        Assert.Empty(request.DomainEvents);
    }

    [Fact]
    public void The_requester_cannot_be_given_their_own_request()
    {
        var refused = Assert.Throws<DomainException>(() => In(RequestState.Submitted).Assign(Coordinator, Requester, "They know it best", Now));

        Assert.Equal(RuleViolationKind.Invalid, refused.Kind);
        Assert.Equal("A request cannot be assigned to the person who made it.", refused.Message);
    }

    [Fact]
    public void Assigning_to_the_librarian_who_already_holds_it_is_refused()
    {
        var refused = Assert.Throws<DomainException>(() => In(RequestState.Claimed).Assign(Coordinator, Librarian, "Again", Now));

        Assert.Equal(RuleViolationKind.Invalid, refused.Kind);
        Assert.Equal("The request is already with this librarian.", refused.Message);
    }

    [Theory]
    [InlineData(RequestState.Draft, "A draft request cannot be assigned.")]
    [InlineData(RequestState.AwaitingRequester, "An awaiting requester request cannot be assigned.")]
    [InlineData(RequestState.InReview, "An in review request cannot be assigned.")]
    [InlineData(RequestState.Delivered, "A delivered request cannot be assigned.")]
    [InlineData(RequestState.Closed, "A closed request cannot be assigned.")]
    [InlineData(RequestState.Withdrawn, "A withdrawn request cannot be assigned.")]
    public void Only_submitted_and_claimed_requests_are_assigned(RequestState state, string message)
    {
        var request = In(state);

        var refused = Assert.Throws<DomainException>(() => request.Assign(Coordinator, OtherLibrarian, "Workload", Now));

        Assert.Equal(RuleViolationKind.WrongState, refused.Kind);
        Assert.Equal(message, refused.Message);
        Assert.Equal(state, request.State);
    }

    [Fact]
    public void A_mentor_who_is_given_the_request_stops_being_its_mentor()
    {
        var request = In(RequestState.Submitted);
        request.Claim(Librarian, Now, mentorId: OtherLibrarian);

        request.Assign(Coordinator, OtherLibrarian, "The mentor takes it over", Now);

        Assert.Equal(OtherLibrarian, request.ClaimantId);
        Assert.Null(request.MentorId);
    }
}
