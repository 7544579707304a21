using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data.Identity;

namespace Portal.Web.Features.Account.Passwords;

/// <summary>Forgotten password (a reset link by mail), the reset itself, and changing a known password.</summary>
[Route("account")]
public sealed class PasswordController(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AccountRecords records, AccountLinks links) : Controller
{
    [AllowAnonymous]
    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View("ForgotPassword", new ForgotPasswordRequest());

    [AllowAnonymous]
    [HttpPost("forgot-password")]
    public async Task<IActionResult> ForgotPassword([FromForm] ForgotPasswordRequest request, CancellationToken cancellationToken)
    {
        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            ModelState.AddModelError(nameof(request.Email), "Enter your email address");
        }
        else if (!FormErrors.IsEmailAddress(email))
        {
            ModelState.AddModelError(nameof(request.Email), "Enter an email address in the correct format, like name@example.nhs.uk");
        }

        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("ForgotPassword", request);
        }

        // The same answer whether or not the address has an account; only an active one gets a link.
        var user = await users.FindByEmailAsync(email!);
        if (user is { EmailConfirmed: true, DeactivatedAt: null })
        {
            var code = await users.GeneratePasswordResetTokenAsync(user);
            records.Audit("PasswordResetRequested", user);
            records.Mail(user, "ResetPassword", new
            {
                displayName = user.DisplayName,
                resetUrl = links.To($"/account/reset-password?userId={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(code)}"),
            });
            await records.SaveAsync(cancellationToken);
        }

        return View("ResetLinkSent", email);
    }

    [AllowAnonymous]
    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? userId, string? code) =>
        View("ResetPassword", new ResetPasswordRequest { UserId = userId, Code = code });

    [AllowAnonymous]
    [HttpPost("reset-password")]
    public async Task<IActionResult> ResetPassword([FromForm] ResetPasswordRequest request)
    {
        var user = string.IsNullOrEmpty(request.UserId) ? null : await users.FindByIdAsync(request.UserId);
        if (user is null || user.DeactivatedAt is not null || string.IsNullOrEmpty(request.Code))
        {
            ModelState.AddModelError(string.Empty, users.ErrorDescriber.InvalidToken().Description);
        }
        else
        {
            await FormErrors.NewPasswordAsync(ModelState, users, user, request.Password, request.ConfirmPassword, nameof(request.Password), nameof(request.ConfirmPassword));
            if (ModelState.ErrorCount == 0)
            {
                records.Audit("PasswordReset", user);
                records.Mail(user, "PasswordChanged", new { displayName = user.DisplayName });
                var result = await records.SaveWithAsync(() => users.ResetPasswordAsync(user, request.Code!, request.Password!));
                if (result.Succeeded)
                {
                    return View("PasswordReset");
                }

                FormErrors.Add(ModelState, result, nameof(request.Password));
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        request.Password = request.ConfirmPassword = null;
        return View("ResetPassword", request);
    }

    [Authorize]
    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View("ChangePassword", new ChangePasswordRequest());

    [Authorize]
    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword([FromForm] ChangePasswordRequest request)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            ModelState.AddModelError(nameof(request.CurrentPassword), "Enter your current password");
        }

        await FormErrors.NewPasswordAsync(ModelState, users, user, request.Password, request.ConfirmPassword, nameof(request.Password), nameof(request.ConfirmPassword));
        if (ModelState.ErrorCount == 0)
        {
            records.Audit("PasswordChanged", user);
            records.Mail(user, "PasswordChanged", new { displayName = user.DisplayName });
            var result = await records.SaveWithAsync(() => users.ChangePasswordAsync(user, request.CurrentPassword!, request.Password!));
            if (result.Succeeded)
            {
                // The security stamp changed, which signs out every other session; keep this one.
                await signIn.RefreshSignInAsync(user);
                TempData["notice"] = "Your password has been changed.";
                return Redirect("/account/profile");
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(request.CurrentPassword) : nameof(request.Password), error.Description);
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("ChangePassword", new ChangePasswordRequest());
    }
}
