using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Web.Features.Librarians;
using Portal.Web.Features.Requests;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Claims;

/// <summary>
/// The forms of the request page for the work on it: claim, mentor, release, ask and answer, the
/// conversation and time. Done or refused for a reason of state (someone claimed it first), the
/// answer is the request page with a banner; a form with a mistake comes back on a page of its own,
/// with an error summary. Each form also has that page (GET), so the address always works.
/// </summary>
[Authorize(Policy = "ViewWorkStreams")]
[Route("requests/{id:guid}")]
public sealed class ClaimsController(ClaimActions actions, RequestWorkPanels panels, IAuthorizationService authorization) : Controller
{
    private const string LibrarianPolicy = "ClaimRequests";

    [HttpGet("claim")]
    [Authorize(Policy = LibrarianPolicy)]
    public Task<IActionResult> Claim(Guid id, CancellationToken cancellationToken) =>
        FormPageAsync(id, ClaimForms.Claim, cancellationToken);

    [HttpPost("claim")]
    [Authorize(Policy = LibrarianPolicy)]
    public async Task<IActionResult> Claim(Guid id, [FromForm] ClaimsForm form, CancellationToken cancellationToken) =>
        await ActedAsync(id, ClaimForms.Claim, form, await actions.ClaimAsync(await ViewerAsync(), id, form.MentorId, cancellationToken), "You have claimed this request.", cancellationToken);

    [HttpPost("mentor")]
    [Authorize(Policy = LibrarianPolicy)]
    public async Task<IActionResult> JoinAsMentor(Guid id, CancellationToken cancellationToken) =>
        await ActedAsync(id, ClaimForms.Claim, new ClaimsForm(), await actions.JoinAsMentorAsync(await ViewerAsync(), id, cancellationToken), "You are now mentoring this search.", cancellationToken);

    [HttpGet("release")]
    [Authorize(Policy = LibrarianPolicy)]
    public Task<IActionResult> Release(Guid id, CancellationToken cancellationToken) =>
        FormPageAsync(id, ClaimForms.Release, cancellationToken);

    [HttpPost("release")]
    [Authorize(Policy = LibrarianPolicy)]
    public async Task<IActionResult> Release(Guid id, [FromForm] ClaimsForm form, CancellationToken cancellationToken) =>
        await ActedAsync(id, ClaimForms.Release, form, await actions.ReleaseAsync(await ViewerAsync(), id, form.ReleaseReason, cancellationToken), "You have released this request. It is back with the librarians.", cancellationToken);

    [HttpGet("question")]
    [Authorize(Policy = LibrarianPolicy)]
    public Task<IActionResult> Ask(Guid id, CancellationToken cancellationToken) =>
        FormPageAsync(id, ClaimForms.Question, cancellationToken);

    [HttpPost("question")]
    [Authorize(Policy = LibrarianPolicy)]
    public async Task<IActionResult> Ask(Guid id, [FromForm] ClaimsForm form, CancellationToken cancellationToken) =>
        await ActedAsync(id, ClaimForms.Question, form, await actions.AskRequesterAsync(await ViewerAsync(), id, form.Question, cancellationToken), "Your question has been sent. The deadline is paused until the requester answers.", cancellationToken);

    [HttpGet("answer")]
    public Task<IActionResult> Answer(Guid id, CancellationToken cancellationToken) =>
        FormPageAsync(id, ClaimForms.Answer, cancellationToken);

    [HttpPost("answer")]
    public async Task<IActionResult> Answer(Guid id, [FromForm] ClaimsForm form, CancellationToken cancellationToken) =>
        await ActedAsync(id, ClaimForms.Answer, form, await actions.AnswerAsync(await ViewerAsync(), id, form.Answer, cancellationToken), "Your answer has been sent to the librarian.", cancellationToken);

    [HttpGet("messages")]
    public Task<IActionResult> Message(Guid id, CancellationToken cancellationToken) =>
        FormPageAsync(id, ClaimForms.Message, cancellationToken);

    [HttpPost("messages")]
    public async Task<IActionResult> Message(Guid id, [FromForm] ClaimsForm form, CancellationToken cancellationToken) =>
        await ActedAsync(id, ClaimForms.Message, form, await actions.PostMessageAsync(await ViewerAsync(), id, form.Message, cancellationToken), null, cancellationToken);

    [HttpGet("time")]
    [Authorize(Policy = LibrarianPolicy)]
    public Task<IActionResult> Time(Guid id, CancellationToken cancellationToken) =>
        FormPageAsync(id, ClaimForms.Time, cancellationToken);

    [HttpPost("time")]
    [Authorize(Policy = LibrarianPolicy)]
    public async Task<IActionResult> Time(Guid id, [FromForm] ClaimsForm form, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var input = form.ToTimeInput(problems);
        var outcome = await actions.RecordTimeAsync(await ViewerAsync(), id, input, problems, cancellationToken);
        return await ActedAsync(id, ClaimForms.Time, form, outcome, outcome.IsDone ? $"You recorded {ClaimNotices.Duration(outcome.Value!.Minutes)}." : null, cancellationToken);
    }

    private async Task<IActionResult> ActedAsync<T>(Guid id, ClaimForm which, ClaimsForm form, Outcome<T> outcome, string? success, CancellationToken cancellationToken)
        where T : class
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                return BackToRequest(id, which, success, isError: false);
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return View("/Features/Requests/Views/Refused.cshtml", new RefusedPage("You cannot do this", outcome.Message!, id));
            case OutcomeKind.Conflict:
                return BackToRequest(id, which, outcome.Message, isError: true);
            case OutcomeKind.Invalid when outcome.Errors.All(e => e.Field.Length == 0):
                return BackToRequest(id, which, outcome.Message, isError: true);
        }

        foreach (var problem in outcome.Errors)
        {
            var field = ClaimsForm.FieldFor(problem.Field, which.TextField);
            if (!ModelState.TryGetValue(field, out var entry) || entry.Errors.Count == 0)
            {
                ModelState.AddModelError(field, problem.Message);
            }
        }

        var page = await PageAsync(id, which, form, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("RequestWorkForm", page);
    }

    private async Task<IActionResult> FormPageAsync(Guid id, ClaimForm which, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, which, null, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        return which.IsOffered(page.Panel) ? View("RequestWorkForm", page) : Redirect($"/requests/{id}");
    }

    private async Task<ClaimFormPage?> PageAsync(Guid id, ClaimForm which, ClaimsForm? form, CancellationToken cancellationToken)
    {
        var panel = await panels.ForAsync(await ViewerAsync(), id, form, tempData: null, cancellationToken);
        return panel is null ? null : new ClaimFormPage(panel, which);
    }

    /// <summary>Back to the request page, at the section the form belongs to, with a banner saying what happened.</summary>
    private RedirectResult BackToRequest(Guid id, ClaimForm which, string? notice, bool isError)
    {
        if (notice is not null)
        {
            TempData[ClaimNotices.TextKey] = notice;
            TempData[ClaimNotices.KindKey] = isError ? "error" : "success";
        }

        return Redirect($"/requests/{id}#{(isError || notice is not null ? "claim" : which.Anchor)}");
    }

    private Task<Viewer> ViewerAsync() => Viewer.ForAsync(User, authorization);
}

/// <summary>The request page's form on a page of its own, with the panel it belongs to.</summary>
public sealed record ClaimFormPage(RequestWorkPanel Panel, ClaimForm Form);

/// <summary>One of the forms: its partial view, heading, the name of its text box and where it sits on the request page.</summary>
public sealed record ClaimForm(string Name, string Heading, string TextField, string Anchor, Func<RequestWorkPanel, bool> IsOffered)
{
    public string Partial => $"/Features/Claims/Views/ClaimForm.{Name}.cshtml";
}

public static class ClaimForms
{
    public static readonly ClaimForm Claim = new(nameof(Claim), "Claim this request", nameof(ClaimsForm.MentorId), "claim", p => p.MayClaim);
    public static readonly ClaimForm Release = new(nameof(Release), "Release this request", nameof(ClaimsForm.ReleaseReason), "claim", p => p.MayRelease);
    public static readonly ClaimForm Question = new(nameof(Question), "Ask the requester a question", nameof(ClaimsForm.Question), "claim", p => p.MayAsk);
    public static readonly ClaimForm Answer = new(nameof(Answer), "Answer the librarian's question", nameof(ClaimsForm.Answer), "claim", p => p.MayAnswer);
    public static readonly ClaimForm Message = new(nameof(Message), "Send a message", nameof(ClaimsForm.Message), "conversation", p => p.MayPost);
    public static readonly ClaimForm Time = new(nameof(Time), "Record time spent", nameof(ClaimsForm.TimeHours), "time", p => p.MayRecordTime);
}
