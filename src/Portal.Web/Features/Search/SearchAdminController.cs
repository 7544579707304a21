using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Search;

/// <summary>
/// /admin/search: this node's index against the database, a rebuild every node acts on, and the
/// health synonyms (/admin/search/synonyms). Invalid forms are 400, a stale synonyms form 409.
/// </summary>
[Authorize(Policy = "ManageSearch")]
[Route("admin/search")]
public sealed class SearchAdminController(SearchAdministration administration) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("SearchAdmin", new SearchAdminPage(await administration.StatusAsync(cancellationToken), new RebuildRequestForm(), TempData["notice"] as string));

    [HttpPost("rebuild")]
    public async Task<IActionResult> Rebuild([FromForm] RebuildRequestForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("SearchAdmin", new SearchAdminPage(await administration.StatusAsync(cancellationToken), form, null));
        }

        await administration.RequestRebuildAsync(UserId, form, cancellationToken);
        TempData["notice"] = "The rebuild has been asked for. Every server running the portal will build a new index beside its current one and switch to it when it is complete; searches keep working meanwhile.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("synonyms")]
    public async Task<IActionResult> Synonyms(CancellationToken cancellationToken) =>
        View("SearchAdminSynonyms", new SynonymsPage(await administration.SynonymsAsync(cancellationToken), null, TempData["notice"] as string, null));

    [HttpPost("synonyms")]
    public async Task<IActionResult> Synonyms([FromForm] SynonymsForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("SearchAdminSynonyms", new SynonymsPage(form, null, null, null));
        }

        var outcome = await administration.SaveSynonymsAsync(UserId, form, cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["notice"] = "The synonyms have been saved. Every server running the portal will now rebuild its index with them; until it has, searches use the old ones.";
                return RedirectToAction(nameof(Synonyms));
            case OutcomeKind.Invalid:
                ModelState.AddModelError(nameof(SynonymsForm.Synonyms), outcome.Errors.Count == 1 ? outcome.Errors[0].Message : $"{outcome.Errors.Count} lines cannot be read: they are listed above");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("SearchAdminSynonyms", new SynonymsPage(form, outcome.Errors.Select(e => e.Message).ToList(), null, null));
            default:
                // Someone saved first: show what is saved now, and keep these changes on the page to copy from.
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("SearchAdminSynonyms", new SynonymsPage(await administration.SynonymsAsync(cancellationToken), null, null, form.Synonyms ?? string.Empty));
        }
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in administrator has an id.");
}

public sealed record SearchAdminPage(SearchAdminStatus Status, RebuildRequestForm Form, string? Notice);

/// <summary>The synonyms page: the form, the problems by line, a notice, and the changes a stale save did not keep.</summary>
public sealed record SynonymsPage(SynonymsForm Form, IReadOnlyList<string>? Problems, string? Notice, string? NotSaved);
