using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Data;
using Portal.Web.Features.Requests;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// The "Search summary" section of the request page: the claimant's button to start it, and links
/// to the versions the person may read. Nothing at all for someone who can do neither (a requester
/// before the summary is delivered), as the summary itself is "not found" for them.
/// </summary>
public sealed class RequestSummaryViewComponent(PortalDbContext db, RequestActions requests, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid requestId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var access = await authorization.SummaryAccessForAsync(HttpContext.User);
        var found = await requests.FindVisibleAsync(access.Viewer, requestId, tracked: false, cancellationToken);
        if (found is null)
        {
            return Content(string.Empty);
        }

        var versions = await db.SummariesOfRequestAsync(requestId, cancellationToken);
        var readable = versions.Where(s => access.MayRead(s, found.Request, found.WorkStream)).ToList();
        var mayStart = versions.Count == 0 && access.MayStart(found.Request);
        if (readable.Count == 0 && !mayStart)
        {
            return Content(string.Empty);
        }

        var links = readable.Select(s => new SummaryVersionLink(s.Id, s.VersionNumber, s.State, s.CreatedAt, s.DeliveredAt)).ToList();
        return View("/Features/Summaries/Views/RequestSummary.cshtml", new RequestSummaryPanel(requestId, mayStart, links, readable.FirstOrDefault()?.Content.Title));
    }
}

/// <param name="Versions">The versions the person may read, newest first.</param>
/// <param name="Title">The title of the newest version they may read.</param>
public sealed record RequestSummaryPanel(Guid RequestId, bool MayStart, IReadOnlyList<SummaryVersionLink> Versions, string? Title);
