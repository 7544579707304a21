using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>Administrators choose which permissions each role holds; the change takes effect at once.</summary>
public sealed class RolesPageTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    [Fact]
    public async Task Taking_a_permission_from_a_role_takes_it_from_its_members_and_giving_it_back_restores_it()
    {
        using var member = site.Portal.CreateClient();
        await member.SignInAsync(TestSite.MemberEmail, TestSite.DemoPassword);
        using var before = await member.GetAsync("/account/tokens");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var admin = site.Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        using var removed = await admin.PostFormAsync("/admin/roles/Member", "/admin/roles/Member", []);
        using var during = await member.GetAsync("/account/tokens");
        using var restored = await admin.PostFormAsync("/admin/roles/Member", "/admin/roles/Member", [new("permissions", "CreateApiTokens")]);
        using var after = await member.GetAsync("/account/tokens");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, during.StatusCode); // to the access-denied page
        Assert.Contains("access-denied", during.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Administrators_cannot_lose_the_permission_to_manage_roles_or_be_given_an_unknown_one()
    {
        using var admin = site.Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();

        using var lockout = await admin.PostFormAsync("/admin/roles/Administrator", "/admin/roles/Administrator", [new("permissions", "ManageSite")]);
        using var unknown = await admin.PostFormAsync("/admin/roles/Librarian", "/admin/roles/Librarian", [new("permissions", "RuleTheWorld")]);
        using var noSuchRole = await admin.GetAsync("/admin/roles/Wizard");
        var page = await admin.GetStringAsync("/admin/roles/Administrator");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, lockout.StatusCode);
        Assert.Contains("Administrators must keep the permission to manage roles", await lockout.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSuchRole.StatusCode);
        Assert.Contains("value=\"ManageRoles\" checked", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_may_not_see_the_roles_page()
    {
        using var member = site.Portal.CreateClient(followRedirects: true);
        await member.SignInAsync(TestSite.MemberEmail, TestSite.DemoPassword);

        using var response = await member.GetAsync("/admin/roles");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

/// <summary>The Roles recipe step sets a role's permissions at setup; a bad one names the recipe and step.</summary>
public sealed class RolesRecipeStepTests
{
    [Fact]
    public async Task A_recipe_can_take_permissions_from_a_role_and_an_unknown_permission_stops_setup()
    {
        var recipes = TestPaths.NewTempFolder("recipes");
        await File.WriteAllTextAsync(Path.Combine(recipes, "bad-roles.recipe.json"), """
            { "name": "bad-roles", "issetuprecipe": true, "steps": [
              { "name": "Roles", "roles": [ { "name": "Member", "permissions": [ "FlyToTheMoon" ] } ] } ] }
            """);
        await File.WriteAllTextAsync(Path.Combine(recipes, "quiet-members.recipe.json"), """
            { "name": "quiet-members", "issetuprecipe": true, "steps": [
              { "name": "Roles", "roles": [ { "name": "Administrator", "permissions": [ "ManageRoles", "ManageSite", "ManageUsers", "CreateApiTokens" ] },
                                            { "name": "Member", "permissions": [] } ] } ] }
            """);
        await using var portal = await PortalSites.StartEmptySiteAsync(new Dictionary<string, string> { ["Portal:Recipes:Path"] = recipes });
        using var client = portal.CreateClient();
        var setup = new Dictionary<string, string>
        {
            ["SiteName"] = "Roles test",
            ["Recipe"] = "bad-roles",
            ["AdminEmail"] = "roles.admin@example.org",
            ["AdminPassword"] = "roles orange passphrase",
            ["ConfirmPassword"] = "roles orange passphrase",
        };

        using var bad = await client.PostFormAsync("/setup", setup);
        setup["Recipe"] = "quiet-members";
        using var good = await client.PostFormAsync("/setup", setup);
        await client.SignInWithTwoFactorAsync("roles.admin@example.org", "roles orange passphrase");
        var memberPage = await client.GetStringAsync("/admin/roles/Member");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("Step 1 (Roles) of recipe &#x27;bad-roles&#x27; failed: There is no permission called &#x27;FlyToTheMoon&#x27;", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.DoesNotContain("checked", memberPage, StringComparison.Ordinal);
        TestPaths.DeleteQuietly(recipes);
    }
}
