using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>Registration, the allow-list, email confirmation and the coordinators' approval queue.</summary>
public sealed class RegistrationTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private const string Password = "kettle harbour lantern violet";

    private PortalProcess Portal => site.Portal;

    internal static Dictionary<string, string> Form(string email, string password = Password, string name = "Sam Jones") => new()
    {
        ["Email"] = email,
        ["DisplayName"] = name,
        ["Organisation"] = "Northern Library Network",
        ["JobTitle"] = "Knowledge specialist",
        ["SystemId"] = string.Empty,
        ["Password"] = password,
        ["ConfirmPassword"] = password,
    };

    [Fact]
    public async Task An_allow_listed_colleague_confirms_the_address_from_the_mail_and_signs_in_as_a_member()
    {
        using var client = Portal.CreateClient();
        const string email = "ruth.ellis@trust.nhs.uk";

        using var registered = await client.PostFormAsync("/account/register", Form(email, name: "Ruth Ellis"));
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("<h1>Check your email</h1>", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var tooSoon = await client.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Unauthorized, tooSoon.StatusCode);

        var mail = Assert.Single(await Portal.OutboxAsync("ConfirmEmail", email));
        Assert.Equal("Ruth Ellis", mail.Model.GetProperty("displayName").GetString());
        var confirmUrl = mail.Model.GetProperty("confirmUrl").GetString()!;
        Assert.StartsWith(new Uri(Portal.BaseAddress, "/account/confirm?userId=").ToString(), confirmUrl, StringComparison.Ordinal);
        using var confirmed = await client.GetAsync(new Uri(confirmUrl).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Your email address is confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var signIn = await client.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        var id = await Portal.UserIdAsync(email);
        Assert.Equal("allow-list", await Portal.ScalarAsync<string>("SELECT ApprovedBy FROM AspNetUsers WHERE Id = $id", ("$id", id)));
        Assert.Equal("Member", await Portal.ScalarAsync<string>("SELECT r.Name FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE ur.UserId = $id", ("$id", id)));
        Assert.Equal(3, await Portal.ScalarAsync<long>(
            "SELECT COUNT(*) FROM AuditEvents WHERE SubjectId = $id AND EventType IN ('AccountRegistered', 'AccountConfirmed', 'AccountApproved')", ("$id", id)));
        Assert.DoesNotContain(await Portal.OutboxAsync("AccountAwaitingApproval"), n => n.Model.GetProperty("applicantEmail").GetString() == email);
    }

    [Fact]
    public async Task An_address_outside_the_allow_list_waits_until_a_coordinator_approves_it()
    {
        using var applicant = Portal.CreateClient();
        const string email = "sam.jones@example.com";
        await applicant.PostFormAsync("/account/register", Form(email));
        using var confirmed = await applicant.GetAsync(await Portal.LinkInLatestMailAsync("ConfirmEmail", email, "confirmUrl"));
        Assert.Contains("A coordinator will review your account", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var refused = await applicant.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Enter a correct email address and password", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notices = (await Portal.OutboxAsync("AccountAwaitingApproval")).Where(n => n.Model.GetProperty("applicantEmail").GetString() == email).ToList();
        Assert.Equal([TestSite.SecondCoordinatorEmail, TestSite.CoordinatorEmail], notices.Select(n => n.ToAddress).Order());
        Assert.All(notices, n => Assert.Equal("Sam Jones", n.Model.GetProperty("applicantName").GetString()));
        Assert.All(notices, n => Assert.EndsWith("/admin/registrations", n.Model.GetProperty("reviewUrl").GetString(), StringComparison.Ordinal));

        using var coordinator = Portal.CreateClient();
        await coordinator.SignInAsCoordinatorAsync();
        var queue = await coordinator.GetStringAsync("/admin/registrations");
        Assert.Contains(email, queue, StringComparison.Ordinal);
        Assert.Contains("Northern Library Network", queue, StringComparison.Ordinal);
        var id = await Portal.UserIdAsync(email);
        using var approved = await coordinator.PostFormAsync("/admin/registrations", $"/admin/registrations/{id}/approve", []);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var after = await coordinator.GetStringAsync("/admin/registrations");
        Assert.DoesNotContain($"/admin/registrations/{id}/approve", after, StringComparison.Ordinal);
        Assert.Contains("Sam Jones (sam.jones@example.com) can now sign in", after, StringComparison.Ordinal);

        var welcome = Assert.Single(await Portal.OutboxAsync("AccountApproved", email));
        Assert.Equal(new Uri(Portal.BaseAddress, "/account/sign-in").ToString(), welcome.Model.GetProperty("signInUrl").GetString());
        Assert.Equal(await Portal.UserIdAsync(TestSite.CoordinatorEmail), await Portal.ScalarAsync<string>("SELECT ApprovedBy FROM AspNetUsers WHERE Id = $id", ("$id", id)));
        using var signIn = await applicant.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task A_rejected_registration_is_deactivated_and_can_never_sign_in()
    {
        using var applicant = Portal.CreateClient();
        const string email = "pat.quinn@example.net";
        await applicant.PostFormAsync("/account/register", Form(email, name: "Pat Quinn"));
        await applicant.GetAsync(await Portal.LinkInLatestMailAsync("ConfirmEmail", email, "confirmUrl"));
        var id = await Portal.UserIdAsync(email);

        using var coordinator = Portal.CreateClient();
        await coordinator.SignInAsCoordinatorAsync();
        using var rejected = await coordinator.PostFormAsync("/admin/registrations", $"/admin/registrations/{id}/reject", []);

        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.NotNull(await Portal.ScalarAsync<long?>("SELECT DeactivatedAt FROM AspNetUsers WHERE Id = $id", ("$id", id)));
        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AuditEvents WHERE SubjectId = $id AND EventType = 'AccountRejected'", ("$id", id)));
        using var signIn = await applicant.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        using var again = await coordinator.PostFormAsync("/admin/registrations", $"/admin/registrations/{id}/approve", []);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Registering_an_address_that_already_has_an_account_looks_the_same_and_creates_and_sends_nothing()
    {
        using var client = Portal.CreateClient();

        using var response = await client.PostFormAsync("/account/register", Form(TestSite.MemberEmail.ToUpperInvariant(), name: "Someone Else"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Check your email</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AspNetUsers WHERE NormalizedEmail = upper($email)", ("$email", TestSite.MemberEmail)));
        Assert.Empty(await Portal.OutboxAsync("ConfirmEmail", TestSite.MemberEmail));
        Assert.Equal("Claire Robson", await Portal.ScalarAsync<string>("SELECT DisplayName FROM AspNetUsers WHERE NormalizedEmail = upper($email)", ("$email", TestSite.MemberEmail)));
    }

    [Fact]
    public async Task Registering_again_before_confirming_sends_a_new_link_and_keeps_one_account()
    {
        using var client = Portal.CreateClient();
        const string email = "lost.link@nhs.net";

        await client.PostFormAsync("/account/register", Form(email));
        using var again = await client.PostFormAsync("/account/register", Form(email));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, (await Portal.OutboxAsync("ConfirmEmail", email)).Count);
        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AspNetUsers WHERE NormalizedEmail = upper($email)", ("$email", email)));
        using var confirmed = await client.GetAsync(await Portal.LinkInLatestMailAsync("ConfirmEmail", email, "confirmUrl"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    [Fact]
    public async Task An_empty_form_names_every_missing_field_and_creates_nothing()
    {
        using var client = Portal.CreateClient();
        var users = await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AspNetUsers");

        using var response = await client.PostFormAsync("/account/register", new Dictionary<string, string> { ["SystemId"] = "999999" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Email\">Enter your email address</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#DisplayName\">Enter your name</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Organisation\">Enter your organisation</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#SystemId\">Choose a system from the list</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Password\">Enter a password</a>", html, StringComparison.Ordinal);
        Assert.Equal(users, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AspNetUsers"));
    }

    [Theory]
    [InlineData("not-an-email", "granite meadow puffin", "Enter an email address in the correct format")]
    [InlineData("short.pw@nhs.net", "tiny", "Password must be 12 characters or more")]
    [InlineData("common.pw@nhs.net", "Password1234", "This password is too common. Choose a different password")]
    [InlineData("keyboard.pw@nhs.net", "qwertyuiop123", "This password is too common. Choose a different password")]
    [InlineData("robin.hood@nhs.net", "robin.hood likes archery", "Password must not contain your name or email address")]
    [InlineData("named.pw@nhs.net", "i am Sam Jones of the north", "Password must not contain your name or email address")]
    public async Task A_weak_password_or_bad_address_is_refused_and_nothing_is_created(string email, string password, string message)
    {
        using var client = Portal.CreateClient();

        using var response = await client.PostFormAsync("/account/register", Form(email, password));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain(password, html, StringComparison.Ordinal);
        Assert.Equal(0, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AspNetUsers WHERE NormalizedEmail = upper($email)", ("$email", email)));
    }

    [Fact]
    public async Task A_password_over_128_characters_or_a_different_confirmation_is_refused()
    {
        using var client = Portal.CreateClient();
        var form = Form("long.pw@nhs.net", new string('w', 129));
        form["ConfirmPassword"] = "something else entirely";

        using var response = await client.PostFormAsync("/account/register", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Password must be 128 characters or fewer", html, StringComparison.Ordinal);
        Assert.Contains("The passwords do not match", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_or_forged_antiforgery_token_is_refused_and_creates_nothing()
    {
        using var client = Portal.CreateClient();
        await client.GetAsync("/account/register");

        using var missing = await client.PostAsync("/account/register", new FormUrlEncodedContent(Form("no.token@nhs.net")));
        var forged = Form("forged.token@nhs.net");
        forged["__RequestVerificationToken"] = "CfDJ8forged-token-that-was-never-issued";
        using var forgedResponse = await client.PostAsync("/account/register", new FormUrlEncodedContent(forged));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedResponse.StatusCode);
        Assert.Equal(0, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AspNetUsers WHERE Email IN ('no.token@nhs.net', 'forged.token@nhs.net')"));
    }

    [Fact]
    public async Task A_wrong_confirmation_code_confirms_nothing()
    {
        using var client = Portal.CreateClient();
        const string email = "wrong.code@nhs.net";
        await client.PostFormAsync("/account/register", Form(email));
        var id = await Portal.UserIdAsync(email);

        using var wrong = await client.GetAsync($"/account/confirm?userId={id}&code=not-the-code");
        using var missing = await client.GetAsync("/account/confirm");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("This link has expired or is not valid", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(0, await Portal.ScalarAsync<long>("SELECT EmailConfirmed FROM AspNetUsers WHERE Id = $id", ("$id", id)));
    }

    [Fact]
    public async Task The_system_list_offers_current_systems_only()
    {
        using var client = Portal.CreateClient();

        var html = await client.GetStringAsync("/account/register");

        Assert.Contains("NHS North East and North Cumbria ICB", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cumbria and North East (STP)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_domains_and_public_address_shape_who_gets_in_and_the_links()
    {
        await using var portal = await PortalSites.StartSetUpSiteAsync(new Dictionary<string, string>
        {
            ["Portal:Accounts:AllowedDomains"] = "example.com, partner.org",
            ["Portal:PublicUrl"] = "https://stem.example.nhs.uk/",
        });
        using var client = portal.CreateClient();
        const string email = "alex.fox@team.partner.org";

        await client.PostFormAsync("/account/register", Form(email, name: "Alex Fox"));
        var link = (await portal.OutboxAsync("ConfirmEmail", email))[0].Model.GetProperty("confirmUrl").GetString()!;
        Assert.StartsWith("https://stem.example.nhs.uk/account/confirm?userId=", link, StringComparison.Ordinal);
        using var confirmed = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Contains("Your email address is confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var signIn = await client.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // nhs.net is no longer on the configured list.
        await client.PostFormAsync("/account/register", Form("jo.fenwick@nhs.net", name: "Jo Fenwick"));
        using var waiting = await client.GetAsync(await portal.LinkInLatestMailAsync("ConfirmEmail", "jo.fenwick@nhs.net", "confirmUrl"));
        Assert.Contains("A coordinator will review your account", await waiting.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        TestPaths.DeleteQuietly(portal.DataPath);
    }
}
