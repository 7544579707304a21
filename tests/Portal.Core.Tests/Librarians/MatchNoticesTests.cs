using Portal.Core.Librarians;

namespace Portal.Core.Tests.Librarians;

/// <summary>Who is told about a request that came into the pool, and the words they are told in.</summary>
public sealed class MatchNoticesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly Deadline = Today.AddDays(21);
    private static readonly GeoPath Gateshead = new(PlaceId: 10, SystemId: 2, RegionId: 1);

    private static readonly MatchRequest Frailty = new(
        [1, 2], new Dictionary<int, string> { [1] = "Frailty", [2] = "Falls prevention" }, Gateshead, Deadline);

    private static LibrarianProfile Profile(string userId, int capacity = 2, TopicLevel? frailty = TopicLevel.Experienced, params TimeAway[] away)
    {
        var profile = new LibrarianProfile(userId);
        profile.Update(new LibrarianProfileDetails(
            null, null, 2, frailty is { } level ? [new(1, level)] : [], SearchSkills.QuickSearch, [], capacity, null, away, false, false));
        return profile;
    }

    private static IReadOnlyList<LibrarianMatch> Chosen(int top, params (LibrarianProfile Profile, int OpenClaims, double Similarity)[] librarians)
    {
        var candidates = librarians.Select(l => new MatchCandidate(l.Profile, l.Profile.UserId, new GeoPath(null, 2, 1), l.OpenClaims, l.Similarity)).ToList();
        var ranked = Matching.Rank(Frailty, candidates, new MatchWeights(), Today);
        return MatchNotices.WhoToTell(ranked, candidates.ToDictionary(c => c.Profile.UserId, c => c.Profile), Today, Deadline, top);
    }

    [Fact]
    public void The_top_n_are_told_in_rank_order()
    {
        var chosen = Chosen(2, (Profile("a", frailty: TopicLevel.Learning), 0, 0), (Profile("b"), 0, 0.5), (Profile("c"), 0, 0));

        Assert.Equal(["b", "c"], chosen.Select(m => m.UserId));
    }

    [Fact]
    public void Librarians_with_no_search_free_are_not_told()
    {
        var chosen = Chosen(3, (Profile("full"), 2, 1), (Profile("off", capacity: 0), 0, 1), (Profile("room"), 1, 0));

        Assert.Equal(["room"], chosen.Select(m => m.UserId));
    }

    [Fact]
    public void Librarians_away_until_the_deadline_are_not_told_but_those_away_for_part_of_it_are()
    {
        var chosen = Chosen(
            3,
            (Profile("away", away: [new(Today.AddDays(-3), Today.AddDays(10)), new(Today.AddDays(11), Today.AddDays(30))]), 0, 0),
            (Profile("week-off", away: [new(Today.AddDays(7), Today.AddDays(14))]), 0, 0));

        Assert.Equal(["week-off"], chosen.Select(m => m.UserId));
    }

    [Fact]
    public void Librarians_the_request_does_not_fit_at_all_are_not_told()
    {
        var chosen = Chosen(3, (Profile("unrelated", frailty: null), 0, 0), (Profile("past-work", frailty: null), 0, 0.4));

        Assert.Equal(["past-work"], chosen.Select(m => m.UserId));
    }

    [Fact]
    public void Notify_top_zero_tells_nobody()
    {
        Assert.Empty(Chosen(0, (Profile("a"), 0, 1)));
    }

    [Theory]
    [InlineData(0, 5, 0, 20, true)]      // one period covers it all
    [InlineData(0, 5, 6, 20, true)]      // two periods that meet
    [InlineData(0, 5, 7, 20, false)]     // a day in between
    [InlineData(1, 5, 6, 20, false)]     // today itself is free
    [InlineData(-10, 25, 30, 40, true)]  // started before today, ends after the deadline
    public void Away_throughout_means_every_day_from_today_to_the_deadline(int from1, int to1, int from2, int to2, bool expected)
    {
        TimeAway[] away = [new(Today.AddDays(from2), Today.AddDays(to2)), new(Today.AddDays(from1), Today.AddDays(to1))];

        Assert.Equal(expected, MatchNotices.IsAwayThroughout(away, Today, Today.AddDays(20)));
    }

    [Fact]
    public void The_notice_names_the_topics_and_says_why()
    {
        var match = Matching.Rank(Frailty, [new MatchCandidate(Profile("a"), "A", new GeoPath(null, 2, 1), 0, 0)], new MatchWeights(), Today)[0];

        var text = MatchNotices.Text(Frailty, "Frailty framework", match);

        Assert.Equal("A request on Frailty and Falls prevention matches your profile: Experienced in Frailty. Works in the same system.", text);
    }

    [Fact]
    public void A_request_without_topics_is_named_by_its_work_stream_and_long_lists_are_shortened()
    {
        var none = Frailty with { TopicIds = [] };
        var many = Frailty with
        {
            TopicIds = [1, 2, 3, 4, 5],
            TopicNames = new Dictionary<int, string> { [1] = "A", [2] = "B", [3] = "C", [4] = "D", [5] = "E" },
        };
        var match = new LibrarianMatch("a", "A", 0.5, [new("Past summaries", 0.5, 1, "Past summaries on similar questions.")]);

        Assert.Equal("A request for Frailty framework matches your profile: Past summaries on similar questions.", MatchNotices.Text(none, "Frailty framework", match));
        Assert.StartsWith("A request on A, B, C and 2 more matches your profile", MatchNotices.Text(many, "Frailty framework", match), StringComparison.Ordinal);
    }
}
