using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// Review, delivery and re-runs on the summary page, for the person looking: an author's "ask for a
/// peer review", "deliver" and "re-run", the reviewer's link to the PRESS form, and the history of
/// reviews for every reader. Nothing when the person may not read the summary.
/// Used as <c>@await Component.InvokeAsync("SummaryWorkflow", new { summaryId })</c>.
/// </summary>
public sealed class SummaryWorkflowViewComponent(SummaryWorkflowPanels panels, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid summaryId)
    {
        var access = await authorization.SummaryAccessForAsync(HttpContext.User);
        var panel = await panels.ForAsync(access, summaryId, chosenReviewer: null, TempData, HttpContext.RequestAborted);
        return panel is null ? Content(string.Empty) : View("/Features/Summaries/Views/SummaryWorkflow.cshtml", panel);
    }
}
