using Portal.Core.Librarians;

namespace Portal.Core.Tests.Librarians;

/// <summary>The topic stand-in for similarity to past summaries: the best Jaccard overlap with any one past request.</summary>
public sealed class PastWorkSimilarityTests
{
    [Fact]
    public void Past_work_on_exactly_the_same_topics_scores_one()
    {
        Assert.Equal(1, PastWorkSimilarity.ByTopics([1, 2, 3], [[3, 2, 1]]), 6);
    }

    [Fact]
    public void Overlap_is_shared_topics_over_all_topics_of_the_two()
    {
        // {1, 2, 3} and {2, 3, 4}: 2 shared of 4 in all.
        Assert.Equal(0.5, PastWorkSimilarity.ByTopics([1, 2, 3], [[2, 3, 4]]), 6);
    }

    [Fact]
    public void The_closest_piece_of_past_work_counts_not_the_number_of_pieces()
    {
        IReadOnlyCollection<int>[] many = [[1], [1], [1], [1]];
        IReadOnlyCollection<int>[] one = [[1, 2]];

        Assert.Equal(0.5, PastWorkSimilarity.ByTopics([1, 2], many), 6);
        Assert.Equal(1, PastWorkSimilarity.ByTopics([1, 2], one), 6);
        Assert.Equal(1, PastWorkSimilarity.ByTopics([1, 2], [.. many, .. one]), 6);
    }

    [Fact]
    public void No_past_work_no_shared_topic_or_no_request_topics_score_nothing()
    {
        Assert.Equal(0, PastWorkSimilarity.ByTopics([1, 2], []));
        Assert.Equal(0, PastWorkSimilarity.ByTopics([1, 2], [[3, 4], []]));
        Assert.Equal(0, PastWorkSimilarity.ByTopics([], [[1, 2]]));
    }

    [Fact]
    public void Repeated_topics_count_once()
    {
        Assert.Equal(1.0 / 3, PastWorkSimilarity.ByTopics([1, 1, 2], [[2, 2, 3]]), 6); // {1, 2} and {2, 3}: 1 shared of 3
    }

    [Fact]
    public void The_score_stays_between_zero_and_one_for_any_sets()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var request = Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(1, 12)).ToList();
            var past = Enumerable.Range(0, random.Next(0, 8)).Select(_ => (IReadOnlyCollection<int>)Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(1, 12)).ToList()).ToList();

            var score = PastWorkSimilarity.ByTopics(request, past);

            Assert.InRange(score, 0, 1);
        }
    }
}
