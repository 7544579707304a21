using Microsoft.EntityFrameworkCore;
using Portal.Core.Requests;
using Portal.Core.Summaries;
using Portal.Core.WorkStreams;
using Portal.Data;
using Portal.Web.Features.Summaries;

namespace Portal.Web.Features.Publication;

/// <summary>The listing's filters as typed: a topic key, a system code, a work stream key, a visibility name.</summary>
public sealed class PublishedFilter
{
    public string? Topic { get; set; }

    public string? System { get; set; }

    public string? WorkStream { get; set; }

    public string? Visibility { get; set; }

    public bool IsEmpty => string.IsNullOrEmpty(Topic) && string.IsNullOrEmpty(System) && string.IsNullOrEmpty(WorkStream) && string.IsNullOrEmpty(Visibility);
}

/// <summary>One published summary series as listings show it: its newest version the reader may see.</summary>
public sealed record PublishedEntry(
    Guid SummaryId,
    string Slug,
    string Title,
    int VersionNumber,
    SummaryVisibility Visibility,
    DateTimeOffset PublishedAt,
    DateTimeOffset? DeliveredAt,
    string WorkStreamKey,
    string WorkStreamTitle,
    string System,
    IReadOnlyList<string> Topics);

/// <summary>A series at its stable address: the version shown, the other versions the reader may open, and its reuse.</summary>
public sealed record PublishedReading(SummaryView View, string Slug, IReadOnlyList<SearchSummary> Versions, int Reused, bool IsNewest);

/// <summary>
/// Published summaries for the listings, the stable address and reuse counts. Only final versions
/// published beyond the requester, and still within the requester's consent, are listed; each series
/// once, as its newest version the reader may see. There are few of them, so the access rule runs
/// in memory on what the database narrowed down.
/// </summary>
public sealed class PublishedSummaries(PortalDbContext db, SummaryReading reading)
{
    public const int RecentCount = 5;

    public async Task<IReadOnlyList<PublishedEntry>> ListAsync(SummaryAccess access, PublishedFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(filter);
        var query =
            from s in db.SearchSummaries.AsNoTracking()
            join r in db.EvidenceRequests.AsNoTracking() on s.RequestId equals r.Id
            join w in db.WorkStreams.AsNoTracking() on r.WorkStreamId equals w.Id
            where s.State == SummaryState.Final && s.Slug != null && s.Visibility != SummaryVisibility.RequesterOnly
                && r.SharingConsent != SummaryVisibility.RequesterOnly
            select new { s, r, w };
        if (!string.IsNullOrWhiteSpace(filter.Topic))
        {
            query = query.Where(x => x.w.Topics.Any(t => t.Key == filter.Topic));
        }

        if (!string.IsNullOrWhiteSpace(filter.System))
        {
            query = query.Where(x => x.w.System!.Code == filter.System);
        }

        if (!string.IsNullOrWhiteSpace(filter.WorkStream))
        {
            query = query.Where(x => x.w.Key == filter.WorkStream);
        }

        var rows = await query.ToListAsync(cancellationToken);
        SummaryVisibility? only = Enum.TryParse<SummaryVisibility>(filter.Visibility, ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : null;
        var shown = rows
            .Where(x => access.ReadsPublished(x.s, x.r))
            .Where(x => only is null || SummaryAccess.EffectiveVisibility(x.s, x.r) == only)
            .GroupBy(x => x.s.SeriesId)
            .Select(g => g.MaxBy(x => x.s.VersionNumber)!)
            .ToList();
        var workStreamIds = shown.Select(x => x.w.Id).Distinct().ToList();
        var workStreams = await db.WorkStreams.AsNoTracking().Include(w => w.System).Include(w => w.Topics).AsSplitQuery()
            .Where(w => workStreamIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        return shown
            .Select(x => Entry(x.s, x.r, workStreams[x.w.Id]))
            .OrderByDescending(e => e.PublishedAt)
            .ThenBy(e => e.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>
    /// The series with this slug as the reader may see it: version <paramref name="versionNumber"/>
    /// when given, else the newest final version they may read. Null when there is none for them.
    /// </summary>
    public async Task<PublishedReading?> ReadAsync(SummaryAccess access, string slug, int? versionNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var series = await db.SearchSummaries.AsNoTracking().Where(s => s.Slug == slug).ToListAsync(cancellationToken);
        if (series.Count == 0)
        {
            return null;
        }

        // Every version of a series answers the same request.
        var request = await db.EvidenceRequests.AsNoTracking().SingleAsync(r => r.Id == series[0].RequestId, cancellationToken);
        var workStream = await db.WorkStreams.AsNoTracking().Include(w => w.Leads).SingleAsync(w => w.Id == request.WorkStreamId, cancellationToken);
        var readable = series.Where(s => s.State == SummaryState.Final && access.MayRead(s, request, workStream)).OrderBy(s => s.VersionNumber).ToList();
        var shown = versionNumber is { } n ? readable.FirstOrDefault(s => s.VersionNumber == n) : readable.LastOrDefault();
        if (shown is null)
        {
            return null;
        }

        var view = await reading.ReadAsync(access, shown.Id, withReferences: true, cancellationToken);
        return view is null ? null : new PublishedReading(view, slug, readable, await ReusedAsync(shown.SeriesId, cancellationToken), shown == readable[^1]);
    }

    /// <summary>How many requests were closed as answered by any version of the series.</summary>
    public Task<int> ReusedAsync(Guid seriesId, CancellationToken cancellationToken) =>
        db.EvidenceRequests.CountAsync(
            r => r.AnsweredBySummaryId != null && db.SearchSummaries.Any(s => s.SeriesId == seriesId && s.Id == r.AnsweredBySummaryId), cancellationToken);

    private static PublishedEntry Entry(SearchSummary s, EvidenceRequest r, WorkStream w) => new(
        s.Id,
        s.Slug!,
        s.Content.Title,
        s.VersionNumber,
        SummaryAccess.EffectiveVisibility(s, r),
        s.PublishedAt ?? s.DeliveredAt ?? s.UpdatedAt,
        s.DeliveredAt,
        w.Key,
        w.Title,
        w.System?.Name ?? string.Empty,
        w.Topics.Select(t => t.Name).Order(StringComparer.Ordinal).ToList());
}
