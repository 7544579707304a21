using Microsoft.EntityFrameworkCore;
using Portal.Core.Summaries;
using Portal.Data;
using Portal.Search;
using Portal.Web.Features.Matching;
using Portal.Web.Features.Requests;

namespace Portal.Web.Features.Search;

/// <summary>
/// The "past summaries" factor of matching from more-like-this, the same similarity the request
/// form shows: a librarian's past work is the delivered summaries they wrote. More-like-this finds
/// the summaries like each request's question; each is scored by how much of the question's
/// words (as the index analyses them) its own title and question cover, and a librarian scores the
/// best of theirs. Raw more-like-this scores cannot be compared between questions, and scoring
/// them against the best hit would call the best of a poor lot "very similar": a summary that
/// covers less than half of the question is not past work on it.
/// Topics still count (<see cref="TopicPastWorkSimilarity"/>): a request delivered without a
/// summary of one's own, or closed as answered, is past work too, so a pair scores the higher of
/// the two. While this node's index is being rebuilt, topics alone.
/// Holds no context of its own (the interface says why): it reads through the one passed in.
/// </summary>
public sealed class SearchPastWorkSimilarity(SearchIndex index, TopicPastWorkSimilarity topics) : IPastWorkSimilarity
{
    /// <summary>How many summaries like a question are looked at: enough to reach past the few closest authors.</summary>
    public const int SummariesLookedAt = 50;

    /// <summary>The share of a question's words a summary must cover to count as past work on it.</summary>
    public const double CoveredAtLeast = 0.5;

    /// <summary>Matching sees every summary, as those who see every request do; readers' access is not the question here.</summary>
    private static readonly IReadOnlyCollection<string> EverySummary = [AccessTerms.Permission(RequestsPermissions.ViewAllRequests.Name)];

    public async Task<PastWorkScores> ScoreAsync(
        PortalDbContext db, IReadOnlyCollection<PastWorkQuestion> requests, IReadOnlyCollection<string> librarianIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(librarianIds);
        var byTopics = await topics.ScoreAsync(db, requests, librarianIds, cancellationToken);
        if (requests.Count == 0 || librarianIds.Count == 0)
        {
            return byTopics;
        }

        var hitsByRequest = new Dictionary<Guid, IReadOnlyList<SimilarHit>>();
        foreach (var request in requests)
        {
            var hits = index.Similar(request.Question, EverySummary, [SearchTypes.Summary], SummariesLookedAt);
            if (hits is null)
            {
                return byTopics; // Rebuilding: topics until the index is back.
            }

            hitsByRequest[request.RequestId] = hits;
        }

        var summaryIds = hitsByRequest.Values.SelectMany(h => h).Select(h => Guid.TryParse(h.Id, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        if (summaryIds.Count == 0)
        {
            return byTopics;
        }

        // Delivered summaries only: a draft is work in hand, not past work.
        var summaries = await db.SearchSummaries.AsNoTracking()
            .Where(s => summaryIds.Contains(s.Id) && s.State == SummaryState.Final)
            .Select(s => new { s.Id, s.RequestId, s.Authors, s.Content.Title, s.Content.Question })
            .ToListAsync(cancellationToken);
        var summaryFacts = summaries.ToDictionary(s => s.Id.ToString(), StringComparer.OrdinalIgnoreCase);
        var wanted = librarianIds.ToHashSet(StringComparer.Ordinal);
        var coveredBySummary = new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase);

        var scores = new Dictionary<(Guid, string), double>();
        foreach (var request in requests)
        {
            // The request's own summary (a re-run, say) is not past work on it.
            var hits = hitsByRequest[request.RequestId]
                .Where(h => summaryFacts.TryGetValue(h.Id, out var s) && s.RequestId != request.RequestId)
                .ToList();
            var asked = index.Terms(request.Question);
            if (asked.Count == 0)
            {
                continue;
            }

            foreach (var hit in hits)
            {
                var summary = summaryFacts[hit.Id];
                if (!coveredBySummary.TryGetValue(hit.Id, out var covered))
                {
                    coveredBySummary[hit.Id] = covered = index.Terms(summary.Title + "\n" + summary.Question);
                }

                var share = (double)asked.Count(covered.Contains) / asked.Count;
                if (share < CoveredAtLeast)
                {
                    continue;
                }

                foreach (var author in summary.Authors.Where(wanted.Contains))
                {
                    var key = (request.RequestId, author);
                    scores[key] = Math.Max(scores.GetValueOrDefault(key), share);
                }
            }
        }

        foreach (var request in requests)
        {
            foreach (var librarianId in librarianIds)
            {
                var key = (request.RequestId, librarianId);
                var topic = byTopics.Of(request.RequestId, librarianId);
                if (topic > scores.GetValueOrDefault(key))
                {
                    scores[key] = topic;
                }
            }
        }

        return new PastWorkScores(scores);
    }
}
