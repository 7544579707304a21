using Microsoft.EntityFrameworkCore;
using Portal.Core.Requests;
using Portal.Core.Summaries;
using Portal.Core.WorkStreams;
using Portal.Data;

namespace Portal.Web.Features.Summaries;

/// <summary>A summary with the request it answers and that request's work stream: what every access decision needs.</summary>
public sealed record LoadedSummary(SearchSummary Summary, EvidenceRequest Request, WorkStream WorkStream);

internal static class SummaryLoader
{
    /// <summary>The summary, its request and work stream, tracked for a change; null when there is no such summary.</summary>
    public static async Task<LoadedSummary?> LoadSummaryAsync(this PortalDbContext db, Guid summaryId, CancellationToken cancellationToken)
    {
        var summary = await db.SearchSummaries.FirstOrDefaultAsync(s => s.Id == summaryId, cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var request = await db.EvidenceRequests.FirstAsync(r => r.Id == summary.RequestId, cancellationToken);
        // With its leads: they read the summary of a request of their work stream once it is delivered.
        var workStream = await db.WorkStreams.Include(w => w.Leads).FirstAsync(w => w.Id == request.WorkStreamId, cancellationToken);
        return new LoadedSummary(summary, request, workStream);
    }

    /// <summary>The versions of a request's summaries, newest first (usually one; more after re-runs).</summary>
    public static async Task<IReadOnlyList<SearchSummary>> SummariesOfRequestAsync(this PortalDbContext db, Guid requestId, CancellationToken cancellationToken) =>
        await db.SearchSummaries.AsNoTracking().Where(s => s.RequestId == requestId)
            .OrderByDescending(s => s.VersionNumber).ToListAsync(cancellationToken);

    /// <summary>A summary's references in their order.</summary>
    public static async Task<IReadOnlyList<Reference>> ReferencesOfAsync(this PortalDbContext db, Guid summaryId, CancellationToken cancellationToken) =>
        await db.SummaryReferences.AsNoTracking().Where(r => r.SummaryId == summaryId)
            .OrderBy(r => r.Position).ToListAsync(cancellationToken);
}
