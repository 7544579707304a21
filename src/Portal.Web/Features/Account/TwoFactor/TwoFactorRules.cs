using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Core;
using Portal.Data.Identity;

namespace Portal.Web.Features.Account.TwoFactor;

/// <summary>Who must use two-factor sign-in, and how a signed-in principal says it has enrolled.</summary>
public static class TwoFactorRules
{
    /// <summary>Privileged roles: they enrol at their next browser sign-in and cannot turn it off.</summary>
    public static IReadOnlyList<string> RequiredForRoles { get; } = [Roles.Administrator, Roles.Coordinator];

    /// <summary>A claim the sign-in cookie carries while the user has two-factor sign-in turned on.</summary>
    public const string EnrolledClaimType = "portal:two-factor";

    public static bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(RequiredForRoles.Contains);

    public static async Task<bool> MustEnrolAsync(UserManager<PortalUser> users, PortalUser user) =>
        !user.TwoFactorEnabled && IsRequiredFor(await users.GetRolesAsync(user));

    /// <summary>True for a cookie sign-in of a privileged role that has not enrolled yet.</summary>
    public static bool MustEnrol(ClaimsPrincipal principal) =>
        principal.Identity is { IsAuthenticated: true, AuthenticationType: var type }
        && type == IdentityConstants.ApplicationScheme
        && RequiredForRoles.Any(principal.IsInRole)
        && !principal.HasClaim(c => c.Type == EnrolledClaimType);
}

/// <summary>Adds the two-factor claim, so the enrolment check needs no database read.</summary>
internal sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> users, RoleManager<PortalRole> roles, Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, PortalRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorRules.EnrolledClaimType, "enrolled"));
        }

        return identity;
    }
}

/// <summary>
/// Sends a signed-in Administrator or Coordinator who has not enrolled to the enrolment page, and
/// lets through only enrolment, sign-out, error pages and static files until they have. Independent
/// of permissions: it runs after authentication, before authorization.
/// </summary>
public sealed class TwoFactorEnrolmentMiddleware(RequestDelegate next)
{
    public const string EnrolPath = "/account/two-factor/enable";

    private static readonly PathString[] AllowedBeforeEnrolment =
        ["/account/two-factor", "/account/sign-out", "/account/sign-in", "/error", "/_content", "/health", "/favicon.ico"];

    public Task InvokeAsync(HttpContext context)
    {
        if (!TwoFactorRules.MustEnrol(context.User) || AllowedBeforeEnrolment.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            return next(context);
        }

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Set up two-factor authentication before using the portal.").ExecuteAsync(context);
        }

        var returnUrl = HttpMethods.IsGet(context.Request.Method) ? context.Request.Path + context.Request.QueryString : "/";
        context.Response.Redirect($"{EnrolPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return Task.CompletedTask;
    }
}
