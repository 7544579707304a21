using Portal.Core.Librarians;
using Portal.Core.Requests;
using static Portal.Core.Tests.Requests;

namespace Portal.Core.Tests.Claims;

/// <summary>Claiming with a mentor, a mentor joining later, releasing, and the capacity a profile allows.</summary>
public class ClaimingTests
{
    private const string Mentor = "mentor-1";

    [Fact]
    public void A_librarian_claims_with_a_mentor_and_the_event_names_both()
    {
        var request = In(RequestState.Submitted);

        request.Claim(Librarian, Now, Mentor);

        Assert.Equal(RequestState.Claimed, request.State);
        Assert.Equal(Librarian, request.ClaimantId);
        Assert.Equal(Mentor, request.MentorId);
        Assert.Equal(Now, request.ClaimedAt);
        var claimed = Assert.IsType<RequestClaimed>(Assert.Single(request.DomainEvents));
        Assert.Equal((Librarian, Mentor), (claimed.ClaimantId, claimed.MentorId));
    }

    [Theory]
    [InlineData(Librarian, "A librarian cannot mentor their own search.")]
    [InlineData(Requester, "The person who made the request cannot mentor its search.")]
    public void The_claimant_and_the_requester_cannot_be_the_mentor(string mentor, string message)
    {
        var request = In(RequestState.Submitted);

        var refused = Assert.Throws<DomainException>(() => request.Claim(Librarian, Now, mentor));

        Assert.Equal(RuleViolationKind.Invalid, refused.Kind);
        Assert.Equal(message, refused.Message);
        Assert.Equal(RequestState.Submitted, request.State);
        Assert.Null(request.ClaimantId);
        Assert.Empty(request.DomainEvents);
    }

    [Theory]
    [InlineData(RequestState.Claimed)]
    [InlineData(RequestState.AwaitingRequester)]
    [InlineData(RequestState.InReview)]
    public void A_mentor_joins_a_held_request_once(RequestState state)
    {
        var request = In(state);

        request.JoinAsMentor(Mentor, Now);
        var again = Assert.Throws<DomainException>(() => request.JoinAsMentor(Mentor, Now));
        var another = Assert.Throws<DomainException>(() => request.JoinAsMentor(OtherLibrarian, Now));

        Assert.Equal(Mentor, request.MentorId);
        Assert.Equal(state, request.State);
        Assert.Equal(Mentor, Assert.IsType<RequestMentorJoined>(Assert.Single(request.DomainEvents)).By);
        Assert.Equal(("You are already mentoring this request.", RuleViolationKind.WrongState), (again.Message, again.Kind));
        Assert.Equal(("This request already has a mentor.", RuleViolationKind.WrongState), (another.Message, another.Kind));
    }

    [Theory]
    [InlineData(RequestState.Submitted)]
    [InlineData(RequestState.Delivered)]
    [InlineData(RequestState.Withdrawn)]
    public void Nobody_joins_as_mentor_a_request_nobody_holds(RequestState state)
    {
        var refused = Assert.Throws<DomainException>(() => In(state).JoinAsMentor(Mentor, Now));

        Assert.Equal(RuleViolationKind.WrongState, refused.Kind);
    }

    [Fact]
    public void The_claimant_cannot_join_as_their_own_mentor()
    {
        var refused = Assert.Throws<DomainException>(() => In(RequestState.Claimed).JoinAsMentor(Librarian, Now));

        Assert.Equal(("A librarian cannot mentor their own search.", RuleViolationKind.Invalid), (refused.Message, refused.Kind));
    }

    [Fact]
    public void Releasing_gives_the_request_back_without_its_claimant_or_mentor()
    {
        var request = In(RequestState.Submitted);
        request.Claim(Librarian, Now, Mentor);
        request.TakeDomainEvents();

        request.Release(Librarian, "Off sick", Now.AddHours(2));

        Assert.Equal(RequestState.Submitted, request.State);
        Assert.Null(request.ClaimantId);
        Assert.Null(request.ClaimedAt);
        Assert.Null(request.MentorId);
        request.Claim(OtherLibrarian, Now.AddHours(3));
        Assert.Equal(OtherLibrarian, request.ClaimantId);
    }

    [Fact]
    public void Only_a_claimed_request_is_released()
    {
        var refused = Assert.Throws<DomainException>(() => In(RequestState.AwaitingRequester).Release(Librarian, "Busy", Now));

        Assert.Equal(RuleViolationKind.WrongState, refused.Kind);
        Assert.EndsWith("request cannot be released.", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 0, true)]
    [InlineData(2, 1, true)]
    [InlineData(2, 2, false)]
    [InlineData(3, 5, false)]
    public void A_profile_has_room_while_the_librarian_holds_fewer_searches_than_their_capacity(int capacity, int held, bool room)
    {
        var profile = Profile(capacity);

        Assert.Equal(room, profile.HasRoomFor(held));
        if (room)
        {
            profile.EnsureRoomFor(held);
        }
        else
        {
            var refused = Assert.Throws<DomainException>(() => profile.EnsureRoomFor(held));
            Assert.Equal(RuleViolationKind.WrongState, refused.Kind);
            Assert.Equal($"You already hold {held} of the {capacity} searches your profile says you can take at a time. Release one, or change your capacity, to claim this request.", refused.Message);
        }
    }

    [Fact]
    public void A_new_profile_takes_two_searches_and_a_capacity_of_zero_takes_none()
    {
        var refused = Assert.Throws<DomainException>(() => Profile(0).EnsureRoomFor(0));

        Assert.Equal(LibrarianProfile.DefaultCapacity, new LibrarianProfile(Librarian).Capacity);
        Assert.True(new LibrarianProfile(Librarian).HasRoomFor(1));
        Assert.Equal("Your profile says you are not taking searches at the moment. Change your capacity to claim this request.", refused.Message);
    }

    private static LibrarianProfile Profile(int capacity)
    {
        var profile = new LibrarianProfile(Librarian);
        profile.Update(new LibrarianProfileDetails(null, null, null, [], SearchSkills.None, [], capacity, null, [], false, false));
        return profile;
    }
}
