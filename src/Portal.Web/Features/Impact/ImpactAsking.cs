using Microsoft.EntityFrameworkCore;
using Portal.Core.Requests;
using Portal.Data;

namespace Portal.Web.Features.Impact;

/// <summary>
/// Finds delivered requests whose requester is due the impact form or its one reminder, and marks
/// each, one request per save (the notice goes out in the same save). Safe on several nodes at
/// once: each save is conditional on the version it read, so only the first node's save lands and
/// the requester is asked once.
/// </summary>
public sealed class ImpactAsking(PortalDbContext db, TimeProvider clock, ImpactOptions options, ILogger<ImpactAsking> logger)
{
    /// <summary>Delivered requests not yet answered whose form or reminder is due; the request decides.</summary>
    public async Task<IReadOnlyList<Guid>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deliveredBy = now.AddDays(-options.AskAfterDays);
        var askedBy = now.AddDays(-options.ReminderAfterDays);
        return await db.EvidenceRequests.AsNoTracking()
            .Where(r => (r.State == RequestState.Delivered || r.State == RequestState.Closed) && r.DeliveredAt != null && r.ImpactAnsweredAt == null)
            .Where(r => (r.ImpactAskedAt == null && r.DeliveredAt <= deliveredBy) || (r.ImpactAskedAt != null && r.ImpactRemindedAt == null && r.ImpactAskedAt <= askedBy))
            .OrderBy(r => r.DeliveredAt)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Asks or reminds about one request and saves it; false when there was nothing to do or another node saved a change first.</summary>
    public async Task<bool> AskAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.EvidenceRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        var now = clock.GetUtcNow();
        if (request is null || !(request.AskForImpact(now, options.AskAfterDays) || request.RemindOfImpact(now, options.ReminderAfterDays)))
        {
            return false;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node asked, or the requester answered or changed the request, since it was read: nothing to do.
            logger.LogDebug("Request {RequestId} changed while its impact form was being sent (another node, or an answer); skipped.", requestId);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
