using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>Personal access tokens made on the tokens page: shown once, scoped, revocable.</summary>
public sealed partial class TokensPageTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    [GeneratedRegex("id=\"new-token\">(?<token>stem_[A-Za-z0-9_-]+)<")]
    private static partial Regex NewToken();

    private async Task<(HttpClient Browser, string Token)> CreateTokenAsync(string scope, string email = TestSite.LibrarianEmail, string password = TestSite.DemoPassword)
    {
        var browser = site.Portal.CreateClient();
        await browser.SignInWithTwoFactorAsync(email, password);
        using var created = await browser.PostFormAsync("/account/tokens", new Dictionary<string, string>
        {
            ["Name"] = $"Report {scope}",
            ["Scope"] = scope,
            ["Days"] = "30",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var match = NewToken().Match(await created.Content.ReadAsStringAsync());
        Assert.True(match.Success, "the new token is shown");
        return (browser, match.Groups["token"].Value);
    }

    private HttpClient Api(string token)
    {
        var client = site.Portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_new_token_is_shown_once_and_only_its_start_is_listed_afterwards()
    {
        var (browser, token) = await CreateTokenAsync("ReadWrite");
        using (browser)
        {
            var page = await browser.GetStringAsync("/account/tokens");

            Assert.DoesNotContain(token, page, StringComparison.Ordinal);
            Assert.Contains(token[..10], page, StringComparison.Ordinal);
            Assert.Contains("Report ReadWrite", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_read_only_token_may_read_but_not_write()
    {
        var (browser, token) = await CreateTokenAsync("Read", TestSite.AdminEmail, TestSite.AdminPassword);
        browser.Dispose();
        using var api = Api(token);

        using var read = await api.GetAsync("/api/v1/users");
        using var write = await api.PostAsJsonAsync("/api/v1/users", new { email = "x@example.org" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("read-only", await write.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        var (browser, token) = await CreateTokenAsync("ReadWrite");
        using (browser)
        {
            using var api = Api(token);
            using var before = await api.GetAsync("/api/v1/users");
            Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode); // authenticated, but not allowed

            var page = await browser.GetStringAsync("/account/tokens");
            var id = Regex.Match(page, "/account/tokens/(?<id>[0-9a-f-]{36})/revoke").Groups["id"].Value;
            using var revoke = await browser.PostFormAsync("/account/tokens", $"/account/tokens/{id}/revoke", []);
            using var after = await api.GetAsync("/api/v1/users");

            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }
    }

    [Fact]
    public async Task Bad_token_requests_are_explained_and_create_nothing()
    {
        using var browser = site.Portal.CreateClient();
        await browser.SignInAsync(TestSite.MemberEmail, TestSite.DemoPassword);

        using var response = await browser.PostFormAsync("/account/tokens", new Dictionary<string, string>
        {
            ["Name"] = "",
            ["Scope"] = "Everything",
            ["Days"] = "9999",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Enter a name for the token", html, StringComparison.Ordinal);
        Assert.Contains("Choose what the token may do", html, StringComparison.Ordinal);
        Assert.Contains("Choose how long the token lasts", html, StringComparison.Ordinal);
        Assert.Contains("You have no tokens.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_can_revoke_someone_elses_token()
    {
        var (owner, _) = await CreateTokenAsync("Read");
        var page = await owner.GetStringAsync("/account/tokens");
        owner.Dispose();
        var id = Regex.Match(page, "/account/tokens/(?<id>[0-9a-f-]{36})/revoke").Groups["id"].Value;
        using var other = site.Portal.CreateClient();
        await other.SignInAsync(TestSite.MemberEmail, TestSite.DemoPassword);

        using var response = await other.PostFormAsync("/account/tokens", $"/account/tokens/{id}/revoke", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
