using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Requests;
using Portal.Web.Features.Librarians;

namespace Portal.Web.Features.Matching;

/// <summary>
/// The "Best-placed librarians" section of a submitted request's page, for those who see the
/// pipeline (coordinators): the ranked librarians with the reasons. Nothing for anyone else or
/// for a request not in the pool. The request page shows it with
/// <c>@await Component.InvokeAsync("BestPlacedLibrarians", new { request = Model.Request })</c>.
/// </summary>
public sealed class BestPlacedLibrariansViewComponent(LibrarianMatcher matcher, IAuthorizationService authorization, TimeProvider clock) : ViewComponent
{
    public const int Shown = 10;

    public async Task<IViewComponentResult> InvokeAsync(EvidenceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.State != RequestState.Submitted
            || !(await authorization.AuthorizeAsync(HttpContext.User, LibrariansPermissions.ViewPipeline.Name)).Succeeded)
        {
            return Content(string.Empty);
        }

        var ranked = await matcher.RankLibrariansAsync(request, clock.GetUtcNow(), HttpContext.RequestAborted);
        return View("/Features/Matching/Views/Components/BestPlacedLibrarians.cshtml", new BestPlacedLibrarians(ranked.Matches.Take(Shown).ToList(), ranked.Matches.Count));
    }
}

/// <summary>The best-placed librarians shown, and how many were ranked in all.</summary>
public sealed record BestPlacedLibrarians(IReadOnlyList<Core.Librarians.LibrarianMatch> Matches, int Ranked);
