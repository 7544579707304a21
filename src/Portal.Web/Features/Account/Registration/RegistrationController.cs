using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Web.Features.Account.Registration;

/// <summary>/account/register and the confirmation link from the mail.</summary>
[AllowAnonymous]
[Route("account")]
public sealed class RegistrationController(RegistrationService registration, SystemChoices systems) : Controller
{
    [HttpGet("register")]
    public async Task<IActionResult> Register(CancellationToken cancellationToken) =>
        View(new RegistrationPage(new RegistrationRequest(), await systems.OptionsAsync(cancellationToken)));

    [HttpPost("register")]
    public async Task<IActionResult> Register([FromForm] RegistrationRequest request, CancellationToken cancellationToken)
    {
        await registration.RegisterAsync(request, ModelState, cancellationToken);
        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            request.Password = request.ConfirmPassword = null;
            return View(new RegistrationPage(request, await systems.OptionsAsync(cancellationToken)));
        }

        return View("CheckYourEmail", request.Email!.Trim());
    }

    [HttpGet("confirm")]
    public async Task<IActionResult> Confirm(string? userId, string? code)
    {
        var outcome = await registration.ConfirmAsync(userId, code);
        if (outcome == ConfirmationOutcome.NotValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View("Confirmed", outcome);
    }
}
