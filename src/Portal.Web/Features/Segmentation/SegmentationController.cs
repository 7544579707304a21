using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Content;
using Portal.Core.Geography;
using Portal.Data;
using Portal.Segmentation.Charts;
using Portal.Segmentation.Output;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Segmentation;

/// <summary>Published segmentation outputs: the list, the upload forms and the output page with its charts.</summary>
[Authorize(Policy = "ViewSegmentationOutputs")]
[Route("segmentation")]
public sealed class SegmentationController(PortalDbContext db, SegmentationUploads uploads, MarkdownRenderer markdown) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new OutputListPage(await SegmentationOutputs.ListAsync(db, cancellationToken), await CanPublishAsync()));

    [HttpGet("upload")]
    [Authorize(Policy = "PublishSegmentationOutputs")]
    public async Task<IActionResult> Upload(string? kind, CancellationToken cancellationToken)
    {
        var patientLevel = kind == UploadFields.PatientLevelKind;
        if (patientLevel && !uploads.PatientLevelAllowed)
        {
            return NotFound();
        }

        return View(await UploadPageAsync(patientLevel ? UploadFields.PatientLevelKind : UploadFields.AggregatedKind, new UploadOutcome(), cancellationToken));
    }

    // The upload actions take no parameters: MVC would read (and buffer) the whole form to bind
    // any, and the body must stream. The antiforgery token is checked from the form's first field.

    /// <summary>The tool's aggregated output: small, so the request may be at most 10 MB.</summary>
    [HttpPost("upload")]
    [Authorize(Policy = "PublishSegmentationOutputs")]
    [IgnoreAntiforgeryToken]
    [RequestSizeLimit(SegmentationOptions.AggregatedMaxBytes)]
    public Task<IActionResult> UploadAggregated() => ReceiveAsync(UploadFields.AggregatedKind, HttpContext.RequestAborted);

    /// <summary>A patient-level file, aggregated while it streams in; only where the setting allows it.</summary>
    [HttpPost("upload/patient-level")]
    [Authorize(Policy = "PublishSegmentationOutputs")]
    [IgnoreAntiforgeryToken]
    [RequestSizeLimit(SegmentationOptions.PatientLevelMaxBytes)]
    public Task<IActionResult> UploadPatientLevel() =>
        uploads.PatientLevelAllowed ? ReceiveAsync(UploadFields.PatientLevelKind, HttpContext.RequestAborted) : Task.FromResult<IActionResult>(Refuse(StatusCodes.Status404NotFound));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Output(Guid id, CancellationToken cancellationToken)
    {
        var details = await SegmentationOutputs.FindAsync(db, id, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        var figures = details.Figures;
        return View(new OutputPage(
            details,
            markdown.ToSafeHtml(details.Narrative),
            SegmentationCharts.Concentration("chart-cost-concentration", "Cost concentration: people ranked by cost", "cost", figures.CostConcentration),
            SegmentationCharts.Concentration("chart-risk-concentration", "Cost concentration: people ranked by risk score", "risk score", figures.RiskConcentration),
            SegmentationCharts.SegmentShares("chart-segment-shares", figures.SegmentShares),
            SegmentationCharts.CostPerHeadBySetting("chart-cost-per-head", figures.CostPerHeadBySetting),
            SegmentationCharts.MultimorbidityHeatMap("chart-multimorbidity", figures.Multimorbidity)));
    }

    [HttpGet("{id:guid}/output.csv")]
    public async Task<IActionResult> OutputCsv(Guid id, CancellationToken cancellationToken)
    {
        var csv = await db.SegmentationOutputs.AsNoTracking().Where(o => o.Id == id).Select(o => o.OutputCsv).SingleOrDefaultAsync(cancellationToken);
        return csv is null ? NotFound() : File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"segmentation-{id:N}.csv");
    }

    [HttpGet("{id:guid}/data/{figure}.csv")]
    public async Task<IActionResult> FigureCsv(Guid id, string figure, CancellationToken cancellationToken)
    {
        var details = await SegmentationOutputs.FindAsync(db, id, cancellationToken);
        var csv = details is null ? null : FigureTables.Csv(details.Figures, figure);
        return csv is null ? NotFound() : File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"{figure}-{id:N}.csv");
    }

    private async Task<IActionResult> ReceiveAsync(string kind, CancellationToken cancellationToken)
    {
        var outcome = await uploads.ReceiveAsync(HttpContext, kind, validateAntiforgery: true, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (outcome.Forged)
        {
            return Refuse(StatusCodes.Status400BadRequest);
        }

        if (outcome.Succeeded)
        {
            return RedirectToAction(nameof(Output), new { id = outcome.Id });
        }

        foreach (var (field, message) in outcome.FieldErrorsInFormOrder)
        {
            ModelState.AddModelError(field, message);
        }

        if (outcome.TooLarge is not null)
        {
            ModelState.AddModelError("file", outcome.TooLarge);
        }

        Response.StatusCode = outcome.TooLarge is not null ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Upload), await UploadPageAsync(kind, outcome, cancellationToken));
    }

    /// <summary>
    /// An error page written here rather than by the status code pages: re-executing the request
    /// would make MVC read the unread multipart body to bind the error action.
    /// </summary>
    private ViewResult Refuse(int status)
    {
        Response.StatusCode = status;
        return status == StatusCodes.Status404NotFound ? View("NotFound") : View("ClientError", status);
    }

    private async Task<UploadPage> UploadPageAsync(string kind, UploadOutcome outcome, CancellationToken cancellationToken)
    {
        var areas = await db.GeoAreas.AsNoTracking()
            .Where(a => a.Level == GeoLevel.System || a.Level == GeoLevel.Place || a.Level == GeoLevel.Neighbourhood)
            .OrderBy(a => a.Level).ThenBy(a => a.Name)
            .Select(a => new AreaOption(a.Code, a.Name, a.Level.ToString()))
            .ToListAsync(cancellationToken);
        var workStreams = await db.WorkStreams.AsNoTracking().OrderBy(w => w.Title)
            .Select(w => new LinkedWorkStream(w.Id, w.Key, w.Title)).ToListAsync(cancellationToken);
        return new UploadPage(kind, uploads.PatientLevelAllowed, areas, workStreams, outcome);
    }

    private async Task<bool> CanPublishAsync() =>
        (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>()
            .AuthorizeAsync(User, SegmentationPermissions.PublishSegmentationOutputs.Name)).Succeeded;
}

public sealed record OutputListPage(IReadOnlyList<OutputSummary> Outputs, bool CanPublish);

public sealed record AreaOption(string Code, string Name, string Level);

public sealed record UploadPage(string Kind, bool PatientLevelAllowed, IReadOnlyList<AreaOption> Areas, IReadOnlyList<LinkedWorkStream> WorkStreams, UploadOutcome Outcome)
{
    public bool IsPatientLevel => Kind == UploadFields.PatientLevelKind;

    public string Action => IsPatientLevel ? "/segmentation/upload/patient-level" : "/segmentation/upload";

    public long Limit => IsPatientLevel ? SegmentationOptions.PatientLevelMaxBytes : SegmentationOptions.AggregatedMaxBytes;
}

public sealed record OutputPage(
    OutputDetails Details, string NarrativeHtml, string CostConcentrationSvg, string RiskConcentrationSvg,
    string SegmentSharesSvg, string CostPerHeadSvg, string MultimorbiditySvg);

/// <summary>Each chart's figures as a CSV download, the same figures as its table.</summary>
public static class FigureTables
{
    public static IReadOnlyList<string> Names { get; } = ["cost-concentration", "risk-concentration", "segment-shares", "cost-per-head", "multimorbidity"];

    public static string? Csv(OutputFigures figures, string name)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        switch (name)
        {
            case "cost-concentration" or "risk-concentration":
                text.Append("top_percent_of_people,people,cost_gbp,cost_share_percent\n");
                foreach (var p in name == "cost-concentration" ? figures.CostConcentration : figures.RiskConcentration)
                {
                    text.Append(c, $"{p.Percent},{p.People},{p.CostGbp:0.00},{p.CostSharePercent:0.0}\n");
                }

                break;
            case "segment-shares":
                text.Append("segment,people,population_share_percent,cost_gbp,cost_share_percent\n");
                foreach (var s in figures.SegmentShares)
                {
                    text.Append(c, $"{s.Segment},{s.People},{s.PopulationSharePercent:0.0},{s.CostGbp:0.00},{s.CostSharePercent:0.0}\n");
                }

                break;
            case "cost-per-head":
                text.Append("segment,setting,people,cost_gbp,cost_per_head_gbp\n");
                foreach (var segment in figures.CostPerHeadBySetting)
                {
                    foreach (var s in segment.Settings)
                    {
                        text.Append(c, $"{segment.Segment},{s.Setting},{s.People},{s.CostGbp:0.00},{s.CostPerHeadGbp:0.00}\n");
                    }
                }

                break;
            case "multimorbidity":
                text.Append("age_band,imd_decile,people,multimorbid,prevalence_percent\n");
                foreach (var m in figures.Multimorbidity)
                {
                    text.Append(c, $"{m.AgeBand},{m.ImdDecile},{m.People},{m.Multimorbid},{m.PrevalencePercent:0.0}\n");
                }

                break;
            default:
                return null;
        }

        return text.ToString();
    }
}
