using Portal.Data;

namespace Portal.Web.Features.Matching;

/// <summary>A request to compare with librarians' past work: its question and the topics of its work stream.</summary>
public sealed record PastWorkQuestion(Guid RequestId, string Question, IReadOnlyCollection<int> TopicIds);

/// <summary>
/// How similar each request is to each librarian's past work (0–1), the "past summaries" factor of
/// matching: more-like-this over the summaries each librarian wrote (Search.SearchPastWorkSimilarity),
/// with the topics of the requests they delivered (<see cref="TopicPastWorkSimilarity"/>) as a floor
/// and as the whole answer while the node's index is being rebuilt.
/// An implementation must not take the PortalDbContext in its constructor: the save hook's
/// notifier uses it, and the hook is built with the context. It reads through the context passed in.
/// </summary>
public interface IPastWorkSimilarity
{
    /// <summary>
    /// Scores every pair of a request and a librarian. Reads through <paramref name="db"/>, the
    /// caller's context, so that it also works inside a save (where the request may not be written yet).
    /// </summary>
    Task<PastWorkScores> ScoreAsync(
        PortalDbContext db, IReadOnlyCollection<PastWorkQuestion> requests, IReadOnlyCollection<string> librarianIds, CancellationToken cancellationToken);
}

/// <summary>Similarity by request and librarian; a pair without a score scores 0.</summary>
public sealed class PastWorkScores(IReadOnlyDictionary<(Guid RequestId, string LibrarianId), double> scores)
{
    public static PastWorkScores None { get; } = new(new Dictionary<(Guid, string), double>());

    public double Of(Guid requestId, string librarianId) => scores.GetValueOrDefault((requestId, librarianId));
}
