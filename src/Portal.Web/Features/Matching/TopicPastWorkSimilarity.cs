using Microsoft.EntityFrameworkCore;
using Portal.Core.Librarians;
using Portal.Core.Requests;
using Portal.Data;

namespace Portal.Web.Features.Matching;

/// <summary>
/// The stand-in for similarity to past summaries: how the request's topics overlap the topics of
/// the work streams of the requests each librarian delivered (<see cref="PastWorkSimilarity.ByTopics"/>).
/// Two queries whatever the number of requests and librarians.
/// </summary>
public sealed class TopicPastWorkSimilarity : IPastWorkSimilarity
{
    public async Task<PastWorkScores> ScoreAsync(
        PortalDbContext db, IReadOnlyCollection<PastWorkQuestion> requests, IReadOnlyCollection<string> librarianIds, CancellationToken cancellationToken)
    {
        if (requests.Count == 0 || librarianIds.Count == 0)
        {
            return PastWorkScores.None;
        }

        var ids = librarianIds.ToList();
        // Delivered, or closed after delivery (a request closed as answered by a summary has no claimant).
        var delivered = await db.EvidenceRequests.AsNoTracking()
            .Where(r => (r.State == RequestState.Delivered || r.State == RequestState.Closed) && r.ClaimantId != null && ids.Contains(r.ClaimantId))
            .Select(r => new { LibrarianId = r.ClaimantId!, r.WorkStreamId })
            .Distinct()
            .ToListAsync(cancellationToken);
        if (delivered.Count == 0)
        {
            return PastWorkScores.None;
        }

        var streamIds = delivered.Select(d => d.WorkStreamId).Distinct().ToList();
        var topicsByStream = (await db.WorkStreams.AsNoTracking()
                .Where(w => streamIds.Contains(w.Id))
                .SelectMany(w => w.Topics, (w, t) => new { WorkStreamId = w.Id, TopicId = t.Id })
                .ToListAsync(cancellationToken))
            .GroupBy(t => t.WorkStreamId)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<int>)g.Select(t => t.TopicId).ToHashSet());
        // The requests of one work stream share its topics, so each librarian's past work is the set of work streams they delivered for.
        var pastByLibrarian = delivered
            .GroupBy(d => d.LibrarianId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => topicsByStream.GetValueOrDefault(d.WorkStreamId, [])).ToList(), StringComparer.Ordinal);

        var scores = new Dictionary<(Guid, string), double>();
        foreach (var request in requests)
        {
            var topics = request.TopicIds.ToHashSet();
            foreach (var (librarianId, past) in pastByLibrarian)
            {
                var score = PastWorkSimilarity.ByTopics(topics, past);
                if (score > 0)
                {
                    scores[(request.RequestId, librarianId)] = score;
                }
            }
        }

        return new PastWorkScores(scores);
    }
}
