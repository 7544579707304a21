using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data.Identity;

namespace Portal.Web.Features.Account;

/// <summary>Sign in and sign out. Repeated failures lock the account for a while.</summary>
[Route("account")]
public sealed class AccountController(SignInManager<PortalUser> signIn, UserManager<PortalUser> users) : Controller
{
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
                    return LocalRedirect(request.ReturnUrl ?? "/");
                }

                if (result.IsLockedOut)
                {
                    return Refused(request, nameof(request.Email), "This account is locked after too many failed attempts. Try again in 15 minutes.", StatusCodes.Status429TooManyRequests);
                }
            }

            // One message whether the address is unknown or the password wrong, so addresses cannot be probed.
            return Refused(request, nameof(request.Email), "Enter a correct email address and password", StatusCodes.Status401Unauthorized);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        request.Password = null;
        return View(request);
    }

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
