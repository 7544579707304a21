using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Requests;
using Portal.Core.WorkStreams;
using Portal.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Requests;

/// <summary>
/// Evidence requests: the form (new and edit), the request page with its timeline and actions, and
/// the lead's dashboard. A request the person may not see is answered with 404.
/// </summary>
[Authorize(Policy = "ViewWorkStreams")]
[Route("requests")]
public sealed class RequestsController(
    PortalDbContext db, RequestActions actions, RequestTimeline timeline, IAuthorizationService authorization) : Controller
{
    private static readonly RequestState[] Withdrawable =
        [RequestState.Draft, RequestState.Submitted, RequestState.Claimed, RequestState.AwaitingRequester, RequestState.InReview];

    [Authorize(Policy = "RequestEvidence")]
    [HttpGet("mine")]
    public async Task<IActionResult> Mine(CancellationToken cancellationToken)
    {
        var viewer = await ViewerAsync();
        var now = actions.Now;
        var mine = await db.EvidenceRequests.AsNoTracking().Where(r => r.RequesterId == viewer.UserId)
            .OrderByDescending(r => r.UpdatedAt).ToListAsync(cancellationToken);
        var workStreams = await db.WorkStreams.AsNoTracking().Include(w => w.Leads)
            .Where(w => w.Leads.Any(l => l.UserId == viewer.UserId) || db.EvidenceRequests.Any(r => r.WorkStreamId == w.Id && r.RequesterId == viewer.UserId))
            .OrderBy(w => w.Title).ToListAsync(cancellationToken);
        var titles = workStreams.ToDictionary(w => w.Id, w => w.Title);
        var me = (await db.DisplayNamesAsync([viewer.UserId], cancellationToken)).GetValueOrDefault(viewer.UserId, "You");
        var rows = mine.Select(r => RequestRow.From(r, titles.GetValueOrDefault(r.WorkStreamId, string.Empty), me, now)).ToList();
        var led = workStreams.Where(w => w.IsLedBy(viewer.UserId)).ToList();
        var ledIds = led.Select(w => w.Id).ToList();
        var openCounts = await db.EvidenceRequests.AsNoTracking()
            .Where(r => ledIds.Contains(r.WorkStreamId) && r.State != RequestState.Delivered && r.State != RequestState.Closed && r.State != RequestState.Withdrawn && r.State != RequestState.Draft)
            .GroupBy(r => r.WorkStreamId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return View(new DashboardPage(
            Enum.GetValues<RequestState>().Select(s => new StateGroup(s, rows.Where(r => r.State == s).ToList())).ToList(),
            rows.Where(r => r.Overdue).ToList(),
            rows.Where(r => r.State == RequestState.AwaitingRequester).ToList(),
            led.Select(w => new DashboardWorkStream(w.Key, w.Title, w.Status, openCounts.GetValueOrDefault(w.Id))).ToList()));
    }

    [Authorize(Policy = "RequestEvidence")]
    [HttpGet("new")]
    public async Task<IActionResult> Create(string? workstream, CancellationToken cancellationToken)
    {
        var form = new RequestForm { WorkStreamId = workstream };
        return View("Form", await FormPageAsync(null, form, cancellationToken));
    }

    [Authorize(Policy = "RequestEvidence")]
    [HttpPost("new")]
    public async Task<IActionResult> Create([FromForm] RequestForm form, [FromForm] string? action, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var input = form.ToInput(problems);
        var outcome = await actions.DraftAsync(await ViewerAsync(), input, problems, action == "submit", cancellationToken);
        return outcome.IsDone
            ? Redirect($"/requests/{outcome.Value!.Id}")
            : await FormRefusedAsync(outcome, null, form, cancellationToken);
    }

    // Everyone signed in may ask; who may see the request is decided by its relationships (else 404).
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var page = await RequestPageAsync(id, new RequestActionForm(), cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [Authorize(Policy = "RequestEvidence")]
    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await ViewerAsync();
        var found = await actions.FindVisibleAsync(viewer, id, tracked: false, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        if (found.Request.RequesterId != viewer.UserId)
        {
            return Refused(StatusCodes.Status403Forbidden, "You cannot edit this request", "Only the person who made the request can edit it.", id);
        }

        if (found.Request.State is not (RequestState.Draft or RequestState.Submitted))
        {
            return Refused(StatusCodes.Status409Conflict, "This request can no longer be edited",
                $"A {EvidenceRequest.StateName(found.Request.State)} request cannot be edited.", id);
        }

        var form = RequestForm.From(RequestInput.From(found.WorkStream.Id, found.Request.Details));
        return View("Form", await FormPageAsync(found, form, cancellationToken));
    }

    [Authorize(Policy = "RequestEvidence")]
    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, [FromForm] RequestForm form, [FromForm] string? action, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var input = form.ToInput(problems);
        var viewer = await ViewerAsync();
        var outcome = await actions.EditAsync(viewer, id, input, problems, action == "submit", cancellationToken);
        if (outcome.IsDone)
        {
            return Redirect($"/requests/{id}");
        }

        var found = await actions.FindVisibleAsync(viewer, id, tracked: false, cancellationToken);
        return await FormRefusedAsync(outcome, found, form, cancellationToken);
    }

    [Authorize(Policy = "RequestEvidence")]
    [HttpPost("{id:guid}/submit")]
    public async Task<IActionResult> Submit(Guid id, CancellationToken cancellationToken) =>
        await ActedAsync(id, await actions.SubmitAsync(await ViewerAsync(), id, cancellationToken), new RequestActionForm(), cancellationToken);

    [Authorize(Policy = "RequestEvidence")]
    [HttpPost("{id:guid}/withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, [FromForm] RequestActionForm form, CancellationToken cancellationToken) =>
        await ActedAsync(id, await actions.WithdrawAsync(await ViewerAsync(), id, form.WithdrawReason, cancellationToken), form, cancellationToken, nameof(form.WithdrawReason));

    [Authorize(Policy = "RequestEvidence")]
    [HttpPost("{id:guid}/close")]
    public async Task<IActionResult> Close(Guid id, [FromForm] RequestActionForm form, CancellationToken cancellationToken) =>
        await ActedAsync(id, await actions.CloseAsAnsweredAsync(await ViewerAsync(), id, form.AnsweredBySummaryId, form.CloseReason, cancellationToken), form, cancellationToken, nameof(form.CloseReason));

    /// <param name="reasonField">The page's name for the action's reason, which the use case calls "Reason".</param>
    private async Task<IActionResult> ActedAsync(Guid id, Outcome<EvidenceRequest> outcome, RequestActionForm form, CancellationToken cancellationToken, string? reasonField = null)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                return Redirect($"/requests/{id}");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Refused(StatusCodes.Status403Forbidden, "You cannot do this", outcome.Message!, id);
        }

        foreach (var problem in outcome.Errors)
        {
            ModelState.AddModelError(problem.Field == RequestActions.ReasonField && reasonField is not null ? reasonField : problem.Field, problem.Message);
        }

        if (outcome.Errors.Count == 0)
        {
            ModelState.AddModelError(string.Empty, outcome.Message!);
        }

        var page = await RequestPageAsync(id, form, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Response.StatusCode = outcome.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Details), page);
    }

    private async Task<IActionResult> FormRefusedAsync(Outcome<EvidenceRequest> outcome, VisibleRequest? found, RequestForm form, CancellationToken cancellationToken)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Refused(StatusCodes.Status403Forbidden, "You cannot do this", outcome.Message!, found?.Request.Id);
            case OutcomeKind.Conflict:
                return Refused(StatusCodes.Status409Conflict, "The request was not changed", outcome.Message!, found?.Request.Id);
        }

        foreach (var problem in outcome.Errors)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Form", await FormPageAsync(found, form, cancellationToken));
    }

    private ViewResult Refused(int status, string heading, string message, Guid? requestId)
    {
        Response.StatusCode = status;
        return View("Refused", new RefusedPage(heading, message, requestId));
    }

    private async Task<RequestFormPage> FormPageAsync(VisibleRequest? found, RequestForm form, CancellationToken cancellationToken)
    {
        var choices = found is null
            ? (await actions.WorkStreamsToRequestForAsync(await ViewerAsync(), cancellationToken)).Select(w => new WorkStreamChoice(w.Id, w.Title)).ToList()
            : [new WorkStreamChoice(found.WorkStream.Id, found.WorkStream.Title)];
        return new RequestFormPage(found?.Request.Id, found?.Request.State, found?.WorkStream.Title, form, choices, actions.Turnaround);
    }

    private async Task<RequestPage?> RequestPageAsync(Guid id, RequestActionForm form, CancellationToken cancellationToken)
    {
        var viewer = await ViewerAsync();
        var found = await actions.FindVisibleAsync(viewer, id, tracked: false, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var (request, workStream) = (found.Request, found.WorkStream);
        var names = await db.DisplayNamesAsync(new[] { request.RequesterId, request.ClaimantId }.OfType<string>(), cancellationToken);
        var now = actions.Now;
        var mine = request.RequesterId == viewer.UserId && viewer.MayRequestEvidence;
        return new RequestPage(
            request,
            workStream.Key,
            workStream.Title,
            names.GetValueOrDefault(request.RequesterId, "Unknown"),
            request.ClaimantId is null ? null : names.GetValueOrDefault(request.ClaimantId, "Unknown"),
            request.EffectiveDeadline(now),
            request.IsOverdue(now),
            await timeline.ForAsync(id, cancellationToken),
            MayEdit: mine && request.State is RequestState.Draft or RequestState.Submitted,
            MaySubmit: mine && request.State == RequestState.Draft,
            MayWithdraw: mine && Withdrawable.Contains(request.State),
            MayCloseAsAnswered: request.State == RequestState.Submitted && viewer.MayCloseAsAnswered(workStream),
            form);
    }

    private Task<Viewer> ViewerAsync() => Viewer.ForAsync(User, authorization);
}

/// <summary>The fields of the request page's action forms: a reason, and the summary that answers the request.</summary>
public sealed class RequestActionForm
{
    public string? WithdrawReason { get; set; }

    public string? CloseReason { get; set; }

    public string? AnsweredBySummaryId { get; set; }
}

public sealed record WorkStreamChoice(Guid Id, string Title);

/// <summary>The request form; <paramref name="RequestId"/> is null for a new request.</summary>
public sealed record RequestFormPage(Guid? RequestId, RequestState? State, string? WorkStreamTitle, RequestForm Form, IReadOnlyList<WorkStreamChoice> WorkStreams, TurnaroundRules Turnaround);

public sealed record RequestPage(
    EvidenceRequest Request, string WorkStreamKey, string WorkStreamTitle, string RequesterName, string? ClaimantName,
    DateOnly EffectiveDeadline, bool Overdue, IReadOnlyList<TimelineEntry> Timeline,
    bool MayEdit, bool MaySubmit, bool MayWithdraw, bool MayCloseAsAnswered, RequestActionForm Form);

public sealed record RefusedPage(string Heading, string Message, Guid? RequestId);

public sealed record StateGroup(RequestState State, IReadOnlyList<RequestRow> Requests);

public sealed record DashboardWorkStream(string Key, string Title, WorkStreamStatus Status, int OpenRequests);

public sealed record DashboardPage(IReadOnlyList<StateGroup> ByState, IReadOnlyList<RequestRow> Overdue, IReadOnlyList<RequestRow> WaitingForMe, IReadOnlyList<DashboardWorkStream> WorkStreams);
