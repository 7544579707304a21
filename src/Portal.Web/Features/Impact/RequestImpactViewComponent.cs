using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Web.Features.Requests;

namespace Portal.Web.Features.Impact;

/// <summary>
/// The "Impact" section of the request page once the evidence is delivered: for the requester, a
/// link to the form until they answer it, then when they did; for others who may see the
/// request, whether the form was sent and answered. Nothing before delivery.
/// </summary>
public sealed class RequestImpactViewComponent(ImpactAnswering answering, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid requestId)
    {
        var viewer = await Viewer.ForAsync(HttpContext.User, authorization);
        var (found, _) = await answering.OpenAsync(viewer, requestId, tracked: false, HttpContext.RequestAborted);
        if (found is null || !ImpactAnswering.IsDelivered(found.Request))
        {
            return Content(string.Empty);
        }

        var request = found.Request;
        return View("/Features/Impact/Views/RequestImpact.cshtml", new RequestImpactPanel(
            request.Id, IsRequester: request.RequesterId == viewer.UserId && viewer.MayRequestEvidence, request.ImpactAskedAt, request.ImpactRemindedAt, request.ImpactAnsweredAt));
    }
}

public sealed record RequestImpactPanel(Guid RequestId, bool IsRequester, DateTimeOffset? AskedAt, DateTimeOffset? RemindedAt, DateTimeOffset? AnsweredAt);
