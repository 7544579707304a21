using Microsoft.EntityFrameworkCore;
using Portal.Core.Summaries;
using Portal.Data;
using Portal.Web.Features.Digest;
using Portal.Web.Features.Requests;
using Portal.Web.Features.Summaries;

namespace Portal.Web.Features.Publication;

/// <summary>
/// "New summaries on your subscriptions": summaries published in the digest's period on a topic or a
/// work stream the reader follows, at most <see cref="Top"/>, newest first. A digest reader is an
/// active account, so a member: they read what is published to members and to the public.
/// </summary>
public sealed class NewSummariesDigestSection(PortalDbContext db) : IDigestSection
{
    public const int Top = 10;

    public int Order => 200;

    public async Task<DigestSection?> BuildAsync(DigestReader reader, DigestPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(period);
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.UserId == reader.UserId).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            return null;
        }

        var topicIds = subscriptions.Where(s => s.TopicId is not null).Select(s => s.TopicId!.Value).ToList();
        var workStreamIds = subscriptions.Where(s => s.WorkStreamId is not null).Select(s => s.WorkStreamId!.Value).ToList();
        var (since, until) = (period.Since, period.Until);
        var rows = await (
            from s in db.SearchSummaries.AsNoTracking()
            join r in db.EvidenceRequests.AsNoTracking() on s.RequestId equals r.Id
            join w in db.WorkStreams.AsNoTracking() on r.WorkStreamId equals w.Id
            where s.State == SummaryState.Final && s.Slug != null && s.Visibility != SummaryVisibility.RequesterOnly
                && r.SharingConsent != SummaryVisibility.RequesterOnly
                && s.PublishedAt > since && s.PublishedAt <= until
                && (workStreamIds.Contains(w.Id) || w.Topics.Any(t => topicIds.Contains(t.Id)))
            select new { s, r, WorkStream = w.Title })
            .ToListAsync(cancellationToken);

        // The reader is a member: published to members or the public, within the requester's consent.
        var access = new SummaryAccess(new Viewer(reader.UserId, false, false, false, false, false, false), MayWrite: false, MayReview: false, IsMember: true);
        var items = rows.Where(x => access.ReadsPublished(x.s, x.r))
            .GroupBy(x => x.s.Slug)
            .Select(g => g.MaxBy(x => x.s.VersionNumber)!)
            .OrderByDescending(x => x.s.PublishedAt)
            .Take(Top)
            .Select(x => new DigestItem(
                $"{x.s.Content.Title} ({x.WorkStream}{(x.s.VersionNumber > 1 ? $", version {x.s.VersionNumber}" : string.Empty)})",
                $"/evidence/{x.s.Slug}"))
            .ToList();
        return items.Count == 0 ? null : new DigestSection("New summaries on your subscriptions", items);
    }
}
