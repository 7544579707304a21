using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Geography;
using Portal.Data;
using Portal.Web.Features.WorkStreams;

namespace Portal.Web.Features.Matching;

/// <summary>"Requests for me": the submitted requests ranked for the signed-in librarian, with the reasons, filtered by a GET form.</summary>
[Authorize(Policy = "KeepLibrarianProfile")]
[Route("librarians/me/matches")]
public sealed class MatchesController(PortalDbContext db, LibrarianMatcher matcher, TimeProvider clock) : Controller
{
    public const int PageSize = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] MatchFilterInput filter, CancellationToken cancellationToken)
    {
        var (criteria, page, problems) = await filter.ReadAsync(db, cancellationToken);
        var choices = await ChoicesAsync(cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new MatchesPage(filter, choices, [], 0, 1, 1));
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var ranked = await matcher.RankRequestsForAsync(userId, criteria, clock.GetUtcNow(), cancellationToken);
        var pages = Math.Max(1, (ranked.Count + PageSize - 1) / PageSize);
        page = Math.Min(page, pages);
        return View(new MatchesPage(filter, choices, ranked.Skip((page - 1) * PageSize).Take(PageSize).ToList(), ranked.Count, page, pages));
    }

    private async Task<FilterChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Name).Select(t => new TopicChoice(t.Key, t.Name)).ToListAsync(cancellationToken);
        var systems = await db.GeoAreas.AsNoTracking()
            .Where(a => a.Level == GeoLevel.System && db.WorkStreams.Any(w => w.SystemId == a.Id))
            .OrderBy(a => a.Name).Select(a => new AreaChoice(a.Code, a.Name)).ToListAsync(cancellationToken);
        return new FilterChoices(topics, systems);
    }
}

public sealed record FilterChoices(IReadOnlyList<TopicChoice> Topics, IReadOnlyList<AreaChoice> Systems);

/// <summary>One page of ranked requests; <paramref name="Total"/> counts all that pass the filters.</summary>
public sealed record MatchesPage(MatchFilterInput Filter, FilterChoices Choices, IReadOnlyList<RequestForLibrarian> Requests, int Total, int Page, int Pages)
{
    /// <summary>This page's address with the same filters, on another page.</summary>
    public string Link(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }

        Add(nameof(MatchFilterInput.Topic), Filter.Topic);
        Add(nameof(MatchFilterInput.System), Filter.System);
        Add(nameof(MatchFilterInput.DueWithin), Filter.DueWithin);
        Add(nameof(MatchFilterInput.Page), page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return "/librarians/me/matches" + (query.Count > 0 ? "?" + string.Join("&", query) : string.Empty);
    }
}
