using Microsoft.EntityFrameworkCore;
using Portal.Core.Summaries;
using Portal.Data;

namespace Portal.Web.Features.Summaries;

public static class SummaryAuthorship
{
    /// <summary>
    /// When a request passes to another librarian (assigned, or claimed after a release), they become
    /// an author of its unfinished summary so they can carry on with the draft. Tracked, so it is
    /// saved with the change of claimant.
    /// </summary>
    public static async Task AddAuthorToUnfinishedSummaryAsync(this PortalDbContext db, Guid requestId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unfinished = await db.SearchSummaries.Where(s => s.RequestId == requestId && s.State != SummaryState.Final).ToListAsync(cancellationToken);
        foreach (var summary in unfinished)
        {
            summary.AddAuthor(userId, now);
        }
    }
}
