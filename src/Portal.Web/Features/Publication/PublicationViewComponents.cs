using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Requests;
using Portal.Core.Summaries;
using Portal.Data;
using Portal.Web.Features.Requests;
using Portal.Web.Features.Summaries;

namespace Portal.Web.Features.Publication;

/// <summary>
/// The requester's "Sharing the summary" section on the request page, once the request is delivered
/// or closed with a final summary: who may read it and the choice to change that. Nothing for anyone else.
/// Used as <c>@await Component.InvokeAsync("SharingConsent", new { requestId })</c>.
/// </summary>
public sealed class SharingConsentViewComponent(PortalDbContext db, RequestActions requests, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid requestId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var viewer = await Viewer.ForAsync(HttpContext.User, authorization);
        var found = await requests.FindVisibleAsync(viewer, requestId, tracked: false, cancellationToken);
        if (found is null || found.Request.RequesterId != viewer.UserId || found.Request.State is not (RequestState.Delivered or RequestState.Closed))
        {
            return Content(string.Empty);
        }

        var versions = await db.SummariesOfRequestAsync(requestId, cancellationToken);
        var newest = versions.FirstOrDefault(s => s.State == SummaryState.Final);
        return newest is null
            ? Content(string.Empty)
            : View("/Features/Publication/Views/SharingConsent.cshtml", new SharingConsentPanel(requestId, found.Request.SharingConsent, newest.Visibility, newest.Slug, TempData[PublicationController.NoticeKey] as string));
    }
}

public sealed record SharingConsentPanel(Guid RequestId, SummaryVisibility Consent, SummaryVisibility Published, string? Slug, string? Notice);

/// <summary>
/// The "Sharing" section of the summary page: who may read it now, its stable address, how often it
/// was reused, and for its authors and coordinators the form to publish or withdraw it.
/// Used as <c>@await Component.InvokeAsync("SummaryPublication", new { summaryId })</c>.
/// </summary>
public sealed class SummaryPublicationViewComponent(PortalDbContext db, PublishedSummaries published, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid summaryId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var access = await authorization.SummaryAccessForAsync(HttpContext.User);
        var loaded = await db.LoadSummaryAsync(summaryId, cancellationToken);
        if (loaded is null || !access.MayRead(loaded.Summary, loaded.Request, loaded.WorkStream) || loaded.Summary.State != SummaryState.Final)
        {
            return Content(string.Empty);
        }

        var (summary, request, _) = loaded;
        return View("/Features/Publication/Views/SummaryPublication.cshtml", new SummaryPublicationPanel(
            summary.Id,
            SummaryAccess.EffectiveVisibility(summary, request),
            request.SharingConsent,
            summary.Slug,
            await published.ReusedAsync(summary.SeriesId, cancellationToken),
            access.MayPublish(summary),
            TempData[PublicationController.NoticeKey] as string));
    }
}

public sealed record SummaryPublicationPanel(
    Guid SummaryId, SummaryVisibility Visibility, SummaryVisibility Consent, string? Slug, int Reused, bool MayPublish, string? Notice);

/// <summary>
/// A list of published summaries the person may read: a work stream's (by its key), or the newest
/// few for the home page. Used as <c>@await Component.InvokeAsync("PublishedSummaries", new { workStream, limit })</c>.
/// </summary>
public sealed class PublishedSummariesViewComponent(PublishedSummaries published, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? workStream, int? limit, string heading)
    {
        var access = await authorization.SummaryAccessForAsync(HttpContext.User);
        var entries = await published.ListAsync(access, new PublishedFilter { WorkStream = workStream }, HttpContext.RequestAborted);
        if (limit is { } top)
        {
            entries = entries.Take(top).ToList();
        }

        return View("/Features/Publication/Views/PublishedList.cshtml", new PublishedListPanel(heading, entries, workStream is not null));
    }
}

/// <param name="ForWorkStream">On a work stream page the heading and an empty message always show; elsewhere nothing shows when empty.</param>
public sealed record PublishedListPanel(string Heading, IReadOnlyList<PublishedEntry> Entries, bool ForWorkStream);
