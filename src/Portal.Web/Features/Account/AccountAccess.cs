using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Identity;

namespace Portal.Web.Features.Account;

/// <summary>
/// Identity's "confirmed account" check, which every sign-in step (password, code, recovery code)
/// makes: the account must be confirmed, approved and not deactivated.
/// </summary>
internal sealed class ActiveAccountConfirmation : IUserConfirmation<PortalUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(user.CanUseThePortal);
}

/// <summary>
/// Checks the sign-in cookie on every request against the account: a deactivated account, or one
/// whose security stamp changed (password changed elsewhere, deactivated), is signed out at once.
/// Identity's own validator then refreshes roles and claims every minute.
/// </summary>
internal static class AccountCookieValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(options.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(options.SecurityStampClaimType);
        var db = services.GetRequiredService<PortalDbContext>();
        var account = userId is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.EmailConfirmed, u.ApprovedAt, u.DeactivatedAt, u.SecurityStamp })
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (account is null || !account.EmailConfirmed || account.ApprovedAt is null || account.DeactivatedAt is not null || account.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
