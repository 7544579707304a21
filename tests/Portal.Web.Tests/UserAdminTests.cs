using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>Administrators find users, change their roles, deactivate and reactivate them.</summary>
public sealed class UserAdminTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private PortalProcess Portal => site.Portal;

    [Fact]
    public async Task Users_are_listed_and_found_by_name_or_address()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();

        var all = await admin.GetStringAsync("/admin/users");
        var byName = await admin.GetStringAsync("/admin/users?q=hartley");
        var byAddress = await admin.GetStringAsync("/admin/users?q=PRIYA.RAMAN@");

        Assert.Contains("Lena Hartley", all, StringComparison.Ordinal);
        Assert.Contains("Claire Robson", all, StringComparison.Ordinal);
        Assert.Contains("Lena Hartley", byName, StringComparison.Ordinal);
        Assert.DoesNotContain("Claire Robson", byName, StringComparison.Ordinal);
        Assert.Contains("id=\"user-count\">1 user match", byName, StringComparison.Ordinal);
        Assert.Contains("Priya Raman", byAddress, StringComparison.Ordinal);
        using var far = await admin.GetAsync("/admin/users?page=99");
        Assert.Equal(HttpStatusCode.OK, far.StatusCode);
    }

    [Fact]
    public async Task A_deactivated_user_loses_their_session_at_once_is_refused_at_sign_in_and_loses_their_tokens_but_not_their_account()
    {
        const string email = "fiona.laidlaw@example.org";
        var id = await Portal.UserIdAsync(email);
        await Portal.ExecuteAsync(
            "INSERT INTO PersonalAccessTokens (Id, UserId, Name, Scope, Kind, Hash, Hint, CreatedAt, ExpiresAt) VALUES ($id, $user, 'BI report', 'Read', 'Personal', $hash, 'stem_abc', 0, $expires)",
            ("$id", Guid.NewGuid().ToString().ToUpperInvariant()), ("$user", id), ("$hash", new string('a', 64)), ("$expires", DateTimeOffset.UtcNow.AddDays(30).UtcTicks));
        using var librarian = Portal.CreateClient();
        await librarian.SignInAsync(email, TestSite.DemoPassword);
        using (var before = await librarian.GetAsync("/account/profile"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        using var deactivated = await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}/deactivate", []);
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        var page = await admin.GetStringAsync($"/admin/users/{id}");
        Assert.Contains("id=\"account-status\">Deactivated<", page, StringComparison.Ordinal);

        using var after = await librarian.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location?.PathAndQuery ?? after.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var refused = await Portal.CreateClient().SignInAsync(email, TestSite.DemoPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Enter a correct email address and password", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM PersonalAccessTokens WHERE UserId = $id AND RevokedAt IS NULL", ("$id", id)));
        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AuditEvents WHERE EventType = 'AccountDeactivated' AND SubjectId = $id", ("$id", id)));

        using var reactivated = await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}/reactivate", []);
        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        using var back = await Portal.CreateClient().SignInAsync(email, TestSite.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AuditEvents WHERE EventType = 'AccountReactivated' AND SubjectId = $id", ("$id", id)));
    }

    [Fact]
    public async Task The_last_administrator_keeps_the_role_and_cannot_be_deactivated()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        var id = await Portal.UserIdAsync(TestSite.AdminEmail);

        using var demoted = await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}/roles", [new("roles", "Member")]);
        using var deactivated = await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}/deactivate", []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, demoted.StatusCode);
        Assert.Contains("You cannot remove the last active administrator", await demoted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, deactivated.StatusCode);
        Assert.Contains("You cannot deactivate the last active administrator", await deactivated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Administrator", await Portal.ScalarAsync<string>(
            "SELECT group_concat(r.Name) FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE ur.UserId = $id", ("$id", id)));
        Assert.Null(await Portal.ScalarAsync<long?>("SELECT DeactivatedAt FROM AspNetUsers WHERE Id = $id", ("$id", id)));
    }

    [Fact]
    public async Task Roles_are_changed_from_the_list_and_a_new_coordinator_must_enrol_at_sign_in()
    {
        const string email = "rhys.carrick@example.org";
        var id = await Portal.UserIdAsync(email);
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();

        using var unknown = await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}/roles", [new("roles", "Librarian"), new("roles", "Superuser")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("Choose roles from the list", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var saved = await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}/roles", [new("roles", "Librarian"), new("roles", "Coordinator")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Coordinator,Librarian", await Portal.ScalarAsync<string>(
            "SELECT group_concat(Name) FROM (SELECT r.Name FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE ur.UserId = $id ORDER BY r.Name)", ("$id", id)));
        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AuditEvents WHERE EventType = 'RolesChanged' AND SubjectId = $id", ("$id", id)));

        using var promoted = Portal.CreateClient();
        using var signIn = await promoted.SignInAsync(email, TestSite.DemoPassword);
        Assert.StartsWith("/account/two-factor/enable", signIn.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_antiforgery_token_deactivates_nobody()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        var id = await Portal.UserIdAsync("tomasz.nowak@example.org");

        using var forged = await admin.PostAsync($"/admin/users/{id}/deactivate", new FormUrlEncodedContent([new("__RequestVerificationToken", "CfDJ8not-a-real-token")]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await Portal.ScalarAsync<long?>("SELECT DeactivatedAt FROM AspNetUsers WHERE Id = $id", ("$id", id)));
    }

    [Fact]
    public async Task An_unknown_user_is_not_found()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();

        using var response = await admin.GetAsync("/admin/users/no-such-user");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
