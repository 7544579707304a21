using Portal.Core.Requests;
using static Portal.Core.Tests.Requests;

namespace Portal.Core.Tests.Impact;

/// <summary>AskForImpact and RemindOfImpact: the form once after the days given, one reminder, none after an answer.</summary>
public sealed class ImpactAskingTests
{
    [Fact]
    public void The_form_is_sent_once_when_the_days_after_delivery_have_passed()
    {
        var request = In(RequestState.Delivered);

        var early = request.AskForImpact(Now.AddDays(28).AddMinutes(-1), afterDays: 28);
        var due = request.AskForImpact(Now.AddDays(28), afterDays: 28);
        var again = request.AskForImpact(Now.AddDays(40), afterDays: 28);

        Assert.False(early);
        Assert.True(due);
        Assert.False(again);
        Assert.Equal(Now.AddDays(28), request.ImpactAskedAt);
        var asked = Assert.IsType<RequestImpactAsked>(Assert.Single(request.DomainEvents));
        Assert.False(asked.Reminder);
        Assert.Equal(Requester, asked.RequesterId);
    }

    [Theory]
    [InlineData(RequestState.Submitted)]
    [InlineData(RequestState.Claimed)]
    [InlineData(RequestState.Withdrawn)]
    public void A_request_not_delivered_is_not_asked(RequestState state)
    {
        var request = In(state);

        Assert.False(request.AskForImpact(Now.AddDays(100), afterDays: 28));
        Assert.Null(request.ImpactAskedAt);
    }

    [Fact]
    public void The_reminder_comes_once_the_days_after_the_form()
    {
        var request = In(RequestState.Delivered);
        var notAsked = request.RemindOfImpact(Now.AddDays(100), afterDays: 7);
        request.AskForImpact(Now.AddDays(28), afterDays: 28);
        request.TakeDomainEvents();

        var early = request.RemindOfImpact(Now.AddDays(35).AddMinutes(-1), afterDays: 7);
        var due = request.RemindOfImpact(Now.AddDays(35), afterDays: 7);
        var again = request.RemindOfImpact(Now.AddDays(50), afterDays: 7);

        Assert.False(notAsked);
        Assert.False(early);
        Assert.True(due);
        Assert.False(again);
        Assert.Equal(Now.AddDays(35), request.ImpactRemindedAt);
        Assert.True(Assert.IsType<RequestImpactAsked>(Assert.Single(request.DomainEvents)).Reminder);
    }

    [Fact]
    public void An_answered_request_is_neither_asked_nor_reminded()
    {
        var unasked = In(RequestState.Delivered);
        var asked = In(RequestState.Delivered);
        asked.AskForImpact(Now.AddDays(28), afterDays: 28);
        var details = new Portal.Core.Impact.ImpactDetails(Portal.Core.Impact.ImpactUses.PersonalLearning, Portal.Core.Impact.ImpactContributions.None, null, Portal.Core.Impact.Recommendation.Yes, null, false);
        Portal.Core.Impact.ImpactAnswer.Record(unasked, Requester, details, Now.AddDays(1));
        Portal.Core.Impact.ImpactAnswer.Record(asked, Requester, details, Now.AddDays(29));

        Assert.False(unasked.AskForImpact(Now.AddDays(28), afterDays: 28));
        Assert.False(asked.RemindOfImpact(Now.AddDays(40), afterDays: 7));
        Assert.Null(unasked.ImpactAskedAt);
        Assert.Null(asked.ImpactRemindedAt);
    }
}
