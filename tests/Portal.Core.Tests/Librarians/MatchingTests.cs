using Portal.Core;
using Portal.Core.Librarians;

namespace Portal.Core.Tests.Librarians;

/// <summary>Each matching factor on its own, then the ranking they make together.</summary>
public sealed class MatchingTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly GeoPath Gateshead = new(PlaceId: 10, SystemId: 2, RegionId: 1);
    private static readonly IReadOnlyDictionary<int, string> TopicNames = new Dictionary<int, string> { [1] = "Frailty", [2] = "Falls prevention", [3] = "Diabetes" };

    private static LibrarianProfile Profile(string userId, int capacity = 2, IReadOnlyList<TopicKnowledge>? topics = null, IReadOnlyList<TimeAway>? away = null)
    {
        var profile = new LibrarianProfile(userId);
        profile.Update(new LibrarianProfileDetails("Gateshead LKS", "Gateshead Health", 2, topics ?? [], SearchSkills.QuickSearch, ["Medline"], capacity, 10, away ?? [], false, false));
        return profile;
    }

    private static MatchRequest Request(params int[] topics) => new(topics, TopicNames, Gateshead, Today.AddDays(21));

    [Fact]
    public void Topic_overlap_counts_experience_fully_and_learning_by_half()
    {
        var profile = Profile("a", topics: [new(1, TopicLevel.Experienced), new(2, TopicLevel.Learning)]);

        var factor = Matching.TopicFactor(Request(1, 2, 3), profile, 0.35);

        Assert.Equal(0.5, factor.Score, 6); // (1 + 0.5 + 0) / 3
        Assert.Equal("Experienced in Frailty; learning Falls prevention.", factor.Explanation);
    }

    [Fact]
    public void A_topic_only_being_learnt_starts_the_explanation_with_a_capital()
    {
        var factor = Matching.TopicFactor(Request(2), Profile("a", topics: [new(2, TopicLevel.Learning)]), 1);

        Assert.Equal("Learning Falls prevention.", factor.Explanation);
    }

    [Fact]
    public void No_shared_topic_scores_nothing_and_says_so()
    {
        var factor = Matching.TopicFactor(Request(3), Profile("a", topics: [new(1, TopicLevel.Experienced)]), 1);

        Assert.Equal(0, factor.Score);
        Assert.Equal("None of the request's topics are on the profile.", factor.Explanation);
    }

    [Theory]
    [InlineData(10, 2, 1, 1.0, "Works in the same place.")]
    [InlineData(11, 2, 1, 0.75, "Works in the same system.")]
    [InlineData(20, 3, 1, 0.5, "Works in the same region.")]
    [InlineData(30, 4, 9, 0.1, "Works elsewhere.")]
    public void Geography_prefers_the_same_place_then_system_then_region(int place, int system, int region, double score, string explanation)
    {
        var factor = Matching.GeographyFactor(Gateshead, new GeoPath(place, system, region), 1);

        Assert.Equal(score, factor.Score, 6);
        Assert.Equal(explanation, factor.Explanation);
    }

    [Fact]
    public void Unknown_geography_never_counts_as_the_same()
    {
        var factor = Matching.GeographyFactor(new GeoPath(null, null, null), new GeoPath(null, null, null), 1);

        Assert.Equal(0.1, factor.Score, 6);
    }

    [Theory]
    [InlineData(2, 0, 1.0, "2 of 2 searches free.")]
    [InlineData(2, 1, 0.5, "1 of 2 searches free.")]
    [InlineData(2, 3, 0.0, "0 of 2 searches free.")]
    [InlineData(0, 0, 0.0, "Not taking searches at the moment.")]
    public void Capacity_is_the_share_of_searches_still_free(int capacity, int open, double score, string explanation)
    {
        var factor = Matching.CapacityFactor(capacity, open, 1);

        Assert.Equal(score, factor.Score, 6);
        Assert.Equal(explanation, factor.Explanation);
    }

    [Fact]
    public void Time_away_before_the_deadline_makes_a_librarian_unavailable_and_after_it_does_not()
    {
        var awayBefore = Profile("a", away: [new(Today.AddDays(5), Today.AddDays(9))]);
        var awayAfter = Profile("b", away: [new(Today.AddDays(40), Today.AddDays(45))]);

        var clash = Matching.AvailabilityFactor(awayBefore, Today, Today.AddDays(21), 1);
        var clear = Matching.AvailabilityFactor(awayAfter, Today, Today.AddDays(21), 1);

        Assert.Equal(0, clash.Score);
        Assert.Equal("Away 28 Nov to 2 Dec, before the deadline.", clash.Explanation);
        Assert.Equal(1, clear.Score);
    }

    [Theory]
    [InlineData(-0.5, 0)]
    [InlineData(0.5, 0.5)]
    [InlineData(3, 1)]
    [InlineData(double.NaN, 0)]
    public void Similarity_from_the_search_module_is_kept_between_0_and_1(double given, double expected)
    {
        Assert.Equal(expected, Matching.SimilarityFactor(given, 1).Score, 6);
    }

    [Fact]
    public void Ranking_weighs_the_factors_and_breaks_ties_by_user_id_so_it_is_deterministic()
    {
        var expert = new MatchCandidate(Profile("expert", topics: [new(1, TopicLevel.Experienced), new(2, TopicLevel.Experienced)]), "Expert", Gateshead, 0, 0.8);
        var novice = new MatchCandidate(Profile("novice", topics: [new(2, TopicLevel.Learning)]), "Novice", new GeoPath(99, 98, 97), 1, 0);
        var twinA = new MatchCandidate(Profile("twin-a"), "Twin A", Gateshead, 0, 0);
        var twinB = new MatchCandidate(Profile("twin-b"), "Twin B", Gateshead, 0, 0);

        var ranked = Matching.Rank(Request(1, 2), [twinB, novice, twinA, expert], new MatchWeights(), Today);
        var again = Matching.Rank(Request(1, 2), [expert, twinA, novice, twinB], new MatchWeights(), Today);

        Assert.Equal(["expert", "twin-a", "twin-b", "novice"], ranked.Select(m => m.UserId));
        Assert.Equal(ranked.Select(m => (m.UserId, m.Score)), again.Select(m => (m.UserId, m.Score)));
        Assert.Equal(5, ranked[0].Factors.Count);
        Assert.Equal((0.35 * 1 + 0.2 * 0.8 + 0.2 * 1 + 0.15 * 1 + 0.1 * 1) / 1.0, ranked[0].Score, 6);
    }

    [Fact]
    public void Weights_that_are_all_zero_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Matching.Rank(Request(1), [], new MatchWeights(0, 0, 0, 0, 0), Today));
    }

    [Theory]
    [InlineData(-1, 10, "Searches at a time cannot be negative")]
    [InlineData(2, -3, "Hours a month cannot be negative")]
    public void A_profile_with_negative_capacity_or_time_is_refused(int capacity, int hours, string message)
    {
        var profile = new LibrarianProfile("a");

        var refused = Assert.Throws<DomainException>(() => profile.Update(
            new LibrarianProfileDetails(null, null, null, [], SearchSkills.None, [], capacity, hours, [], false, false)));

        Assert.Equal(message, refused.Message);
        Assert.Equal(LibrarianProfile.DefaultCapacity, profile.Capacity);
    }

    [Fact]
    public void Time_away_that_ends_before_it_starts_is_refused()
    {
        var refused = Assert.Throws<DomainException>(() => new LibrarianProfile("a").Update(
            new LibrarianProfileDetails(null, null, null, [], SearchSkills.None, [], 2, null, [new(Today, Today.AddDays(-1))], false, false)));

        Assert.Equal("Time away must end on or after the day it starts", refused.Message);
    }
}
