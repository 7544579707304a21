using Portal.Core.Impact;
using Portal.Core.Requests;
using static Portal.Core.Tests.Requests;

namespace Portal.Core.Tests.Impact;

/// <summary>CaseStudy: started only from an answer with consent, with the answer's words; edited within its limits.</summary>
public sealed class CaseStudyTests
{
    private const string Coordinator = "coordinator-1";

    private static ImpactAnswer Answer(bool consent, string? comments = "We changed the pathway.\nStaff liked it.")
    {
        var request = In(RequestState.Delivered);
        return ImpactAnswer.Record(request, Requester, new ImpactDetails(ImpactUses.InformedDecision, ImpactContributions.PolicyOrGuideline | ImpactContributions.Practice, 4m, Recommendation.Yes, comments, consent), Now);
    }

    [Fact]
    public void A_draft_starts_from_an_answer_with_consent_with_the_question_contributions_and_words()
    {
        var answer = Answer(consent: true);

        var study = CaseStudy.StartFrom(answer, "Do falls clinics work?", Coordinator, Now);

        Assert.Equal(answer.Id, study.ImpactAnswerId);
        Assert.Equal(answer.RequestId, study.RequestId);
        Assert.Equal("Impact story: Do falls clinics work?", study.Title);
        Assert.Contains("## The question\n\nDo falls clinics work?", study.Story, StringComparison.Ordinal);
        Assert.Contains("- a policy or guideline\n- a change in practice", study.Story, StringComparison.Ordinal);
        Assert.Contains("> We changed the pathway.\n> Staff liked it.", study.Story, StringComparison.Ordinal);
        Assert.IsType<CaseStudyStarted>(Assert.Single(study.DomainEvents));
    }

    [Fact]
    public void A_long_question_makes_a_title_within_the_limit()
    {
        var study = CaseStudy.StartFrom(Answer(consent: true), new string('q', 400), Coordinator, Now);

        Assert.True(study.Title.Length <= CaseStudy.TitleMaxLength);
        Assert.EndsWith("…", study.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_without_consent_starts_nothing()
    {
        var refused = Assert.Throws<DomainException>(() => CaseStudy.StartFrom(Answer(consent: false), "Q?", Coordinator, Now));

        Assert.Equal(RuleViolationKind.WrongState, refused.Kind);
        Assert.Contains("did not agree to an impact case study", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Edit_changes_title_and_story_and_refuses_empty_or_too_long()
    {
        var study = CaseStudy.StartFrom(Answer(consent: true, comments: null), "Q?", Coordinator, Now);

        study.Edit("  Falls clinics changed our pathway  ", " The story. ", Now.AddDays(1));

        Assert.Equal("Falls clinics changed our pathway", study.Title);
        Assert.Equal("The story.", study.Story);
        Assert.Equal(Now.AddDays(1), study.UpdatedAt);
        Assert.Throws<DomainException>(() => study.Edit(" ", "Story", Now));
        Assert.Throws<DomainException>(() => study.Edit(new string('t', CaseStudy.TitleMaxLength + 1), "Story", Now));
        Assert.Throws<DomainException>(() => study.Edit("Title", "", Now));
        Assert.Throws<DomainException>(() => study.Edit("Title", new string('s', CaseStudy.StoryMaxLength + 1), Now));
        Assert.Equal("Falls clinics changed our pathway", study.Title);
    }
}
