namespace Portal.Core.Librarians;

/// <summary>
/// How close a request is to a librarian's past work, judged by topics alone: the floor under the
/// search index's score of the summaries they wrote, and the whole score while a node's index is
/// being rebuilt (ADR-021).
/// </summary>
public static class PastWorkSimilarity
{
    /// <summary>
    /// The closest single piece of past work: the largest Jaccard index |R ∩ P| / |R ∪ P| between
    /// the request's topics R and the topics P of any one request the librarian delivered. 1 when
    /// a past request had exactly the same topics, 0 when none shares a topic, when the request
    /// has no topics or when the librarian has delivered nothing. The best piece of work counts,
    /// not the number of pieces, as a more-like-this search would rank its best hit.
    /// </summary>
    public static double ByTopics(IReadOnlyCollection<int> requestTopics, IEnumerable<IReadOnlyCollection<int>> pastTopicSets)
    {
        ArgumentNullException.ThrowIfNull(requestTopics);
        ArgumentNullException.ThrowIfNull(pastTopicSets);
        if (requestTopics.Count == 0)
        {
            return 0;
        }

        var request = requestTopics as IReadOnlySet<int> ?? requestTopics.ToHashSet();
        var best = 0.0;
        foreach (var past in pastTopicSets)
        {
            var topics = past as IReadOnlySet<int> ?? past.ToHashSet();
            var shared = 0;
            foreach (var topic in topics)
            {
                if (request.Contains(topic))
                {
                    shared++;
                }
            }

            if (shared > 0)
            {
                best = Math.Max(best, (double)shared / (request.Count + topics.Count - shared));
            }
        }

        return best;
    }
}
