using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>Forgotten password by mail, the reset link, and changing a known password.</summary>
public sealed class PasswordTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private const string NewPassword = "orchard compass thimble river";

    private PortalProcess Portal => site.Portal;

    [Fact]
    public async Task A_forgotten_password_is_reset_from_the_mailed_link_and_the_link_works_once()
    {
        const string email = "helen.armstrong@example.org";
        using var client = Portal.CreateClient();

        using var asked = await client.PostFormAsync("/account/forgot-password", [new("Email", email)]);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("<h1>Check your email</h1>", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mail = Assert.Single(await Portal.OutboxAsync("ResetPassword", email));
        Assert.Equal("Helen Armstrong", mail.Model.GetProperty("displayName").GetString());
        var link = new Uri(mail.Model.GetProperty("resetUrl").GetString()!).PathAndQuery;
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(Portal.BaseAddress, link).Query);
        var form = new Dictionary<string, string> { ["UserId"] = query["userId"]!, ["Code"] = query["code"]!, ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword };

        using var weak = await client.PostFormAsync(link, "/account/reset-password", new Dictionary<string, string>(form) { ["Password"] = "letmein12345", ["ConfirmPassword"] = "letmein12345" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Contains("This password is too common", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var reset = await client.PostFormAsync(link, "/account/reset-password", form);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("Your password has been changed", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await Portal.OutboxAsync("PasswordChanged", email));

        using var old = await client.SignInAsync(email, TestSite.DemoPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        using var fresh = await client.SignInAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);

        using var reused = await client.PostFormAsync(link, "/account/reset-password", new Dictionary<string, string>(form) { ["Password"] = "another fine passphrase", ["ConfirmPassword"] = "another fine passphrase" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("This link has expired or has already been used", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        using var client = Portal.CreateClient();

        using var response = await client.PostFormAsync("/account/forgot-password", [new("Email", "nobody.here@example.org")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Check your email</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await Portal.OutboxAsync(toAddress: "nobody.here@example.org"));
    }

    [Fact]
    public async Task The_forgotten_password_form_asks_for_an_address()
    {
        using var client = Portal.CreateClient();

        using var empty = await client.PostFormAsync("/account/forgot-password", [new("Email", "")]);
        using var bad = await client.PostFormAsync("/account/forgot-password", [new("Email", "not an address")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("<a href=\"#Email\">Enter your email address</a>", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
    }

    [Fact]
    public async Task A_reset_with_a_made_up_code_changes_nothing()
    {
        using var client = Portal.CreateClient();
        var id = await Portal.UserIdAsync("sinead.orourke@example.org");

        using var response = await client.PostFormAsync("/account/reset-password", new Dictionary<string, string>
        {
            ["UserId"] = id!, ["Code"] = "made-up", ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("This link has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var signIn = await client.SignInAsync("sinead.orourke@example.org", TestSite.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_keeps_this_session_and_ends_the_others()
    {
        const string email = "marcus.bell@example.org";
        using var other = Portal.CreateClient();
        await other.SignInAsync(email, TestSite.DemoPassword);
        using var client = Portal.CreateClient();
        await client.SignInAsync(email, TestSite.DemoPassword);

        using var wrong = await client.PostFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not my password at all", ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("<a href=\"#CurrentPassword\">Enter your current password correctly</a>", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var named = await client.PostFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestSite.DemoPassword, ["Password"] = "marcus bell rides bikes", ["ConfirmPassword"] = "marcus bell rides bikes",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, named.StatusCode);
        Assert.Contains("Password must not contain your name or email address", await named.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var changed = await client.PostFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestSite.DemoPassword, ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Your password has been changed.", await client.GetStringAsync("/account/profile"), StringComparison.Ordinal);
        Assert.Single(await Portal.OutboxAsync("PasswordChanged", email));
        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AuditEvents WHERE EventType = 'PasswordChanged' AND SubjectId = $id", ("$id", await Portal.UserIdAsync(email))));

        using var elsewhere = await other.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.StartsWith("/account/sign-in", elsewhere.Headers.Location?.PathAndQuery ?? elsewhere.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var again = Portal.CreateClient();
        using var signIn = await again.SignInAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_asks_a_visitor_to_sign_in()
    {
        using var client = Portal.CreateClient();

        using var response = await client.GetAsync("/account/change-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
