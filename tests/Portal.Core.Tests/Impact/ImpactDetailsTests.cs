using Portal.Core.Impact;

namespace Portal.Core.Tests.Impact;

/// <summary>ImpactDetails.Check: what the impact form accepts, and the message for each mistake.</summary>
public sealed class ImpactDetailsTests
{
    private static readonly ImpactDetails Valid = new(
        ImpactUses.SharedWithColleagues | ImpactUses.InformedDecision, ImpactContributions.Decision | ImpactContributions.Practice, 2.5m, Recommendation.Yes, "It changed our pathway.", CaseStudyConsent: true);

    [Fact]
    public void A_full_answer_and_a_minimal_one_pass()
    {
        Assert.Empty(Valid.Check());
        Assert.Empty(new ImpactDetails(ImpactUses.NotYetUsed, ImpactContributions.None, null, Recommendation.NotSure, null, false).Check());
        Assert.Empty((Valid with { HoursSaved = 0 }).Check());
        Assert.Empty((Valid with { HoursSaved = ImpactDetails.MaxHoursSaved }).Check());
    }

    [Fact]
    public void No_use_is_refused()
    {
        var error = Assert.Single((Valid with { Uses = ImpactUses.None }).Check());

        Assert.Equal(nameof(ImpactDetails.Uses), error.Field);
        Assert.Equal("Say how you used the evidence, or that you have not used it yet", error.Message);
    }

    [Fact]
    public void Not_yet_used_with_a_use_is_refused()
    {
        var error = Assert.Single((Valid with { Uses = ImpactUses.NotYetUsed | ImpactUses.PersonalLearning }).Check());

        Assert.Equal(nameof(ImpactDetails.Uses), error.Field);
        Assert.StartsWith("You said you have not used it yet and also how you used it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_that_are_not_on_the_form_are_refused()
    {
        Assert.Equal(nameof(ImpactDetails.Uses), Assert.Single((Valid with { Uses = (ImpactUses)64 }).Check()).Field);
        Assert.Equal(nameof(ImpactDetails.ContributedTo), Assert.Single((Valid with { ContributedTo = (ImpactContributions)128 }).Check()).Field);
        Assert.Equal(nameof(ImpactDetails.WouldRecommend), Assert.Single((Valid with { WouldRecommend = (Recommendation)9 }).Check()).Field);
    }

    [Theory]
    [InlineData("-0.5")]
    [InlineData("10000.25")]
    public void Hours_out_of_range_are_refused(string hours)
    {
        var error = Assert.Single((Valid with { HoursSaved = decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture) }).Check());

        Assert.Equal(nameof(ImpactDetails.HoursSaved), error.Field);
        Assert.Equal("Hours saved must be between 0 and 10,000", error.Message);
    }

    [Fact]
    public void Comments_too_long_are_refused_and_the_limit_is_allowed()
    {
        Assert.Empty((Valid with { Comments = new string('a', ImpactDetails.CommentsMaxLength) }).Check());
        var error = Assert.Single((Valid with { Comments = new string('a', ImpactDetails.CommentsMaxLength + 1) }).Check());
        Assert.Equal(nameof(ImpactDetails.Comments), error.Field);
    }
}
