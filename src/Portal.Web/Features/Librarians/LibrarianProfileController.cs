using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Librarians;

/// <summary>/librarians/me: the signed-in librarian keeps their profile.</summary>
[Authorize(Policy = "KeepLibrarianProfile")]
[Route("librarians/me")]
public sealed class LibrarianProfileController(LibrarianProfileEditor editor) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var view = await editor.ViewAsync(UserId, cancellationToken);
        return View("LibrarianProfile", new LibrarianProfilePage(LibrarianProfileForm.From(view.Profile), view, TempData["notice"] as string));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index([FromForm] LibrarianProfileForm form, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var details = form.ToDetails(problems);
        var outcome = await editor.SaveAsync(UserId, details, problems, cancellationToken);
        if (outcome.IsDone)
        {
            TempData["notice"] = "Your librarian profile has been saved.";
            return RedirectToAction(nameof(Index));
        }

        foreach (var problem in outcome.Errors)
        {
            // On the page, a database that is too long can only have come from the box for others.
            ModelState.AddModelError(problem.Field == nameof(details.Databases) ? nameof(form.OtherDatabases) : problem.Field, problem.Message);
        }

        if (outcome.Errors.Count == 0 && outcome.Message is not null)
        {
            ModelState.AddModelError(string.Empty, outcome.Message);
        }

        Response.StatusCode = outcome.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return View("LibrarianProfile", new LibrarianProfilePage(form, await editor.ViewAsync(UserId, cancellationToken), null));
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authorised user has an id.");
}

/// <summary>The page: the form (as saved, or as posted when it has errors) and the saved profile's facts beside it.</summary>
public sealed record LibrarianProfilePage(LibrarianProfileForm Form, LibrarianProfileView Saved, string? Notice);
