using Portal.Core.Impact;
using Portal.Core.Requests;
using static Portal.Core.Tests.Requests;

namespace Portal.Core.Tests.Impact;

/// <summary>ImpactAnswer.Record: once, by the requester, on a delivered request.</summary>
public sealed class ImpactAnswerTests
{
    private static readonly ImpactDetails Details = new(ImpactUses.InformedDecision, ImpactContributions.Decision, 3m, Recommendation.Yes, "  Used at the board.  ", CaseStudyConsent: true);

    [Fact]
    public void The_requester_answers_a_delivered_request_and_the_request_records_it()
    {
        var request = In(RequestState.Delivered);
        var version = request.Version;

        var answer = ImpactAnswer.Record(request, Requester, Details, Now.AddDays(30));

        Assert.Equal(request.Id, answer.RequestId);
        Assert.Equal(Requester, answer.RespondentId);
        Assert.Equal("Used at the board.", answer.Details.Comments);
        Assert.Equal(Now.AddDays(30), answer.AnsweredAt);
        Assert.Equal(Now.AddDays(30), request.ImpactAnsweredAt);
        Assert.Equal(version + 1, request.Version);
        var recorded = Assert.IsType<ImpactRecorded>(Assert.Single(answer.DomainEvents));
        Assert.True(recorded.CaseStudyConsent);
    }

    [Fact]
    public void A_closed_request_can_be_answered_too()
    {
        var request = In(RequestState.Closed);

        ImpactAnswer.Record(request, Requester, Details, Now);

        Assert.NotNull(request.ImpactAnsweredAt);
    }

    [Fact]
    public void A_second_answer_is_refused_as_wrong_state()
    {
        var request = In(RequestState.Delivered);
        ImpactAnswer.Record(request, Requester, Details, Now);

        var refused = Assert.Throws<DomainException>(() => ImpactAnswer.Record(request, Requester, Details, Now.AddDays(1)));

        Assert.Equal(RuleViolationKind.WrongState, refused.Kind);
        Assert.Equal("The impact form for this request has already been answered. Thank you.", refused.Message);
        Assert.Equal(Now, request.ImpactAnsweredAt);
    }

    [Fact]
    public void Someone_other_than_the_requester_is_refused_as_not_theirs()
    {
        var request = In(RequestState.Delivered);

        var refused = Assert.Throws<DomainException>(() => ImpactAnswer.Record(request, Librarian, Details, Now));

        Assert.Equal(RuleViolationKind.NotYours, refused.Kind);
        Assert.Null(request.ImpactAnsweredAt);
    }

    [Theory]
    [InlineData(RequestState.Draft)]
    [InlineData(RequestState.Submitted)]
    [InlineData(RequestState.Claimed)]
    [InlineData(RequestState.InReview)]
    [InlineData(RequestState.Withdrawn)]
    public void A_request_not_delivered_is_refused_as_wrong_state(RequestState state)
    {
        var request = In(state);

        var refused = Assert.Throws<DomainException>(() => ImpactAnswer.Record(request, Requester, Details, Now));

        Assert.Equal(RuleViolationKind.WrongState, refused.Kind);
        Assert.Null(request.ImpactAnsweredAt);
    }

    [Fact]
    public void Details_with_a_mistake_are_refused_before_the_request_changes()
    {
        var request = In(RequestState.Delivered);

        var refused = Assert.Throws<DomainException>(() => ImpactAnswer.Record(request, Requester, Details with { Uses = ImpactUses.None }, Now));

        Assert.Equal("Say how you used the evidence, or that you have not used it yet", refused.Message);
        Assert.Null(request.ImpactAnsweredAt);
    }
}
