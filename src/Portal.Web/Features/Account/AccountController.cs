using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data.Identity;
using Portal.Web.Features.Account.TwoFactor;

namespace Portal.Web.Features.Account;

/// <summary>
/// Sign in (with a second step for two-factor accounts) and sign out. Repeated failures of either
/// step lock the account for a while.
/// </summary>
[Route("account")]
public sealed class AccountController(SignInManager<PortalUser> signIn, UserManager<PortalUser> users) : Controller
{
    private const string LockedOut = "This account is locked after too many failed attempts. Try again in 15 minutes.";

    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInRequest { ReturnUrl = LocalOrNull(returnUrl) });

    [AllowAnonymous]
    [HttpPost("sign-in")]
    public async Task<IActionResult> SignIn([FromForm] SignInRequest request)
    {
        request.ReturnUrl = LocalOrNull(request.ReturnUrl);
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            ModelState.AddModelError(nameof(request.Email), "Enter your email address");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            ModelState.AddModelError(nameof(request.Password), "Enter your password");
        }

        if (ModelState.ErrorCount == 0)
        {
            var user = await users.FindByEmailAsync(request.Email!.Trim());
            if (user is not null && user.CanUseThePortal)
            {
                var result = await signIn.PasswordSignInAsync(user, request.Password!, isPersistent: false, lockoutOnFailure: true);
                if (result.Succeeded)
                {
                    return await TwoFactorRules.MustEnrolAsync(users, user)
                        ? Redirect($"{TwoFactorEnrolmentMiddleware.EnrolPath}?returnUrl={Uri.EscapeDataString(request.ReturnUrl ?? "/")}")
                        : LocalRedirect(request.ReturnUrl ?? "/");
                }

                if (result.RequiresTwoFactor)
                {
                    return Redirect($"/account/sign-in/code?returnUrl={Uri.EscapeDataString(request.ReturnUrl ?? "/")}");
                }

                if (result.IsLockedOut)
                {
                    return Refused(request, nameof(request.Email), LockedOut, StatusCodes.Status429TooManyRequests);
                }
            }

            // One message whether the address is unknown, the password wrong or the account not (or no longer) let in,
            // so addresses cannot be probed.
            return Refused(request, nameof(request.Email), "Enter a correct email address and password", StatusCodes.Status401Unauthorized);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        request.Password = null;
        return View(request);
    }

    [AllowAnonymous]
    [HttpGet("sign-in/code")]
    public Task<IActionResult> SignInCode(string? returnUrl) => SecondStepPageAsync("SignInCode", returnUrl);

    [AllowAnonymous]
    [HttpPost("sign-in/code")]
    public Task<IActionResult> SignInCode([FromForm] SignInCodeRequest request) =>
        SecondStepAsync("SignInCode", request, code => code.Replace("-", string.Empty, StringComparison.Ordinal),
            code => code.Length == 6 && code.All(char.IsAsciiDigit) ? null : "Enter the 6-digit code from your authenticator app",
            code => signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false),
            "The code is not correct. Enter the code your authenticator app shows now");

    [AllowAnonymous]
    [HttpGet("sign-in/recovery")]
    public Task<IActionResult> SignInRecovery(string? returnUrl) => SecondStepPageAsync("SignInRecovery", returnUrl);

    [AllowAnonymous]
    [HttpPost("sign-in/recovery")]
    public Task<IActionResult> SignInRecovery([FromForm] SignInCodeRequest request) =>
        SecondStepAsync("SignInRecovery", request, code => code.ToUpperInvariant(), _ => null,
            signIn.TwoFactorRecoveryCodeSignInAsync,
            "Enter a recovery code you have not used before");

    [Authorize]
    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutOfPortal()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Forbidden");
    }

    private async Task<IActionResult> SecondStepPageAsync(string view, string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(SignIn))
            : View(view, new SignInCodeRequest { ReturnUrl = LocalOrNull(returnUrl) });

    private async Task<IActionResult> SecondStepAsync(
        string view, SignInCodeRequest request, Func<string, string> normalise, Func<string, string?> formatError, Func<string, Task<Microsoft.AspNetCore.Identity.SignInResult>> signInWith, string wrongCode)
    {
        request.ReturnUrl = LocalOrNull(request.ReturnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            // The first step has expired (after 5 minutes) or never happened.
            return RedirectToAction(nameof(SignIn), new { returnUrl = request.ReturnUrl });
        }

        var code = normalise((request.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal));
        var error = code.Length == 0 ? "Enter the code" : formatError(code);
        if (error is not null)
        {
            return CodeRefused(view, request, error, StatusCodes.Status422UnprocessableEntity);
        }

        var result = await signInWith(code);
        if (result.Succeeded)
        {
            return LocalRedirect(request.ReturnUrl ?? "/");
        }

        return result.IsLockedOut
            ? CodeRefused(view, request, LockedOut, StatusCodes.Status429TooManyRequests)
            : CodeRefused(view, request, result.IsNotAllowed ? "Enter a correct email address and password" : wrongCode, StatusCodes.Status401Unauthorized);
    }

    private ViewResult CodeRefused(string view, SignInCodeRequest request, string message, int status)
    {
        ModelState.AddModelError(nameof(request.Code), message);
        Response.StatusCode = status;
        request.Code = null;
        return View(view, request);
    }

    private ViewResult Refused(SignInRequest request, string field, string message, int status)
    {
        ModelState.AddModelError(field, message);
        Response.StatusCode = status;
        request.Password = null;
        return View(request);
    }

    private string? LocalOrNull(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
