using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Web.Features.Requests;

namespace Portal.Web.Features.Claims;

/// <summary>
/// The work on a request, for the request page: <c>section = "Claim"</c> shows the banner and the
/// claim, mentor, release, question and answer forms; <c>section = "Conversation"</c> the
/// conversation and the time spent. Each shows only what the signed-in person may do or see.
/// </summary>
public sealed class RequestWorkViewComponent(RequestWorkPanels panels, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid requestId, string section)
    {
        var viewer = await Viewer.ForAsync(HttpContext.User, authorization);
        var panel = await panels.ForAsync(viewer, requestId, form: null, TempData, HttpContext.RequestAborted);
        if (panel is null)
        {
            return Content(string.Empty);
        }

        return section switch
        {
            "Claim" => View("/Features/Claims/Views/RequestWork.Claim.cshtml", panel),
            "Conversation" => View("/Features/Claims/Views/RequestWork.Conversation.cshtml", panel),
            _ => throw new ArgumentOutOfRangeException(nameof(section), section, "The request page shows the \"Claim\" and \"Conversation\" sections."),
        };
    }
}
