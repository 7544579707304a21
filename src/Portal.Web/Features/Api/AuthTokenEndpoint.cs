using Microsoft.AspNetCore.Identity;
using Portal.Core;
using Portal.Data.Identity;

namespace Portal.Web.Features.Api;

/// <summary>
/// POST /api/v1/auth/token: a one-hour token for a script that knows a password (and the
/// authenticator code when two-factor is on). Failures count towards lockout like the sign-in page.
/// </summary>
internal static class AuthTokenEndpoint
{
    public sealed record TokenRequest(string? Email, string? Password, string? Otp);

    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

    public static async Task<IResult> HandleAsync(
        TokenRequest? request, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, ApiTokens tokens, CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = string.IsNullOrWhiteSpace(request?.Email) ? ["Enter the email address."] : [],
                ["password"] = string.IsNullOrEmpty(request?.Password) ? ["Enter the password."] : [],
            }.Where(e => e.Value.Length > 0).ToDictionary());
        }

        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null || !user.CanUseThePortal)
        {
            return Refused();
        }

        var password = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (password.IsLockedOut)
        {
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "The account is locked after too many failed attempts. Try again later.");
        }

        if (!password.Succeeded)
        {
            return Refused();
        }

        if (user.TwoFactorEnabled)
        {
            var code = (request.Otp ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (code.Length == 0)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["otp"] = ["Enter the code from the authenticator app."] });
            }

            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                return Refused();
            }
        }
        else if ((await users.GetRolesAsync(user)).Any(Roles.RequiringTwoFactor.Contains))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This account must set up two-factor sign-in in the browser before it can use the API.");
        }

        await users.ResetAccessFailedCountAsync(user);
        var (text, token) = await tokens.CreateAsync(user.Id, "Session", TokenScope.ReadWrite, TokenKind.Session, ApiTokens.SessionLifetime, cancellationToken);
        return Results.Ok(new TokenResponse(text, token.ExpiresAt));
    }

    private static IResult Refused() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The email address, password or code is not correct.");
}
