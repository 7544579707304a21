using Microsoft.EntityFrameworkCore;
using Portal.Core.Summaries;
using Portal.Data;
using Portal.Search;

namespace Portal.Web.Features.Search;

/// <summary>
/// "Searched before?": the limits shared by the request form, its script and the similar API,
/// and what the form's suggestions show.
/// </summary>
public static class SimilarSummaries
{
    /// <summary>A question is a sentence or two; more than this is not a question being written.</summary>
    public const int TextMaxLength = 4_000;

    public const int DefaultCount = 5;

    public const int MaxCount = 20;

    /// <summary>
    /// The script asks only once the question has this many words: fewer say too little to be
    /// like anything, and asking on every key would mostly show noise.
    /// </summary>
    public const int MinimumWords = 4;

    /// <summary>A rebuild takes seconds to a minute: ask again after this.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>Set in HttpContext.Items when the lead pressed "Check for summaries…", so the form says so even when none were found.</summary>
    public const string CheckedKey = "Portal.Search.SimilarChecked";

    public const string Hint = "If one of these answers your question, you may not need a new search.";

    /// <summary>How many more hits to ask the index for than are shown, since <see cref="DeliveredOnlyAsync"/> drops some.</summary>
    public const int Overfetch = 3;

    /// <summary>
    /// Keeps the hits that are delivered summaries, one a series (its best-scoring version), at
    /// most <paramref name="count"/>. Those who see every request may open drafts too, but a
    /// draft answers nobody's question yet. The states come from the database, as the index only says who may open what.
    /// </summary>
    public static async Task<IReadOnlyList<SimilarHit>> DeliveredOnlyAsync(PortalDbContext db, IReadOnlyList<SimilarHit> hits, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(hits);
        var ids = hits.Select(h => Guid.TryParse(h.Id, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var series = await db.SearchSummaries.AsNoTracking()
            .Where(s => ids.Contains(s.Id) && s.State == SummaryState.Final)
            .Select(s => new { s.Id, s.SeriesId })
            .ToDictionaryAsync(s => s.Id.ToString(), s => s.SeriesId, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var seen = new HashSet<Guid>();
        return hits.Where(h => series.TryGetValue(h.Id, out var seriesId) && seen.Add(seriesId)).Take(count).ToList();
    }
}

/// <summary>
/// The suggestions on the request form. <paramref name="Hits"/> is null while the index is
/// rebuilt; <paramref name="Checked"/> says the lead asked (the button), so "none found" is said.
/// </summary>
public sealed record SimilarSuggestions(string? Question, IReadOnlyList<SimilarHit>? Hits, bool Checked, string CheckAction);

/// <summary>The suggestions on a request's page; a lead or coordinator may close the request as answered by one of them.</summary>
public sealed record SimilarToRequest(Guid RequestId, IReadOnlyList<SimilarHit> Hits, bool MayCloseAsAnswered);

/// <summary>The related summaries on a summary's page.</summary>
public sealed record RelatedSummaryList(IReadOnlyList<SimilarHit> Hits);
