using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Geography;
using Portal.Data;
using Portal.Web.Features.Requests;
using Portal.Web.Features.Summaries;
using Portal.Web.Features.WorkStreams;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Publication;

/// <summary>
/// Shared summaries: the listing at /evidence and each series' stable address /evidence/{slug}
/// (with /versions/{n}), open to anyone for what is public; the requester's consent form on the
/// request page and the publish form on the summary page post here. An anonymous visitor who finds
/// nothing they may read is asked to sign in, whether or not the address exists, so nothing leaks;
/// a signed-in person who may not read it gets 404.
/// </summary>
public sealed class PublicationController(
    PublishedSummaries published, Publishing publishing, PortalDbContext db, IAuthorizationService authorization, TimeProvider clock) : Controller
{
    public const string NoticeKey = "publication.notice";
    private const string SignedIn = "ViewWorkStreams";

    [AllowAnonymous]
    [HttpGet("/evidence")]
    public async Task<IActionResult> Index([FromQuery] PublishedFilter filter, CancellationToken cancellationToken)
    {
        var entries = await published.ListAsync(await AccessAsync(), filter, cancellationToken);
        var systems = await db.GeoAreas.AsNoTracking().Where(a => a.Level == GeoLevel.System && db.WorkStreams.Any(w => w.SystemId == a.Id))
            .OrderBy(a => a.Name).Select(a => new AreaChoice(a.Code, a.Name)).ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Name).Select(t => new TopicChoice(t.Key, t.Name)).ToListAsync(cancellationToken);
        var workStreams = User.Identity?.IsAuthenticated == true
            ? await db.WorkStreams.AsNoTracking().OrderBy(w => w.Title).Select(w => new TopicChoice(w.Key, w.Title)).ToListAsync(cancellationToken)
            : [];
        return View(new EvidenceListPage(filter, entries, systems, topics, workStreams));
    }

    [AllowAnonymous]
    [HttpGet("/evidence/{slug:regex(^[[a-z0-9-]]{{1,100}}$)}")]
    public Task<IActionResult> Read(string slug, CancellationToken cancellationToken) => ShowAsync(slug, null, cancellationToken);

    [AllowAnonymous]
    [HttpGet("/evidence/{slug:regex(^[[a-z0-9-]]{{1,100}}$)}/versions/{number:int:min(1)}")]
    public Task<IActionResult> Version(string slug, int number, CancellationToken cancellationToken) => ShowAsync(slug, number, cancellationToken);

    [Authorize(Policy = SignedIn)]
    [HttpPost("/requests/{id:guid}/consent")]
    public async Task<IActionResult> Consent(Guid id, [FromForm] string? scope, CancellationToken cancellationToken)
    {
        var outcome = await publishing.ConsentAsync(await Viewer.ForAsync(User, authorization), id, scope, cancellationToken);
        if (outcome.Kind == OutcomeKind.Done)
        {
            TempData[NoticeKey] = outcome.Value!.SharingConsent switch
            {
                Core.Summaries.SummaryVisibility.Public => "Thank you. The summary may now be shared with the public.",
                Core.Summaries.SummaryVisibility.Members => "Thank you. The summary may now be shared with members.",
                _ => "The summary is for you only again. If it was published, it is no longer shown to others.",
            };
            return Redirect($"/requests/{id}#sharing");
        }

        return Refused(outcome.Kind, outcome.Message, "Your choice was not saved", new SummaryLink("Back to the request", $"/requests/{id}#sharing"));
    }

    [Authorize(Policy = SignedIn)]
    [HttpPost("/summaries/{id:guid}/publish")]
    public async Task<IActionResult> Publish(Guid id, [FromForm] string? visibility, CancellationToken cancellationToken)
    {
        var outcome = await publishing.PublishAsync(await AccessAsync(), id, visibility, cancellationToken);
        if (outcome.Kind == OutcomeKind.Done)
        {
            var summary = outcome.Value!;
            TempData[NoticeKey] = summary.Visibility switch
            {
                Core.Summaries.SummaryVisibility.Public => $"Published to the public at /evidence/{summary.Slug}.",
                Core.Summaries.SummaryVisibility.Members => $"Published to members at /evidence/{summary.Slug}.",
                _ => "Withdrawn: only the requester and the people working on it can read the summary.",
            };
            return Redirect($"/summaries/{id}#sharing");
        }

        return Refused(outcome.Kind, outcome.Message, "The summary was not published", new SummaryLink("Back to the summary", $"/summaries/{id}#sharing"));
    }

    private async Task<IActionResult> ShowAsync(string slug, int? number, CancellationToken cancellationToken)
    {
        var reading = await published.ReadAsync(await AccessAsync(), slug, number, cancellationToken);
        if (reading is null)
        {
            return User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();
        }

        var url = $"{Request.Scheme}://{Request.Host}/evidence/{slug}" + (number is null ? string.Empty : $"/versions/{number}");
        return View("Read", new EvidencePage(reading, url, clock.GetUtcNow()));
    }

    private IActionResult Refused(OutcomeKind kind, string? message, string heading, SummaryLink back)
    {
        if (kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        Response.StatusCode = kind switch
        {
            OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
            OutcomeKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return View("/Features/Summaries/Views/SummaryRefused.cshtml", new SummaryRefusedPage(heading, message ?? heading, back));
    }

    private Task<SummaryAccess> AccessAsync() => authorization.SummaryAccessForAsync(User);
}

public sealed record EvidenceListPage(
    PublishedFilter Filter, IReadOnlyList<PublishedEntry> Entries, IReadOnlyList<AreaChoice> Systems, IReadOnlyList<TopicChoice> Topics, IReadOnlyList<TopicChoice> WorkStreams);

/// <param name="Url">The address to cite.</param>
/// <param name="Now">For "accessed on".</param>
public sealed record EvidencePage(PublishedReading Reading, string Url, DateTimeOffset Now);
