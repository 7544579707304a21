using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>A set-up site: health, errors, permissions, headers and static files.</summary>
public sealed class SiteTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_without_signing_in(string path)
    {
        using var client = site.Portal.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_page_shows_the_not_found_page()
    {
        using var client = site.Portal.CreateClient();

        using var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_address_answers_with_problem_details()
    {
        using var client = site.Portal.CreateClient();

        using var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Site_settings_ask_a_visitor_to_sign_in_and_refuse_a_member()
    {
        using var visitor = site.Portal.CreateClient();
        using var anonymous = await visitor.GetAsync("/admin/site");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in?ReturnUrl=%2Fadmin", anonymous.Headers.Location?.PathAndQuery ?? anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);

        using var member = site.Portal.CreateClient(followRedirects: true);
        await member.SignInAsync(TestSite.MemberEmail, TestSite.DemoPassword);
        using var refused = await member.GetAsync("/admin/site");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("You do not have access to this page", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var forged = await member.PostFormAsync("/", "/admin/theme", [new("theme", "CommunityTheme")]);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        using var client = site.Portal.CreateClient();

        using var response = await client.GetAsync("/account/sign-in");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_theme_serves_the_nhs_frontend_styles_and_script()
    {
        using var client = site.Portal.CreateClient();

        using var css = await client.GetAsync("/_content/StemTheme/lib/nhsuk-frontend/nhsuk-frontend.min.css");
        using var js = await client.GetAsync("/_content/StemTheme/lib/nhsuk-frontend/nhsuk-frontend.min.js");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains(".nhsuk-header", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.Contains("initAll", await js.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
