using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Web.Features.Requests;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Coordination;

/// <summary>
/// Assign or reassign a request: the coordinator picks an active librarian, seeing each one's
/// room and time away, says why, and ticks "assign anyway" to go beyond a librarian's capacity.
/// </summary>
[Authorize(Policy = "AssignRequests")]
[Route("coordination/requests/{id:guid}/assign")]
public sealed class AssignController(
    PortalDbContext db, RequestAssignment assignment, LibrarianCapacity capacity, IAuthorizationService authorization, TimeProvider clock) : Controller
{
    private const string RefusedView = "~/Features/Requests/Views/Refused.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Assign(Guid id, CancellationToken cancellationToken)
    {
        var request = await db.EvidenceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (!RequestAssignment.CanBeAssigned(request))
        {
            return Refused(request, RequestAssignment.NotAssignable(request));
        }

        return View(await PageAsync(request, new AssignForm { Version = request.Version }, cancellationToken));
    }

    [HttpPost("")]
    public async Task<IActionResult> Assign(Guid id, [FromForm] AssignForm form, CancellationToken cancellationToken)
    {
        var viewer = await Viewer.ForAsync(User, authorization);
        var outcome = await assignment.AssignAsync(viewer, id, new AssignInput(form.LibrarianId, form.Reason, form.OverCapacity, form.Version), cancellationToken);
        if (outcome.IsDone)
        {
            return Redirect($"/requests/{id}");
        }

        var request = await db.EvidenceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound || request is null)
        {
            return NotFound();
        }

        if (outcome.Kind == OutcomeKind.Forbidden)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return View(RefusedView, new RefusedPage("You cannot assign this request", outcome.Message!, id));
        }

        if (outcome.Kind == OutcomeKind.Conflict && !RequestAssignment.CanBeAssigned(request))
        {
            return Refused(request, outcome.Message!);
        }

        // Only the use case's messages, in its order (the form's): not the binder's about the hidden version.
        ModelState.Clear();
        foreach (var problem in outcome.Errors)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        if (outcome.Errors.Count == 0)
        {
            ModelState.AddModelError(string.Empty, outcome.Message!);
        }

        Response.StatusCode = outcome.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        // After a conflict the form carries the version now on the page, so a second try is judged on what the coordinator sees.
        var version = outcome.Kind == OutcomeKind.Conflict ? request.Version : form.Version;
        return View(await PageAsync(request, new AssignForm { LibrarianId = form.LibrarianId, Reason = form.Reason, OverCapacity = form.OverCapacity, Version = version }, cancellationToken));
    }

    private ViewResult Refused(EvidenceRequest request, string message)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(RefusedView, new RefusedPage("This request cannot be assigned", message, request.Id));
    }

    private async Task<AssignPage> PageAsync(EvidenceRequest request, AssignForm form, CancellationToken cancellationToken)
    {
        var workStream = await db.WorkStreams.AsNoTracking().Where(w => w.Id == request.WorkStreamId).Select(w => w.Title).SingleAsync(cancellationToken);
        var claimant = request.ClaimantId is null ? null : (await db.DisplayNamesAsync([request.ClaimantId], cancellationToken)).GetValueOrDefault(request.ClaimantId);
        var librarians = (await capacity.AllAsync(cancellationToken))
            .Where(l => l.UserId != request.RequesterId && l.UserId != request.ClaimantId)
            .ToList();
        return new AssignPage(request, workStream, claimant, request.EffectiveDeadline(clock.GetUtcNow()), LibrarianCapacity.Sorted(librarians, "room"), form);
    }
}

/// <summary>The assign form's fields; Version is the request's version when the page was shown.</summary>
public sealed class AssignForm
{
    public string? LibrarianId { get; set; }

    public string? Reason { get; set; }

    public bool OverCapacity { get; set; }

    public int? Version { get; set; }
}

public sealed record AssignPage(EvidenceRequest Request, string WorkStreamTitle, string? ClaimantName, DateOnly Deadline, IReadOnlyList<LibrarianRow> Librarians, AssignForm Form);
