using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Testing;

/// <summary>
/// Signing in as a person would when two-factor sign-in is involved: answer the code step with a
/// code from the remembered key, or, for an administrator or coordinator who has not enrolled yet,
/// enrol first (read the key off the page, compute a code).
/// </summary>
public static partial class TwoFactorSignIn
{
    public static Task SignInAsAdministratorAsync(this HttpClient client) => client.SignInWithTwoFactorAsync(TestSite.AdminEmail, TestSite.AdminPassword);

    public static Task SignInAsCoordinatorAsync(this HttpClient client) => client.SignInWithTwoFactorAsync(TestSite.CoordinatorEmail, TestSite.DemoPassword);

    public static async Task SignInWithTwoFactorAsync(this HttpClient client, string email, string password)
    {
        using var response = await client.SignInAsync(email, password);
        var landed = response.Headers.Location?.OriginalString ?? response.RequestMessage?.RequestUri?.PathAndQuery ?? string.Empty;
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.OK) || landed.StartsWith("/account/sign-in?", StringComparison.Ordinal) || landed == "/account/sign-in")
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode} {landed}");
        }

        if (landed.Contains("/account/sign-in/code", StringComparison.Ordinal))
        {
            using var code = await client.PostFormAsync("/account/sign-in/code", [new("Code", Totp.Code(AuthenticatorKeys.For(client.BaseAddress!, email)))]);
            if (code.StatusCode != HttpStatusCode.Redirect && code.RequestMessage?.RequestUri?.AbsolutePath == "/account/sign-in/code")
            {
                throw new InvalidOperationException($"The code step for {email} failed: {(int)code.StatusCode}");
            }
        }
        else if (landed.Contains("/account/two-factor/enable", StringComparison.Ordinal))
        {
            await client.EnrolInTwoFactorAsync(email);
        }
    }

    /// <summary>Turns two-factor sign-in on for the signed-in user; returns the shared key, which is also remembered.</summary>
    public static async Task<string> EnrolInTwoFactorAsync(this HttpClient client, string email)
    {
        var page = await client.GetStringAsync("/account/two-factor/enable");
        var key = SharedKey().Match(page) is { Success: true } match
            ? match.Groups["key"].Value
            : throw new InvalidOperationException("The enrolment page shows no shared key.");
        using var enabled = await client.PostFormAsync("/account/two-factor/enable", [new("Code", Totp.Code(key))]);
        var html = await enabled.Content.ReadAsStringAsync();
        if (!html.Contains("id=\"recovery-codes\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Enrolment of {email} failed: {(int)enabled.StatusCode}");
        }

        AuthenticatorKeys.Remember(client.BaseAddress!, email, key);
        return key;
    }

    [GeneratedRegex("id=\"shared-key\">(?<key>[a-z2-7 ]+)<")]
    private static partial Regex SharedKey();
}
