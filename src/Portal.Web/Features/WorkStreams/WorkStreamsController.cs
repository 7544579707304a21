using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Geography;
using Portal.Core.WorkStreams;
using Portal.Data;
using Portal.Web.Features.Requests;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.WorkStreams;

/// <summary>Work streams: everyone reads them; leads and coordinators create and edit them.</summary>
[Authorize(Policy = "ViewWorkStreams")]
[Route("workstreams")]
public sealed class WorkStreamsController(PortalDbContext db, WorkStreamEditor editor, IAuthorizationService authorization, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] WorkStreamFilter filter, CancellationToken cancellationToken)
    {
        var query = db.WorkStreams.AsNoTracking().Include(w => w.System).Include(w => w.Place).Include(w => w.Topics).Include(w => w.Leads).AsSplitQuery();
        if (!string.IsNullOrWhiteSpace(filter.System))
        {
            query = query.Where(w => w.System!.Code == filter.System);
        }

        if (!string.IsNullOrWhiteSpace(filter.Topic))
        {
            query = query.Where(w => w.Topics.Any(t => t.Key == filter.Topic));
        }

        if (Enum.TryParse<WorkStreamStatus>(filter.Status, out var status) && Enum.IsDefined(status))
        {
            query = query.Where(w => w.Status == status);
        }

        var workStreams = await query.OrderBy(w => w.Title).ToListAsync(cancellationToken);
        var names = await db.DisplayNamesAsync(workStreams.SelectMany(w => w.Leads.Select(l => l.UserId)), cancellationToken);
        var systems = await db.GeoAreas.AsNoTracking().Where(a => a.Level == GeoLevel.System && db.WorkStreams.Any(w => w.SystemId == a.Id))
            .OrderBy(a => a.Name).Select(a => new AreaChoice(a.Code, a.Name)).ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Name).Select(t => new TopicChoice(t.Key, t.Name)).ToListAsync(cancellationToken);
        var viewer = await ViewerAsync();
        return View(new WorkStreamsPage(
            filter,
            workStreams.Select(w => WorkStreamCard.From(w, names)).ToList(),
            systems,
            topics,
            viewer.MayCreateWorkStreams));
    }

    [HttpGet("{key}")]
    public async Task<IActionResult> Details(string key, CancellationToken cancellationToken)
    {
        var workStream = await LoadAsync(key, tracked: false, cancellationToken);
        if (workStream is null)
        {
            return NotFound();
        }

        var viewer = await ViewerAsync();
        var now = clock.GetUtcNow();
        IReadOnlyList<RequestRow>? requests = null;
        if (viewer.MaySeeRequestsOf(workStream) || viewer.MayRequestEvidence)
        {
            var visible = await db.EvidenceRequests.AsNoTracking()
                .Where(r => r.WorkStreamId == workStream.Id)
                .OrderByDescending(r => r.UpdatedAt)
                .ToListAsync(cancellationToken);
            visible = visible.Where(r => viewer.MaySee(r, workStream)).ToList();
            var requesters = await db.DisplayNamesAsync(visible.Select(r => r.RequesterId), cancellationToken);
            requests = visible.Select(r => RequestRow.From(r, workStream.Title, requesters.GetValueOrDefault(r.RequesterId, "Unknown"), now)).ToList();
        }

        var leads = await db.DisplayNamesAsync(workStream.Leads.Select(l => l.UserId), cancellationToken);
        return View(new WorkStreamPage(WorkStreamCard.From(workStream, leads), workStream, requests, viewer.MayEdit(workStream), viewer.MayRequestFor(workStream)));
    }

    [Authorize(Policy = "CreateWorkStreams")]
    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var viewer = await ViewerAsync();
        var form = new WorkStreamForm();
        if (!viewer.EditsAllWorkStreams)
        {
            form.Leads.Add(viewer.UserId);
        }

        return View("Edit", new WorkStreamEditPage(null, form, await editor.ChoicesAsync(cancellationToken)));
    }

    [Authorize(Policy = "CreateWorkStreams")]
    [HttpPost("new")]
    public async Task<IActionResult> Create([FromForm] WorkStreamForm form, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var input = form.ToInput(problems);
        var outcome = await editor.CreateAsync(await ViewerAsync(), input, problems, cancellationToken);
        return outcome.IsDone
            ? Redirect($"/workstreams/{outcome.Value!.Key}")
            : await RefusedAsync(outcome, null, form, cancellationToken);
    }

    [HttpGet("{key}/edit")]
    public async Task<IActionResult> Edit(string key, CancellationToken cancellationToken)
    {
        var workStream = await LoadAsync(key, tracked: false, cancellationToken);
        if (workStream is null)
        {
            return NotFound();
        }

        if (!(await ViewerAsync()).MayEdit(workStream))
        {
            return Forbid();
        }

        return View(new WorkStreamEditPage(workStream.Key, WorkStreamForm.From(workStream), await editor.ChoicesAsync(cancellationToken)));
    }

    [HttpPost("{key}/edit")]
    public async Task<IActionResult> Edit(string key, [FromForm] WorkStreamForm form, CancellationToken cancellationToken)
    {
        var workStream = await LoadAsync(key, tracked: true, cancellationToken);
        if (workStream is null)
        {
            return NotFound();
        }

        var problems = new List<FieldProblem>();
        var input = form.ToInput(problems);
        var outcome = await editor.UpdateAsync(await ViewerAsync(), workStream, input, problems, cancellationToken);
        return outcome.IsDone
            ? Redirect($"/workstreams/{workStream.Key}")
            : await RefusedAsync(outcome, workStream.Key, form, cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(Outcome<WorkStream> outcome, string? key, WorkStreamForm form, CancellationToken cancellationToken)
    {
        if (outcome.Kind == OutcomeKind.Forbidden)
        {
            return Forbid();
        }

        foreach (var problem in outcome.Errors)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        Response.StatusCode = outcome.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            ModelState.AddModelError(string.Empty, outcome.Message!);
        }

        return View("Edit", new WorkStreamEditPage(key, form, await editor.ChoicesAsync(cancellationToken)));
    }

    private Task<WorkStream?> LoadAsync(string key, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.WorkStreams.Include(w => w.System).Include(w => w.Place).Include(w => w.Topics).Include(w => w.Leads).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(w => w.Key == key, cancellationToken);
    }

    private Task<Viewer> ViewerAsync() => Viewer.ForAsync(User, authorization);
}

/// <summary>The list's filters, from the query string: a system code, a topic key, a status name.</summary>
public sealed class WorkStreamFilter
{
    public string? System { get; set; }

    public string? Topic { get; set; }

    public string? Status { get; set; }
}

/// <summary>A work stream as lists show it.</summary>
public sealed record WorkStreamCard(
    Guid Id, string Key, string Title, string System, string? Place, WorkStreamStatus Status, IReadOnlyList<string> Topics, IReadOnlyList<string> Leads)
{
    public static WorkStreamCard From(WorkStream w, IReadOnlyDictionary<string, string> names) =>
        new(w.Id, w.Key, w.Title, w.System?.Name ?? string.Empty, w.Place?.Name, w.Status,
            w.Topics.Select(t => t.Name).Order(StringComparer.Ordinal).ToList(),
            w.Leads.Select(l => names.GetValueOrDefault(l.UserId, "Unknown")).Order(StringComparer.Ordinal).ToList());
}

public sealed record WorkStreamsPage(WorkStreamFilter Filter, IReadOnlyList<WorkStreamCard> WorkStreams, IReadOnlyList<AreaChoice> Systems, IReadOnlyList<TopicChoice> Topics, bool MayCreate);

/// <summary>The detail page; <paramref name="Requests"/> is null for people who may not see any of its requests.</summary>
public sealed record WorkStreamPage(WorkStreamCard Card, WorkStream WorkStream, IReadOnlyList<RequestRow>? Requests, bool MayEdit, bool MayRequest);

/// <summary>The create and edit form; <paramref name="Key"/> is null when creating.</summary>
public sealed record WorkStreamEditPage(string? Key, WorkStreamForm Form, WorkStreamChoices Choices);
