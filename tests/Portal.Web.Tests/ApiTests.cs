using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>A portal whose token endpoint is not rate-limited in practice, so tests of other rules don't trip it.</summary>
public sealed class ApiSiteFixture : SetUpSiteFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Portal:Api:TokenRequestsPerMinute"] = "1000" };
}

/// <summary>The JSON API: tokens, permissions, ProblemDetails errors and the OpenAPI document.</summary>
public sealed class ApiTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private HttpClient Client(string? token = null)
    {
        var client = site.Portal.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private async Task<string> SessionTokenAsync(string email, string password)
    {
        using var client = Client();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(59));
        return body.GetProperty("token").GetString()!;
    }

    [Fact]
    public async Task The_setup_token_lets_the_administrators_script_create_a_user_who_can_then_sign_in()
    {
        using var admin = Client(TestSite.AdminApiToken);

        using var created = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            email = "new.analyst@example.org",
            displayName = "New Analyst",
            password = "orange kite morning rain",
            roles = new[] { "Analyst" },
        });
        using var list = await admin.GetAsync("/api/v1/users?pageSize=200");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Analyst", user.GetProperty("roles")[0].GetString());
        Assert.Contains("new.analyst@example.org", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var browser = site.Portal.CreateClient();
        using var signIn = await browser.SignInAsync("new.analyst@example.org", "orange kite morning rain");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Creating_a_user_with_bad_input_names_each_problem()
    {
        using var admin = Client(TestSite.AdminApiToken);

        using var invalid = await admin.PostAsJsonAsync("/api/v1/users", new { email = "nope", displayName = "", password = "", roles = new[] { "Wizard" } });
        using var weak = await admin.PostAsJsonAsync("/api/v1/users", new { email = "weak.password@example.org", displayName = "Weak", password = "short", roles = Array.Empty<string>() });
        using var duplicate = await admin.PostAsJsonAsync("/api/v1/users", new { email = TestSite.LibrarianEmail, displayName = "Again", password = "a long enough passphrase" });
        using var notJson = await admin.PostAsync("/api/v1/users", new StringContent("{ not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var field in new[] { "email", "displayName", "password", "roles" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
        }

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("12 characters", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("application/problem+json", duplicate.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_librarians_session_token_works_but_not_for_what_a_librarian_may_not_do()
    {
        var token = await SessionTokenAsync(TestSite.LibrarianEmail, TestSite.DemoPassword);
        using var librarian = Client(token);

        using var users = await librarian.GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        Assert.Equal("application/problem+json", users.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("stem_this-token-was-never-issued")]
    [InlineData("not even a token")]
    public async Task A_missing_or_unknown_token_is_unauthorised(string? token)
    {
        using var client = Client(token);

        using var response = await client.GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_browser_cookie_does_not_open_the_api()
    {
        using var client = site.Portal.CreateClient();
        await client.SignInAsync(TestSite.LibrarianEmail, TestSite.DemoPassword);

        using var response = await client.GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_are_refused_and_count_towards_lockout()
    {
        using var client = Client();
        const string email = "fiona.laidlaw@example.org";

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = $"wrong {attempt}" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        // The fifth failure locks the account; from then on even the right password is refused.
        using var fifth = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong 5" });
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        using var locked = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = TestSite.DemoPassword });
        using var missing = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "" });

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task An_account_that_must_use_two_factor_gets_no_token_until_it_has_enrolled()
    {
        using var client = Client();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = TestSite.CoordinatorEmail, password = TestSite.DemoPassword });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("two-factor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        using var client = Client();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Equal("STEM Portal API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/auth/token", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/users", out _));
    }

    [Fact]
    public async Task Token_requests_beyond_the_limit_are_turned_away()
    {
        await using var portal = await PortalSites.StartSetUpSiteAsync(new Dictionary<string, string> { ["Portal:Api:TokenRequestsPerMinute"] = "3" });
        using var client = portal.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var request = 0; request < 4; request++)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = TestSite.LibrarianEmail, password = TestSite.DemoPassword });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        TestPaths.DeleteQuietly(portal.DataPath);
    }
}

/// <summary>Tokens against accounts that change: two-factor codes, deactivation, expiry.</summary>
public sealed class ApiTokenLifecycleTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private async Task<HttpResponseMessage> RequestTokenAsync(object body)
    {
        using var client = site.Portal.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/auth/token", body);
    }

    [Fact]
    public async Task With_two_factor_on_a_token_needs_the_right_code()
    {
        const string email = "rhys.carrick@example.org";
        using (var browser = site.Portal.CreateClient())
        {
            await browser.SignInAsync(email, TestSite.DemoPassword);
            await browser.EnrolInTwoFactorAsync(email);
        }

        using var noCode = await RequestTokenAsync(new { email, password = TestSite.DemoPassword });
        using var wrongCode = await RequestTokenAsync(new { email, password = TestSite.DemoPassword, otp = "000000" });
        using var rightCode = await RequestTokenAsync(new { email, password = TestSite.DemoPassword, otp = Totp.Code(AuthenticatorKeys.For(site.Portal.BaseAddress, email)) });

        Assert.Equal(HttpStatusCode.BadRequest, noCode.StatusCode);
        Assert.Contains("otp", await noCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightCode.StatusCode);
    }

    [Fact]
    public async Task A_deactivated_users_token_and_an_expired_token_are_refused()
    {
        const string email = "aisha.mahmood@example.org";
        using var issued = await RequestTokenAsync(new { email, password = TestSite.DemoPassword });
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var api = site.Portal.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var before = await api.GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode); // known, but not allowed

        var id = await site.Portal.UserIdAsync(email);
        using (var admin = site.Portal.CreateClient())
        {
            await admin.SignInAsAdministratorAsync();
            using var deactivated = await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}/deactivate", []);
            Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        }

        using var afterDeactivation = await api.GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.Unauthorized, afterDeactivation.StatusCode);

        using var adminApi = site.Portal.CreateClient();
        adminApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSite.AdminApiToken);
        await site.Portal.ExecuteAsync("UPDATE PersonalAccessTokens SET ExpiresAt = $past WHERE Name = 'Setup token'", ("$past", DateTimeOffset.UtcNow.AddMinutes(-1).UtcTicks));
        using var expired = await adminApi.GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }
}
