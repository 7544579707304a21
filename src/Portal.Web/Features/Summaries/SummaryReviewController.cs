using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Summaries;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// The forms of review, delivery and re-runs. Done, or refused for a reason of state, the answer is
/// the summary page with a banner; a form with mistakes comes back on a page of its own with an
/// error summary (422), nothing saved. The reviewer's PRESS form has its own page.
/// </summary>
[Authorize(Policy = "ViewWorkStreams")]
[Route("summaries/{id:guid}")]
public sealed class SummaryReviewController(SummaryWorkflow workflow, SummaryWorkflowPanels panels, IAuthorizationService authorization) : Controller
{
    private const string WritePolicy = "WriteSummaries";
    private const string ReviewPolicyName = "ReviewSummaries";
    private const string ViewsFolder = "/Features/Summaries/Views/";

    /// <summary>Review and delivery on a page of its own: the summary page's section, also where a mistaken form comes back.</summary>
    [HttpGet("workflow")]
    public async Task<IActionResult> Workflow(Guid id, CancellationToken cancellationToken) =>
        (IActionResult?)await WorkflowPageAsync(id, null, cancellationToken) ?? NotFound();

    [HttpPost("review-request")]
    [Authorize(Policy = WritePolicy)]
    public async Task<IActionResult> AskForReview(Guid id, [FromForm(Name = SummaryWorkflow.ReviewerField)] string? reviewerId, CancellationToken cancellationToken)
    {
        var outcome = await workflow.AskForReviewAsync(await AccessAsync(), id, reviewerId, cancellationToken);
        if (outcome.Kind != OutcomeKind.Invalid)
        {
            return Acted(id, outcome, outcome.IsDone ? "Your search has been sent for peer review. You will be told when the reviewer has finished." : null);
        }

        foreach (var problem in outcome.Errors)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        var page = await WorkflowPageAsync(id, reviewerId, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    [HttpPost("deliver")]
    [Authorize(Policy = WritePolicy)]
    public async Task<IActionResult> Deliver(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await workflow.DeliverAsync(await AccessAsync(), id, cancellationToken);
        return Acted(id, outcome, "The summary has been delivered to the requester. It is now final.");
    }

    [HttpPost("rerun")]
    [Authorize(Policy = WritePolicy)]
    public async Task<IActionResult> Rerun(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await workflow.StartRerunAsync(await AccessAsync(), id, cancellationToken);
        if (!outcome.IsDone)
        {
            return Acted(id, outcome, null);
        }

        var next = outcome.Value!;
        Notify($"You started version {next.VersionNumber} of this search. Run each strategy again and record its date and hits; the earlier version is kept as it was.", isError: false);
        return Redirect($"/summaries/{next.Id}");
    }

    [HttpGet("review")]
    [Authorize(Policy = ReviewPolicyName)]
    public async Task<IActionResult> Review(Guid id, CancellationToken cancellationToken)
    {
        var access = await AccessAsync();
        var page = await panels.ReviewPageAsync(access, id, null, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        return page switch
        {
            { State: SummaryState.Draft } => Refused(id, StatusCodes.Status409Conflict, "This summary is not waiting for a review."),
            { State: SummaryState.Final } => Refused(id, StatusCodes.Status409Conflict, "This summary has already been delivered."),
            { MayReviewNow: false } => Refused(id, StatusCodes.Status403Forbidden, "Only the reviewer the author asked can review this search."),
            _ => View(ViewsFolder + "SummaryReview.Form.cshtml", page),
        };
    }

    [HttpPost("review")]
    [Authorize(Policy = ReviewPolicyName)]
    public async Task<IActionResult> Review(Guid id, [FromForm] PressReviewForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var access = await AccessAsync();
        if (form.ChosenOutcome is not { } chosen)
        {
            ModelState.AddModelError(string.Empty, "Choose whether to approve the search or ask for changes");
            return await ReviewFormAgainAsync(access, id, form, cancellationToken);
        }

        var outcome = await workflow.ReviewAsync(access, id, chosen, form.ToInput(), cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                Notify(chosen == ReviewOutcome.Approved
                    ? "You approved the search. The authors have been told they can deliver it."
                    : "You asked for changes. The authors have been told what to change.", isError: false);
                return Redirect($"/summaries/{id}");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Refused(id, StatusCodes.Status403Forbidden, outcome.Message!);
            case OutcomeKind.Conflict:
                return Refused(id, StatusCodes.Status409Conflict, outcome.Message!);
        }

        foreach (var problem in outcome.Errors)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        return await ReviewFormAgainAsync(access, id, form, cancellationToken);
    }

    private async Task<IActionResult> ReviewFormAgainAsync(SummaryAccess access, Guid id, PressReviewForm form, CancellationToken cancellationToken)
    {
        var page = await panels.ReviewPageAsync(access, id, form, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(ViewsFolder + "SummaryReview.Form.cshtml", page);
    }

    private async Task<ViewResult?> WorkflowPageAsync(Guid id, string? chosenReviewer, CancellationToken cancellationToken)
    {
        var panel = await panels.ForAsync(await AccessAsync(), id, chosenReviewer, TempData, cancellationToken);
        return panel is null ? null : View(ViewsFolder + "SummaryWorkflow.Page.cshtml", panel);
    }

    /// <summary>Done or refused for a reason of state: back to the summary with a banner. Not allowed: a page saying so.</summary>
    private IActionResult Acted<T>(Guid id, Outcome<T> outcome, string? success)
        where T : class
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Refused(id, StatusCodes.Status403Forbidden, outcome.Message!);
            case OutcomeKind.Done when success is not null:
                Notify(success, isError: false);
                break;
            case OutcomeKind.Conflict or OutcomeKind.Invalid:
                Notify(outcome.Message!, isError: true);
                break;
        }

        return Redirect($"/summaries/{id}#workflow");
    }

    private ViewResult Refused(Guid id, int status, string message)
    {
        Response.StatusCode = status;
        return View(ViewsFolder + "SummaryRefused.cshtml", new SummaryRefusedPage(status == StatusCodes.Status409Conflict ? "This cannot be done now" : "You cannot do this", message, new SummaryLink("Back to the summary", $"/summaries/{id}")));
    }

    private void Notify(string text, bool isError)
    {
        TempData[WorkflowNotice.TextKey] = text;
        TempData[WorkflowNotice.KindKey] = isError ? "error" : "success";
    }

    private Task<SummaryAccess> AccessAsync() => authorization.SummaryAccessForAsync(User);
}
