using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Impact;
using Portal.Data;
using Portal.Web.Features.Requests;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Impact;

/// <summary>The impact form as typed: the names of the chosen boxes, and the hours as text so a mistyped number can be shown back.</summary>
public sealed class ImpactForm
{
    public List<string> Uses { get; set; } = [];

    public List<string> ContributedTo { get; set; } = [];

    public string? HoursSaved { get; set; }

    public string? WouldRecommend { get; set; }

    public string? Comments { get; set; }

    public bool CaseStudyConsent { get; set; }
}

/// <summary>
/// The impact form of a delivered request, for its requester. Someone who may not see the request
/// gets 404, someone who may see it but did not make it 403; once answered, the page thanks them,
/// and a second answer is refused with 409. Nothing is saved when the form has a mistake (422).
/// </summary>
[Authorize(Policy = "RequestEvidence")]
[Route("requests/{id:guid}/impact")]
public sealed class ImpactFormController(PortalDbContext db, ImpactAnswering answering, IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Form(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await Viewer.ForAsync(User, authorization);
        var (found, refusal) = await answering.OpenAsync(viewer, id, tracked: false, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        if (refusal?.Message == ImpactAnswering.AlreadyAnswered)
        {
            var answeredAt = await db.ImpactAnswers.AsNoTracking().Where(a => a.RequestId == id).Select(a => (DateTimeOffset?)a.AnsweredAt).FirstOrDefaultAsync(cancellationToken);
            return View("Answered", new ImpactAnsweredPage(id, found.Request.Details.Question, answeredAt, Again: false));
        }

        return refusal is null ? View(new ImpactFormPage(id, found.Request.Details.Question, new ImpactForm())) : Refused(refusal, id);
    }

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Form(Guid id, [FromForm] ImpactForm form, CancellationToken cancellationToken)
    {
        var viewer = await Viewer.ForAsync(User, authorization);
        var problems = new List<FieldProblem>();
        var hours = ImpactInput.ReadHours(form.HoursSaved, problems);
        var details = ImpactInput.Read(form.Uses, form.ContributedTo, hours, form.WouldRecommend, form.Comments, form.CaseStudyConsent, problems);
        var outcome = await answering.AnswerAsync(viewer, id, details, problems, cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                return Redirect(ImpactPaths.Form(id));
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Conflict when outcome.Message == ImpactAnswering.AlreadyAnswered:
                Response.StatusCode = StatusCodes.Status409Conflict;
                var question = await db.EvidenceRequests.AsNoTracking().Where(r => r.Id == id).Select(r => r.Details.Question).SingleAsync(cancellationToken);
                var answeredAt = await db.ImpactAnswers.AsNoTracking().Where(a => a.RequestId == id).Select(a => (DateTimeOffset?)a.AnsweredAt).FirstOrDefaultAsync(cancellationToken);
                return View("Answered", new ImpactAnsweredPage(id, question, answeredAt, Again: true));
            case OutcomeKind.Forbidden or OutcomeKind.Conflict:
                return Refused(outcome, id);
        }

        ModelState.Clear();
        foreach (var problem in outcome.Errors)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        if (outcome.Errors.Count == 0)
        {
            ModelState.AddModelError(string.Empty, outcome.Message!);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var asked = await db.EvidenceRequests.AsNoTracking().Where(r => r.Id == id).Select(r => r.Details.Question).SingleAsync(cancellationToken);
        return View(new ImpactFormPage(id, asked, form));
    }

    private ViewResult Refused(Outcome<ImpactAnswer> refusal, Guid id)
    {
        Response.StatusCode = refusal.Kind == OutcomeKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
        var heading = refusal.Kind == OutcomeKind.Forbidden ? "You cannot answer this impact form" : "The impact form is not open";
        return View("/Features/Requests/Views/Refused.cshtml", new RefusedPage(heading, refusal.Message!, id));
    }
}

public sealed record ImpactFormPage(Guid RequestId, string Question, ImpactForm Form);

/// <param name="Again">True when they tried to answer a second time (the page is a 409).</param>
public sealed record ImpactAnsweredPage(Guid RequestId, string Question, DateTimeOffset? AnsweredAt, bool Again);
