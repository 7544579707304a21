using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Content;
using Portal.Core.Impact;
using Portal.Core.Reporting;
using Portal.Data;
using Portal.Web.Features.Coordination;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Impact;

/// <summary>
/// The coordinator's impact report with its CSV, and the case studies drafted from answers.
/// Filters come in the address (GET forms), so a view can be bookmarked; a filter that makes no
/// sense is a 400 with a message, never an error page.
/// </summary>
[Authorize(Policy = "ViewPipeline")]
[Route("coordination/impact")]
public sealed class ImpactReportController(PortalDbContext db, ImpactReport report, CaseStudies caseStudies, MarkdownRenderer markdown) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Report([FromQuery] ImpactFilter filter, CancellationToken cancellationToken)
    {
        var (query, problems) = await report.ReadAsync(filter, cancellationToken);
        var systems = await db.SystemsWithWorkStreamsAsync(cancellationToken);
        var workStreams = await report.WorkStreamsAsync(cancellationToken);
        var studies = await caseStudies.AllAsync(cancellationToken);
        if (query is null)
        {
            AddProblems(problems);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new ImpactReportPage(filter, systems, workStreams, report.ThisFinancialYear, null, studies));
        }

        return View(new ImpactReportPage(filter, systems, workStreams, report.ThisFinancialYear, await report.RunAsync(query, cancellationToken), studies));
    }

    [HttpGet("~/coordination/impact.csv")]
    public async Task<IActionResult> Csv([FromQuery] ImpactFilter filter, CancellationToken cancellationToken)
    {
        var (query, problems) = await report.ReadAsync(filter, cancellationToken);
        if (query is null)
        {
            AddProblems(problems);
            return ValidationProblem(ModelState);
        }

        return File(ImpactCsv.Write(await report.RunAsync(query, cancellationToken)), "text/csv; charset=utf-8", ImpactCsv.FileName(query));
    }

    [HttpPost("{answerId:guid}/case-study")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> StartCaseStudy(Guid answerId, CancellationToken cancellationToken)
    {
        var outcome = await caseStudies.StartAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, answerId, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done => Redirect(ImpactPaths.CaseStudy(outcome.Value!.Id) + "/edit"),
            OutcomeKind.NotFound => NotFound(),
            _ => Refused(outcome.Message!),
        };
    }

    [HttpGet("case-studies/{id:guid}")]
    public async Task<IActionResult> CaseStudy(Guid id, CancellationToken cancellationToken)
    {
        var study = await caseStudies.FindAsync(id, cancellationToken);
        return study is null ? NotFound() : View(new CaseStudyPage(study, markdown.ToSafeHtml(study.Story, "story-")));
    }

    [HttpGet("case-studies/{id:guid}/edit")]
    public async Task<IActionResult> EditCaseStudy(Guid id, CancellationToken cancellationToken)
    {
        var study = await caseStudies.FindAsync(id, cancellationToken);
        return study is null ? NotFound() : View(new CaseStudyEditPage(id, new CaseStudyForm { Title = study.Title, Story = study.Story }));
    }

    [HttpPost("case-studies/{id:guid}/edit")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> EditCaseStudy(Guid id, [FromForm] CaseStudyForm form, CancellationToken cancellationToken)
    {
        var outcome = await caseStudies.EditAsync(id, form.Title, form.Story, cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsDone)
        {
            return Redirect(ImpactPaths.CaseStudy(id));
        }

        AddProblems(outcome.Errors);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(new CaseStudyEditPage(id, form));
    }

    private void AddProblems(IEnumerable<FieldProblem> problems)
    {
        ModelState.Clear();
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }
    }

    private ViewResult Refused(string message)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("CaseStudyRefused", message);
    }
}

/// <summary>The report page: the filters as typed, the choices, the figures when the filters made sense, and the case studies.</summary>
public sealed record ImpactReportPage(
    ImpactFilter Filter, IReadOnlyList<SystemChoice> Systems, IReadOnlyList<WorkStreamChoice> WorkStreams, ReportingPeriod ThisYear, ImpactFigures? Figures, IReadOnlyList<CaseStudyRow> CaseStudies);

public sealed record CaseStudyPage(CaseStudy Study, string StoryHtml);

public sealed record CaseStudyEditPage(Guid Id, CaseStudyForm Form);
