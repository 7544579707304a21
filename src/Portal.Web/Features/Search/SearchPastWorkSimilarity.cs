using Microsoft.EntityFrameworkCore;
using Portal.Core.Summaries;
using Portal.Data;
using Portal.Search;
using Portal.Web.Features.Matching;
using Portal.Web.Features.Requests;

namespace Portal.Web.Features.Search;

/// <summary>
/// The "past summaries" factor of matching from the search index, the same similarity the request
/// form shows: a librarian's past work is the delivered summaries they wrote. A summary scores by
/// how much of the request's question (its words as the index analyses them) its own title and
/// question cover, and a librarian scores the best of theirs; a summary that covers less than half
/// is not past work on the question. Raw more-like-this scores cannot be compared between
/// questions, and scoring against the best hit would call the best of a poor lot "very similar".
/// For one request and many librarians, more-like-this finds the summaries worth comparing; for
/// one librarian and many requests (requests for me), that librarian's own summaries are compared
/// with each question, which is one query however many requests are open.
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
        if (requests.Count == 0 || librarianIds.Count == 0 || !index.IsReady)
        {
            return byTopics;
        }

        var summaries = librarianIds.Count == 1
            ? await WrittenByAsync(db, librarianIds.First(), cancellationToken)
            : await LikeAnyOfAsync(db, requests, cancellationToken);
        if (summaries is null)
        {
            return byTopics; // Started rebuilding meanwhile: topics until the index is back.
        }

        var wanted = librarianIds.ToHashSet(StringComparer.Ordinal);
        var scores = new Dictionary<(Guid, string), double>();
        foreach (var request in requests)
        {
            var asked = index.Terms(request.Question);
            if (asked.Count == 0)
            {
                continue;
            }

            // The request's own summary (a re-run, say) is not past work on it.
            foreach (var summary in summaries.Where(s => s.RequestId != request.RequestId))
            {
                var share = (double)asked.Count(summary.Terms.Contains) / asked.Count;
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

    /// <summary>The delivered summaries the librarian wrote (a draft is work in hand, not past work).</summary>
    private async Task<IReadOnlyList<PastSummary>> WrittenByAsync(PortalDbContext db, string librarianId, CancellationToken cancellationToken)
    {
        var rows = await db.SearchSummaries.AsNoTracking()
            .Where(s => s.State == SummaryState.Final && s.Authors.Contains(librarianId))
            .Select(s => new { s.RequestId, s.Authors, s.Content.Title, s.Content.Question })
            .ToListAsync(cancellationToken);
        return rows.Select(s => new PastSummary(s.RequestId, s.Authors, index.Terms(s.Title + "\n" + s.Question))).ToList();
    }

    /// <summary>The delivered summaries more-like-this finds for any of the questions; null while the index is rebuilt.</summary>
    private async Task<IReadOnlyList<PastSummary>?> LikeAnyOfAsync(PortalDbContext db, IReadOnlyCollection<PastWorkQuestion> requests, CancellationToken cancellationToken)
    {
        var ids = new HashSet<Guid>();
        foreach (var request in requests)
        {
            var hits = index.Similar(request.Question, EverySummary, [SearchTypes.Summary], SummariesLookedAt);
            if (hits is null)
            {
                return null;
            }

            ids.UnionWith(hits.Select(h => Guid.TryParse(h.Id, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty));
        }

        if (ids.Count == 0)
        {
            return [];
        }

        var found = ids.ToList();
        var rows = await db.SearchSummaries.AsNoTracking()
            .Where(s => found.Contains(s.Id) && s.State == SummaryState.Final)
            .Select(s => new { s.RequestId, s.Authors, s.Content.Title, s.Content.Question })
            .ToListAsync(cancellationToken);
        return rows.Select(s => new PastSummary(s.RequestId, s.Authors, index.Terms(s.Title + "\n" + s.Question))).ToList();
    }

    /// <summary>A delivered summary as matching compares it: whose it is, and the words of its title and question.</summary>
    private sealed record PastSummary(Guid RequestId, IReadOnlyList<string> Authors, IReadOnlySet<string> Terms);
}
