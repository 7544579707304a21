using Microsoft.EntityFrameworkCore;
using Portal.Core.Requests;
using Portal.Data;

namespace Portal.Web.Features.Coordination;

/// <summary>
/// Finds the requests coordinators should be told about and flags them, one request per save.
/// Safe on several nodes at once: each save is conditional on the version it read, so when two
/// nodes flag the same request only the first save lands; the other fails with a concurrency
/// exception and skips the request, and coordinators are told once.
/// </summary>
public sealed class Escalation(PortalDbContext db, TimeProvider clock, CoordinationOptions options, ILogger<Escalation> logger)
{
    /// <summary>
    /// The requests that may need flagging, oldest first. A cheap filter only: the request decides,
    /// since time spent waiting for the requester moves its deadline on.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var submittedBy = now.AddDays(-options.UnclaimedAfterDays);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return await db.EvidenceRequests.AsNoTracking()
            .Where(r => (r.State == RequestState.Submitted && r.EscalatedUnclaimedAt == null && r.SubmittedAt <= submittedBy)
                || ((r.State == RequestState.Claimed || r.State == RequestState.InReview) && r.EscalatedOverdueAt == null && r.Details.Deadline < today))
            .OrderBy(r => r.SubmittedAt)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Flags one request and saves it; false when there was nothing to flag or another node saved a change first.</summary>
    public async Task<bool> EscalateAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.EvidenceRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        var now = clock.GetUtcNow();
        if (request is null || !(request.FlagUnclaimed(now, options.UnclaimedAfterDays) || request.FlagOverdue(now)))
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
            // Another node escalated it, or someone claimed or changed it, since it was read: nothing to do.
            logger.LogDebug("Request {RequestId} changed while it was being escalated (another node, or a claim); skipped.", requestId);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
