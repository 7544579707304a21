using Microsoft.EntityFrameworkCore;
using Portal.Core.Summaries;
using Portal.Data;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// Finds final summaries whose review date has come and reminds their authors, one summary per
/// save, on the newest version of each search only (an older version has been re-run already).
/// Safe on several nodes at once: each save is conditional on the version it read, so when two
/// nodes remind of the same summary only the first save lands and the authors are told once.
/// </summary>
public sealed class SummaryReviewReminders(PortalDbContext db, TimeProvider clock, ILogger<SummaryReviewReminders> logger)
{
    /// <summary>The newest versions of their series that are final, not yet reminded of, and due.</summary>
    public async Task<IReadOnlyList<Guid>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await db.SearchSummaries.AsNoTracking()
            .Where(s => s.State == SummaryState.Final && s.ReviewRemindedAt == null && s.Content.ReviewDate != null && s.Content.ReviewDate <= today)
            .Where(s => !db.SearchSummaries.Any(newer => newer.SeriesId == s.SeriesId && newer.VersionNumber > s.VersionNumber))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Reminds of one summary and saves it; false when there was nothing to do, it was re-run meanwhile, or another node saved first.</summary>
    public async Task<bool> RemindAsync(Guid summaryId, CancellationToken cancellationToken)
    {
        var summary = await db.SearchSummaries.SingleOrDefaultAsync(s => s.Id == summaryId, cancellationToken);
        if (summary is null
            || await db.SearchSummaries.AnyAsync(newer => newer.SeriesId == summary.SeriesId && newer.VersionNumber > summary.VersionNumber, cancellationToken)
            || !summary.RemindOfReviewDate(clock.GetUtcNow()))
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
            logger.LogDebug("Summary {SummaryId} changed while its review reminder was being saved (another node); skipped.", summaryId);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
