using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Data.SaveHook;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Notifications;

/// <summary>/account/notifications: which emails the signed-in person gets, and what they follow.</summary>
[Authorize(Policy = "ManageOwnNotifications")]
[Route(NotificationMail.PreferencesPath)]
public sealed class PreferencesController(NotificationSettings settings) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Preferences", new PreferencesPage(
            PreferencesForm.From(await settings.ChoicesAsync(UserId, cancellationToken)), await settings.OptionsAsync(cancellationToken), TempData["notice"] as string));

    [HttpPost("")]
    public async Task<IActionResult> Index([FromForm] PreferencesForm form, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var choices = form.ToChoices(problems);
        var outcome = await settings.SaveAsync(UserId, choices, problems, cancellationToken);
        if (outcome.IsDone)
        {
            TempData["notice"] = "Your email and notification settings have been saved.";
            return Redirect(NotificationMail.PreferencesPath);
        }

        foreach (var problem in outcome.Errors)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        if (outcome.Errors.Count == 0 && outcome.Message is not null)
        {
            ModelState.AddModelError(string.Empty, outcome.Message);
        }

        Response.StatusCode = outcome.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return View("Preferences", new PreferencesPage(form, await settings.OptionsAsync(cancellationToken), null));
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authorised user has an id.");
}

/// <summary>The page: the form (as saved, or as posted when it has errors), what it offers, and a notice after saving.</summary>
public sealed record PreferencesPage(PreferencesForm Form, SubscriptionOptions Options, string? Notice);
