using Microsoft.EntityFrameworkCore;
using Portal.Core.Requests;
using Portal.Data;

namespace Portal.Web.Features.Notifications;

/// <summary>
/// Finds claims whose deadline is close and reminds their claimants, one request per save. Safe on
/// several nodes at once: each save is conditional on the version it read, so when two nodes remind
/// of the same request only the first save lands and the claimant is reminded once.
/// </summary>
public sealed class DeadlineReminders(PortalDbContext db, TimeProvider clock, NotificationOptions options, ILogger<DeadlineReminders> logger)
{
    /// <summary>
    /// Claimed requests not yet reminded whose deadline as set is close. A cheap filter only: time
    /// spent waiting for the requester moves the deadline on, so the request decides.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var latest = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(options.ReminderDaysBefore);
        return await db.EvidenceRequests.AsNoTracking()
            .Where(r => r.State == RequestState.Claimed && r.DeadlineRemindedAt == null && r.Details.Deadline <= latest)
            .OrderBy(r => r.Details.Deadline)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Reminds of one request and saves it; false when there was nothing to do or another node saved a change first.</summary>
    public async Task<bool> RemindAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.EvidenceRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !request.RemindOfDeadline(clock.GetUtcNow(), options.ReminderDaysBefore))
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
            // Another node reminded of it, or someone released or changed it, since it was read: nothing to do.
            logger.LogDebug("Request {RequestId} changed while its deadline reminder was being saved (another node, or a change to the claim); skipped.", requestId);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
