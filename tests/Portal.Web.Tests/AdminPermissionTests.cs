using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>Who may open the administration pages, and who is offered them in the menu.</summary>
public sealed class AdminPermissionTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    public static TheoryData<string> AdminPages => ["/admin/registrations", "/admin/users", "/admin/geography", "/admin/geography/new", "/admin/topics", "/admin/topics/new"];

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task A_member_is_refused_every_admin_page_and_a_visitor_is_asked_to_sign_in(string path)
    {
        using var member = site.Portal.CreateClient();
        await member.SignInAsync(TestSite.MemberEmail, TestSite.DemoPassword);
        using var visitor = site.Portal.CreateClient();

        using var refused = await member.GetAsync(path);
        using var anonymous = await visitor.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied", refused.Headers.Location?.PathAndQuery ?? refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location?.PathAndQuery ?? anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/users/x/deactivate")]
    [InlineData("/admin/users/x/roles")]
    [InlineData("/admin/registrations/x/approve")]
    [InlineData("/admin/geography/new")]
    [InlineData("/admin/topics/new")]
    public async Task A_member_posting_to_an_admin_action_gets_403(string path)
    {
        using var member = site.Portal.CreateClient(followRedirects: true);
        await member.SignInAsync(TestSite.LibrarianEmail, TestSite.DemoPassword);

        using var response = await member.PostFormAsync("/", path, [new("Name", "Anything")]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You do not have access to this page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_manages_registrations_geography_and_topics_but_not_users()
    {
        using var coordinator = site.Portal.CreateClient();
        await coordinator.SignInWithTwoFactorAsync(TestSite.SecondCoordinatorEmail, TestSite.DemoPassword);

        var home = await coordinator.GetStringAsync("/");
        var hub = await coordinator.GetStringAsync("/admin");
        Assert.Contains("href=\"/admin\"", home, StringComparison.Ordinal);
        foreach (var path in new[] { "/admin/registrations", "/admin/geography", "/admin/topics" })
        {
            using var allowed = await coordinator.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Contains($"href=\"{path}\"", hub, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("href=\"/admin/users\"", hub, StringComparison.Ordinal);

        using var users = await coordinator.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.DoesNotContain("href=\"/admin/users\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_menu_offers_a_member_none_of_the_admin_pages()
    {
        using var member = site.Portal.CreateClient();
        await member.SignInAsync(TestSite.MemberEmail, TestSite.DemoPassword);

        var home = await member.GetStringAsync("/");

        Assert.DoesNotContain("href=\"/admin", home, StringComparison.Ordinal);
        using var hub = await member.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, hub.StatusCode); // to the access-denied page
        Assert.Contains("href=\"/account/profile\"", home, StringComparison.Ordinal);
    }
}
