using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Data;
using Portal.Web.Features.Librarians;

namespace Portal.Web.Features.Coordination;

/// <summary>
/// The coordinator's pages: the pipeline board, who has room, and the activity report with its
/// CSV. Filters come in the address (GET forms), so a view can be bookmarked or shared; a filter
/// that makes no sense is a 400 with a message, never an error page.
/// </summary>
[Authorize(Policy = "ViewPipeline")]
[Route("coordination")]
public sealed class CoordinationController(
    PortalDbContext db, PipelineBoard board, LibrarianCapacity capacity, ActivityReport activity, IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Board(string? system, CancellationToken cancellationToken)
    {
        var (chosen, problem) = await db.ReadSystemFilterAsync(system, "System", cancellationToken);
        if (problem is not null)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        var mayAssign = (await authorization.AuthorizeAsync(User, LibrariansPermissions.AssignRequests.Name)).Succeeded;
        return View(await board.BuildAsync(chosen, mayAssign, cancellationToken));
    }

    [HttpGet("librarians")]
    public async Task<IActionResult> Librarians(string? sort, CancellationToken cancellationToken)
    {
        var rows = await capacity.AllAsync(cancellationToken);
        var order = sort is "name" or "system" or "service" ? sort : "room";
        return View(new CapacityPage(LibrarianCapacity.Sorted(rows, order), order));
    }

    [HttpGet("activity")]
    public async Task<IActionResult> Activity([FromQuery] ActivityFilter filter, CancellationToken cancellationToken)
    {
        var (query, problems) = await activity.ReadAsync(filter, cancellationToken);
        var services = await activity.ServicesAsync(cancellationToken);
        var systems = await db.SystemsWithWorkStreamsAsync(cancellationToken);
        if (query is null)
        {
            ModelState.Clear();
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new ActivityPage(filter, systems, services, activity.ThisFinancialYear, null));
        }

        return View(new ActivityPage(filter, systems, services, activity.ThisFinancialYear, await activity.RunAsync(query, cancellationToken)));
    }

    [HttpGet("activity.csv")]
    public async Task<IActionResult> ActivityCsvFile([FromQuery] ActivityFilter filter, CancellationToken cancellationToken)
    {
        var (query, problems) = await activity.ReadAsync(filter, cancellationToken);
        if (query is null)
        {
            ModelState.Clear();
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            return ValidationProblem(ModelState);
        }

        var table = await activity.RunAsync(query, cancellationToken);
        return File(ActivityCsv.Write(table), "text/csv; charset=utf-8", ActivityCsv.FileName(query));
    }
}

public sealed record CapacityPage(IReadOnlyList<LibrarianRow> Librarians, string Sort);

/// <summary>The report page: the filters as typed, the choices, and the table when the filters made sense.</summary>
public sealed record ActivityPage(ActivityFilter Filter, IReadOnlyList<SystemChoice> Systems, IReadOnlyList<string> Services, Portal.Core.Reporting.ReportingPeriod ThisYear, ActivityTable? Table);
