using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Theming;

namespace Portal.Web.Features.Account.TwoFactor;

/// <summary>
/// /account/two-factor: turn authenticator-app codes on (shared key, then a code, then recovery
/// codes shown once), off where the person's roles allow, and make new recovery codes.
/// </summary>
[Authorize]
[Route("account/two-factor")]
public sealed class TwoFactorController(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AccountRecords records, PortalDbContext db, ISiteContext site) : Controller
{
    private const int RecoveryCodeCount = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await CurrentUserAsync();
        return View("TwoFactor", await StatusAsync(user));
    }

    [HttpGet("enable")]
    public async Task<IActionResult> Enable(string? returnUrl)
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        return View("Enable", await EnablePageAsync(user, LocalOrNull(returnUrl)));
    }

    [HttpPost("enable")]
    public async Task<IActionResult> Enable([FromForm] EnableTwoFactorRequest request)
    {
        var user = await CurrentUserAsync();
        var returnUrl = LocalOrNull(request.ReturnUrl);
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        var code = (request.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(request.Code), "Enter the 6-digit code from your authenticator app");
        }
        else if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(nameof(request.Code), "The code must be 6 digits");
        }
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(request.Code), "The code is not correct. Check the key you entered in the app, then enter the code it shows now");
        }

        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Enable", await EnablePageAsync(user, returnUrl));
        }

        IEnumerable<string>? codes;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            records.Audit("TwoFactorEnabled", user);
            Check(await records.SaveWithAsync(() => users.SetTwoFactorEnabledAsync(user, true)));
            codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
            await transaction.CommitAsync();
        }

        // Turning it on changed the security stamp: sign in again so this session carries on, enrolled.
        await signIn.RefreshSignInAsync(user);
        return View("RecoveryCodes", new RecoveryCodesPage(codes?.ToList() ?? [], JustEnabled: true, returnUrl ?? "/account/two-factor"));
    }

    [HttpPost("disable")]
    public async Task<IActionResult> Disable()
    {
        var user = await CurrentUserAsync();
        var status = await StatusAsync(user);
        if (status.Required)
        {
            ModelState.AddModelError(string.Empty, "Your role needs two-factor authentication, so you cannot turn it off");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("TwoFactor", status);
        }

        if (user.TwoFactorEnabled)
        {
            records.Audit("TwoFactorDisabled", user);
            Check(await records.SaveWithAsync(() => users.SetTwoFactorEnabledAsync(user, false)));
            // A later enrolment gets a new key; the old one may be on a lost phone.
            Check(await users.ResetAuthenticatorKeyAsync(user));
            await signIn.RefreshSignInAsync(user);
        }

        TempData["notice"] = "Two-factor authentication is turned off.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes()
    {
        var user = await CurrentUserAsync();
        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        records.Audit("RecoveryCodesRegenerated", user);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        return View("RecoveryCodes", new RecoveryCodesPage(codes?.ToList() ?? [], JustEnabled: false, "/account/two-factor"));
    }

    private async Task<TwoFactorStatusPage> StatusAsync(PortalUser user) => new(
        user.TwoFactorEnabled,
        TwoFactorRules.IsRequiredFor(await users.GetRolesAsync(user)),
        user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0,
        TempData["notice"] as string);

    private async Task<EnableTwoFactorPage> EnablePageAsync(PortalUser user, string? returnUrl)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Making a key changes the security stamp; sign in again so this session stays valid.
            Check(await users.ResetAuthenticatorKeyAsync(user));
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var issuer = site.Current.SiteName;
        var label = Uri.EscapeDataString($"{issuer}:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
        return new EnableTwoFactorPage(FormatKey(key!), uri, TwoFactorRules.IsRequiredFor(await users.GetRolesAsync(user)), returnUrl);
    }

    /// <summary>The key in lower-case groups of four, easier to type into an app.</summary>
    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                result.Append(' ');
            }

            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return result.ToString().ToLowerInvariant();
    }

    private async Task<PortalUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");

    private string? LocalOrNull(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : null;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed class EnableTwoFactorRequest
{
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed record TwoFactorStatusPage(bool Enabled, bool Required, int RecoveryCodesLeft, string? Notice);

public sealed record EnableTwoFactorPage(string SharedKey, string AuthenticatorUri, bool Required, string? ReturnUrl);

public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes, bool JustEnabled, string ContinueUrl);
