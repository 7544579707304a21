using Portal.Core.Requests;
using static Portal.Core.Tests.Requests;

namespace Portal.Core.Tests.Notifications;

/// <summary>The claimant is reminded once per claim when the deadline (moved on by pauses) is close.</summary>
public sealed class DeadlineReminderTests
{
    private const int DaysBefore = 2;

    // The requests' deadline is 30 days after Now; two days before it the reminder is due.
    private static readonly DateTimeOffset TwoDaysBefore = Now.AddDays(28);

    [Fact]
    public void A_claim_two_days_from_its_deadline_reminds_the_claimant()
    {
        var request = In(RequestState.Claimed);
        var version = request.Version;

        Assert.True(request.RemindOfDeadline(TwoDaysBefore, DaysBefore));

        Assert.Equal(TwoDaysBefore, request.DeadlineRemindedAt);
        Assert.Equal(version + 1, request.Version);
        var near = Assert.IsType<RequestDeadlineNear>(Assert.Single(request.DomainEvents));
        Assert.Equal(Librarian, near.ClaimantId);
        Assert.Equal(Today.AddDays(30), near.Deadline);
    }

    [Fact]
    public void The_claimant_is_reminded_only_once_per_claim()
    {
        var request = In(RequestState.Claimed);
        request.RemindOfDeadline(TwoDaysBefore, DaysBefore);
        request.TakeDomainEvents();

        Assert.False(request.RemindOfDeadline(TwoDaysBefore.AddDays(1), DaysBefore));
        Assert.Empty(request.DomainEvents);
    }

    [Fact]
    public void A_deadline_further_away_is_not_reminded_of_yet()
    {
        var request = In(RequestState.Claimed);

        Assert.False(request.RemindOfDeadline(TwoDaysBefore.AddDays(-1), DaysBefore));
        Assert.Null(request.DeadlineRemindedAt);
        Assert.Empty(request.DomainEvents);
    }

    [Fact]
    public void A_deadline_already_passed_is_for_escalation_not_a_reminder()
    {
        var request = In(RequestState.Claimed);

        Assert.False(request.RemindOfDeadline(Now.AddDays(31), DaysBefore));
        Assert.Empty(request.DomainEvents);
    }

    [Theory]
    [InlineData(RequestState.Submitted)]
    [InlineData(RequestState.AwaitingRequester)]
    [InlineData(RequestState.InReview)]
    [InlineData(RequestState.Delivered)]
    [InlineData(RequestState.Closed)]
    [InlineData(RequestState.Withdrawn)]
    public void Requests_not_with_their_claimant_are_not_reminded(RequestState state)
    {
        var request = In(state);

        Assert.False(request.RemindOfDeadline(TwoDaysBefore, DaysBefore));
        Assert.Null(request.DeadlineRemindedAt);
        Assert.Empty(request.DomainEvents);
    }

    [Fact]
    public void Time_waiting_for_the_requester_moves_the_reminder_on()
    {
        var request = In(RequestState.Claimed);
        request.AskRequester(Librarian, "Which places?", Now.AddDays(1));
        request.Answer(Requester, Now.AddDays(6));
        request.TakeDomainEvents();

        Assert.False(request.RemindOfDeadline(TwoDaysBefore, DaysBefore));
        Assert.True(request.RemindOfDeadline(TwoDaysBefore.AddDays(5), DaysBefore));
        Assert.Equal(Today.AddDays(35), Assert.IsType<RequestDeadlineNear>(Assert.Single(request.DomainEvents)).Deadline);
    }

    [Fact]
    public void A_new_claim_after_a_release_is_reminded_again()
    {
        var request = In(RequestState.Claimed);
        request.RemindOfDeadline(TwoDaysBefore, DaysBefore);
        request.Release(Librarian, "Out of time", TwoDaysBefore);
        request.Claim(OtherLibrarian, TwoDaysBefore);
        request.TakeDomainEvents();

        Assert.Null(request.DeadlineRemindedAt);
        Assert.True(request.RemindOfDeadline(TwoDaysBefore, DaysBefore));
        Assert.Equal(OtherLibrarian, Assert.IsType<RequestDeadlineNear>(Assert.Single(request.DomainEvents)).ClaimantId);
    }

    [Fact]
    public void An_assignment_to_another_librarian_is_reminded_again()
    {
        var request = In(RequestState.Claimed);
        request.RemindOfDeadline(TwoDaysBefore, DaysBefore);
        request.Assign("coordinator-1", OtherLibrarian, "Lena is away", TwoDaysBefore);
        request.TakeDomainEvents();

        Assert.True(request.RemindOfDeadline(TwoDaysBefore, DaysBefore));
        Assert.Equal(OtherLibrarian, Assert.IsType<RequestDeadlineNear>(Assert.Single(request.DomainEvents)).ClaimantId);
    }
}
