using System.Net;
using System.Text.RegularExpressions;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>Authenticator-app sign-in: enrolment, the code step, lockout, recovery codes, and who must use it.</summary>
public sealed partial class TwoFactorTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private PortalProcess Portal => site.Portal;

    [Fact]
    public async Task A_member_turns_on_two_factor_and_then_needs_a_code_to_sign_in()
    {
        const string email = "claire.robson@example.org";
        using var client = Portal.CreateClient();
        await client.SignInAsync(email, TestSite.DemoPassword);
        var key = await client.EnrolInTwoFactorAsync(email);
        Assert.Equal(32, key.Replace(" ", "", StringComparison.Ordinal).Length);
        Assert.Contains("id=\"two-factor-status\">On<", await client.GetStringAsync("/account/two-factor"), StringComparison.Ordinal);
        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AuditEvents WHERE EventType = 'TwoFactorEnabled' AND SubjectId = $id", ("$id", await Portal.UserIdAsync(email))));

        using var fresh = Portal.CreateClient();
        using var password = await fresh.SignInAsync(email, TestSite.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/account/sign-in/code?returnUrl=%2F", password.Headers.Location?.OriginalString);
        using var notYet = await fresh.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);

        using var wrong = await fresh.PostFormAsync("/account/sign-in/code", [new("Code", WrongCode(key))]);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("The code is not correct", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var right = await fresh.PostFormAsync("/account/sign-in/code", [new("Code", Totp.Code(key))]);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.Headers.Location?.OriginalString);
        using var profile = await fresh.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_lockout()
    {
        const string email = "daniel.okafor@example.org";
        using var client = Portal.CreateClient();
        await client.SignInAsync(email, TestSite.DemoPassword);
        var key = await client.EnrolInTwoFactorAsync(email);

        using var fresh = Portal.CreateClient();
        await fresh.SignInAsync(email, TestSite.DemoPassword);
        using (var first = await fresh.PostFormAsync("/account/sign-in/code", [new("Code", WrongCode(key))]))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        }

        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT AccessFailedCount FROM AspNetUsers WHERE NormalizedEmail = upper($e)", ("$e", email)));
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            using var failed = await fresh.PostFormAsync("/account/sign-in/code", [new("Code", WrongCode(key))]);
            Assert.NotEqual(HttpStatusCode.Redirect, failed.StatusCode);
        }

        using var locked = await fresh.PostFormAsync("/account/sign-in/code", [new("Code", Totp.Code(key))]);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("This account is locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        const string email = "joanne.whitfield@example.org";
        using var client = Portal.CreateClient();
        await client.SignInAsync(email, TestSite.DemoPassword);
        var page = await client.GetStringAsync("/account/two-factor/enable");
        var key = SharedKey().Match(page).Groups["key"].Value;
        using var enabled = await client.PostFormAsync("/account/two-factor/enable", [new("Code", Totp.Code(key))]);
        var codes = RecoveryCode().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups["code"].Value).ToList();
        Assert.Equal(10, codes.Count);

        using var fresh = Portal.CreateClient();
        await fresh.SignInAsync(email, TestSite.DemoPassword);
        using var recovered = await fresh.PostFormAsync("/account/sign-in/recovery", [new("Code", codes[0].ToLowerInvariant())]);
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Contains("<dd class=\"nhsuk-summary-list__value\">9</dd>", await fresh.GetStringAsync("/account/two-factor"), StringComparison.Ordinal);

        using var again = Portal.CreateClient();
        await again.SignInAsync(email, TestSite.DemoPassword);
        using var reused = await again.PostFormAsync("/account/sign-in/recovery", [new("Code", codes[0])]);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Contains("Enter a recovery code you have not used before", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_without_two_factor_is_sent_to_enrolment_and_can_do_nothing_else_until_enrolled()
    {
        using var client = Portal.CreateClient();

        using var signIn = await client.SignInAsync(TestSite.AdminEmail, TestSite.AdminPassword);
        Assert.Equal("/account/two-factor/enable?returnUrl=%2F", signIn.Headers.Location?.OriginalString);
        foreach (var path in new[] { "/", "/admin/site", "/admin/users", "/account/profile" })
        {
            using var blocked = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.Equal($"/account/two-factor/enable?returnUrl={Uri.EscapeDataString(path)}", blocked.Headers.Location?.OriginalString);
        }

        using var forbiddenPost = await client.PostFormAsync("/account/two-factor/enable", "/admin/theme", [new("theme", "CommunityTheme")]);
        Assert.Equal(HttpStatusCode.Redirect, forbiddenPost.StatusCode);
        using var badCode = await client.PostFormAsync("/account/two-factor/enable", [new("Code", "000000")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCode.StatusCode);
        Assert.Contains("The code is not correct", await badCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await client.EnrolInTwoFactorAsync(TestSite.AdminEmail);
        using var admin = await client.GetAsync("/admin/site");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);

        using var turnOff = await client.PostFormAsync("/account/two-factor", "/account/two-factor/disable", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, turnOff.StatusCode);
        Assert.Contains("Your role needs two-factor authentication, so you cannot turn it off", await turnOff.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var stillOn = await client.GetAsync("/account/two-factor");
        Assert.Contains("id=\"two-factor-status\">On<", await stillOn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_librarian_may_turn_two_factor_off_again()
    {
        const string email = "aisha.mahmood@example.org";
        using var client = Portal.CreateClient();
        await client.SignInAsync(email, TestSite.DemoPassword);
        await client.EnrolInTwoFactorAsync(email);

        using var turnedOff = await client.PostFormAsync("/account/two-factor", "/account/two-factor/disable", []);

        Assert.Equal(HttpStatusCode.Redirect, turnedOff.StatusCode);
        Assert.Contains("Two-factor authentication is turned off.", await client.GetStringAsync("/account/two-factor"), StringComparison.Ordinal);
        using var fresh = Portal.CreateClient();
        using var signIn = await fresh.SignInAsync(email, TestSite.DemoPassword);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_code_step_without_the_password_step_goes_back_to_sign_in()
    {
        using var client = Portal.CreateClient();

        using var page = await client.GetAsync("/account/sign-in/code");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/sign-in", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>A 6-digit code that is none of the codes the portal accepts around now.</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(code => !valid.Contains(code));
    }

    [GeneratedRegex("id=\"shared-key\">(?<key>[a-z2-7 ]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>(?<code>[A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCode();
}
