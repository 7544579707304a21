using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>The active theme is a site setting; a theme overrides a view by shipping one of the same name.</summary>
public sealed class ThemeTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    [Fact]
    public async Task Choosing_the_community_theme_overrides_the_home_page_introduction_only()
    {
        using var client = site.Portal.CreateClient();
        await client.SignInAsAdministratorAsync();
        var before = await client.GetStringAsync("/");

        using var saved = await client.PostFormAsync("/admin/site", "/admin/theme", [new("theme", "CommunityTheme")]);
        var after = await client.GetStringAsync("/");
        using var restore = await client.PostFormAsync("/admin/site", "/admin/theme", [new("theme", "StemTheme")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain("data-theme=\"CommunityTheme\"", before, StringComparison.Ordinal);
        Assert.Contains("data-theme=\"CommunityTheme\"", after, StringComparison.Ordinal);
        // Everything the community theme does not ship still comes from the default theme.
        Assert.Contains("nhsuk-header", after, StringComparison.Ordinal);
        Assert.Contains("nhsuk-footer", after, StringComparison.Ordinal);

        var audit = await site.Portal.QueryAsync(
            "SELECT a.Data, u.Email FROM AuditEvents a JOIN AspNetUsers u ON u.Id = a.Actor WHERE a.EventType = 'SiteThemeChanged' ORDER BY a.Id");
        Assert.Equal(2, audit.Count);
        Assert.Contains("\"To\":\"CommunityTheme\"", (string)audit[0]["Data"]!, StringComparison.Ordinal);
        Assert.Equal(TestSite.AdminEmail, audit[0]["Email"]);
    }

    [Fact]
    public async Task An_unknown_theme_is_refused_with_a_message()
    {
        using var client = site.Portal.CreateClient();
        await client.SignInAsAdministratorAsync();

        using var response = await client.PostFormAsync("/admin/site", "/admin/theme", [new("theme", "../../etc/passwd")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Choose one of the themes listed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
