using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Requests;
using Portal.Web.Features.Requests;

namespace Portal.Web.Features.Search;

/// <summary>
/// The request form's "Check for summaries that may already answer this" button without
/// JavaScript: the form is posted here (formaction) and shown again with what was typed and the
/// suggestions. Nothing is saved, so nothing is validated; the antiforgery token is checked as on
/// every post, and the form rendered again carries a fresh one.
/// </summary>
[Authorize(Policy = "RequestEvidence")]
[Route("requests")]
public sealed class SimilarRequestFormController(RequestActions actions, IAuthorizationService authorization) : Controller
{
    private const string FormView = "/Features/Requests/Views/Form.cshtml";

    [HttpPost("new/similar")]
    public async Task<IActionResult> Create([FromForm] RequestForm form, CancellationToken cancellationToken)
    {
        var viewer = await Viewer.ForAsync(User, authorization);
        var choices = (await actions.WorkStreamsToRequestForAsync(viewer, cancellationToken)).Select(w => new WorkStreamChoice(w.Id, w.Title)).ToList();
        return Shown(new RequestFormPage(null, null, null, form, choices, actions.Turnaround));
    }

    [HttpPost("{id:guid}/edit/similar")]
    public async Task<IActionResult> Edit(Guid id, [FromForm] RequestForm form, CancellationToken cancellationToken)
    {
        var viewer = await Viewer.ForAsync(User, authorization);
        var found = await actions.FindVisibleAsync(viewer, id, tracked: false, cancellationToken);
        // The edit page's own rules: only the requester, only while it can still be edited.
        if (found is null || found.Request.RequesterId != viewer.UserId || found.Request.State is not (RequestState.Draft or RequestState.Submitted))
        {
            return NotFound();
        }

        return Shown(new RequestFormPage(id, found.Request.State, found.WorkStream.Title, form, [new WorkStreamChoice(found.WorkStream.Id, found.WorkStream.Title)], actions.Turnaround));
    }

    private ViewResult Shown(RequestFormPage page)
    {
        // What was typed is shown again, not checked: errors would only appear on saving.
        ModelState.Clear();
        HttpContext.Items[SimilarSummaries.CheckedKey] = true;
        return View(FormView, page);
    }
}
