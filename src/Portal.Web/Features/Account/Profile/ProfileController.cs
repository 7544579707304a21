using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data.Identity;
using Portal.Web.Features.Account.Registration;

namespace Portal.Web.Features.Account.Profile;

/// <summary>/account/profile: the signed-in person's name, organisation, job title and system.</summary>
[Authorize]
[Route("account/profile")]
public sealed class ProfileController(UserManager<PortalUser> users, AccountRecords records, SystemChoices systems) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        var form = new ProfileRequest
        {
            DisplayName = user.DisplayName,
            Organisation = user.Organisation,
            JobTitle = user.JobTitle,
            SystemId = user.SystemId?.ToString(CultureInfo.InvariantCulture),
        };
        return View("Profile", await PageAsync(user, form, TempData["notice"] as string, cancellationToken));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index([FromForm] ProfileRequest request, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        var displayName = FormErrors.Text(ModelState, nameof(request.DisplayName), request.DisplayName, "Enter your name", "Name must be 200 characters or fewer");
        var organisation = FormErrors.Text(ModelState, nameof(request.Organisation), request.Organisation, "Enter your organisation", "Organisation must be 200 characters or fewer");
        var jobTitle = FormErrors.Text(ModelState, nameof(request.JobTitle), request.JobTitle, null, "Job title must be 200 characters or fewer");
        var systemId = await RegistrationService.SystemAsync(request.SystemId, ModelState, nameof(request.SystemId), systems, cancellationToken);
        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Profile", await PageAsync(user, request, null, cancellationToken));
        }

        records.Audit("ProfileUpdated", user, new { before = new { user.DisplayName, user.Organisation, user.JobTitle, user.SystemId } });
        user.DisplayName = displayName!;
        user.Organisation = organisation;
        user.JobTitle = jobTitle;
        user.SystemId = systemId;
        var result = await records.SaveWithAsync(() => users.UpdateAsync(user));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        TempData["notice"] = "Your details have been saved.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<ProfilePage> PageAsync(PortalUser user, ProfileRequest form, string? notice, CancellationToken cancellationToken) =>
        new(user.Email!, form, await systems.OptionsAsync(cancellationToken), user.TwoFactorEnabled, notice);

    private async Task<PortalUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
}

public sealed class ProfileRequest
{
    public string? DisplayName { get; set; }

    public string? Organisation { get; set; }

    public string? JobTitle { get; set; }

    public string? SystemId { get; set; }
}

public sealed record ProfilePage(string Email, ProfileRequest Form, IReadOnlyList<Portal.Theming.TagHelpers.SelectOption> Systems, bool TwoFactorEnabled, string? Notice);
