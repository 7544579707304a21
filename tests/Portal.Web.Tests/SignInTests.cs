using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>Sign in, its failures and lockout, sign out, and what survives a restart.</summary>
public sealed class SignInTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    [Fact]
    public async Task The_administrator_signs_in_sees_site_settings_and_signs_out()
    {
        using var client = site.Portal.CreateClient();

        await client.SignInAsAdministratorAsync();
        using var admin = await client.GetAsync("/admin/site");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains(TestSite.SiteName, await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var signOut = await client.PostFormAsync("/admin/site", "/account/sign-out", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var afterwards = await client.GetAsync("/admin/site");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_message()
    {
        using var client = site.Portal.CreateClient();

        using var wrongPassword = await client.SignInAsync(TestSite.CoordinatorEmail, "not the password at all");
        using var unknown = await client.SignInAsync("nobody@example.org", "not the password at all");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("Enter a correct email address and password", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Enter a correct email address and password", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_fields_are_named_in_the_error_summary()
    {
        using var client = site.Portal.CreateClient();

        using var response = await client.SignInAsync("", "");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("<a href=\"#Email\">Enter your email address</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Password\">Enter your password</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        using var client = site.Portal.CreateClient();
        const string email = "tomasz.nowak@example.org";

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await client.SignInAsync(email, "wrong password number " + attempt);
            Assert.NotEqual(HttpStatusCode.Redirect, failed.StatusCode);
        }

        using var locked = await client.SignInAsync(email, TestSite.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("This account is locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_elsewhere_is_ignored()
    {
        using var client = site.Portal.CreateClient();

        using var response = await client.PostFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Email"] = TestSite.LibrarianEmail,
            ["Password"] = TestSite.DemoPassword,
            ["ReturnUrl"] = "https://evil.example.net/",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_site_and_its_accounts_survive_a_restart()
    {
        await using var portal = await PortalSites.StartSetUpSiteAsync();
        using (var client = portal.CreateClient())
        {
            await client.SignInAsAdministratorAsync();
            using var saved = await client.PostFormAsync("/admin/site", "/admin/theme", [new("theme", "CommunityTheme")]);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await portal.StopAsync();
        await using var restarted = await PortalProcess.StartAsync(portal.DataPath);
        using var again = restarted.CreateClient();
        // The enrolment survives too: the same key answers the code step on the restarted portal.
        AuthenticatorKeys.Remember(restarted.BaseAddress, TestSite.AdminEmail, AuthenticatorKeys.For(portal.BaseAddress, TestSite.AdminEmail));

        using var signIn = await again.SignInAsync(TestSite.AdminEmail, TestSite.AdminPassword);
        Assert.StartsWith("/account/sign-in/code", signIn.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await again.SignInAsAdministratorAsync();
        using var home = await again.GetAsync("/");
        var html = await home.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(TestSite.SiteName, html, StringComparison.Ordinal);
        Assert.Contains("data-theme=\"CommunityTheme\"", html, StringComparison.Ordinal);
        TestPaths.DeleteQuietly(portal.DataPath);
    }
}
