using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core;
using Portal.Theming.TagHelpers;

namespace Portal.Web.Features.Admin.Users;

/// <summary>/admin/users: find users, see their details, change their roles, deactivate and reactivate them.</summary>
[Authorize(Policy = "ManageUsers")]
[Route("admin/users")]
public sealed class UsersController(UserAdministration administration) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken cancellationToken = default) =>
        View("Users", await administration.ListAsync(q, page, cancellationToken));

    [HttpGet("{id}")]
    public async Task<IActionResult> Details(string id, CancellationToken cancellationToken)
    {
        var details = await administration.DetailsAsync(id, cancellationToken);
        return details is null ? NotFound() : View("User", Page(details, details.Roles, TempData["notice"] as string));
    }

    [HttpPost("{id}/roles")]
    public async Task<IActionResult> Roles(string id, [FromForm] string[]? roles, CancellationToken cancellationToken)
    {
        var details = await administration.DetailsAsync(id, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        var chosen = (roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        var error = await administration.SetRolesAsync(details.User, chosen, cancellationToken);
        return error is null ? Saved(id, "The roles have been saved.") : Refused(details, "roles", error, chosen);
    }

    [HttpPost("{id}/deactivate")]
    public async Task<IActionResult> Deactivate(string id, CancellationToken cancellationToken)
    {
        var details = await administration.DetailsAsync(id, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        var error = await administration.DeactivateAsync(details.User, cancellationToken);
        return error is null ? Saved(id, $"{details.User.DisplayName} has been deactivated and signed out. Their content is kept.") : Refused(details, string.Empty, error, details.Roles);
    }

    [HttpPost("{id}/reactivate")]
    public async Task<IActionResult> Reactivate(string id, CancellationToken cancellationToken)
    {
        var details = await administration.DetailsAsync(id, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        await administration.ReactivateAsync(details.User);
        return Saved(id, $"{details.User.DisplayName} has been reactivated.");
    }

    private RedirectToActionResult Saved(string id, string notice)
    {
        TempData["notice"] = notice;
        return RedirectToAction(nameof(Details), new { id });
    }

    private ViewResult Refused(UserDetails details, string field, string error, IReadOnlyList<string> chosenRoles)
    {
        ModelState.AddModelError(field, error);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("User", Page(details, chosenRoles, null));
    }

    private static UserPage Page(UserDetails details, IReadOnlyList<string> chosenRoles, string? notice) =>
        new(details, Core.Roles.All.Select(r => new RadioOption(r, RoleNames.Describe(r))).ToList(), chosenRoles, notice);
}

public sealed record UserPage(UserDetails Details, IReadOnlyList<RadioOption> RoleOptions, IReadOnlyList<string> ChosenRoles, string? Notice);

/// <summary>Role names as people read them.</summary>
public static class RoleNames
{
    public static string Describe(string role) => role switch
    {
        Core.Roles.WorkStreamLead => "Work stream lead",
        _ => role,
    };
}
