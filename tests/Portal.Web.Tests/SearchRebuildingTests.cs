using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>A portal whose index folder cannot be made (its path runs through a regular file), so its index is never ready.</summary>
public sealed class UnbuildableIndexSiteFixture : IAsyncLifetime
{
    private PortalProcess? _portal;
    private string? _blocker;

    public PortalProcess Portal => _portal ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _blocker = Path.Combine(TestPaths.NewTempFolder("blocker"), "not-a-folder");
        await File.WriteAllTextAsync(_blocker, "A file where the index folder would go.");
        _portal = await PortalSites.StartSetUpSiteAsync(new Dictionary<string, string>
        {
            ["Portal:Search:PollInterval"] = "00:00:01",
            ["Portal:Search:IndexPath"] = Path.Combine(_blocker, "search-index"),
        });
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
            TestPaths.DeleteQuietly(_portal.DataPath);
        }

        if (_blocker is not null)
        {
            TestPaths.DeleteQuietly(Path.GetDirectoryName(_blocker)!);
        }
    }
}

/// <summary>While the node has no index to search, the page and the API say so (503, Retry-After) and the rest of the portal carries on.</summary>
public sealed class SearchRebuildingTests(UnbuildableIndexSiteFixture site) : IClassFixture<UnbuildableIndexSiteFixture>
{
    private PortalProcess Portal => site.Portal;

    [Fact]
    public async Task The_page_says_search_is_being_rebuilt_with_503_and_retry_after()
    {
        using var anonymous = Portal.CreateClient();
        // Give the worker time to try (and fail) more than once.
        await Task.Delay(TimeSpan.FromSeconds(3));

        using var response = await anonymous.GetAsync("/search?q=falls&page=2");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
        Assert.Contains("<h1>Search is being rebuilt</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Try again in a minute", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=falls&page=2\"", html, StringComparison.Ordinal);
        Assert.False(Portal.HasExited);
    }

    [Fact]
    public async Task The_api_answers_503_with_retry_after_and_a_problem()
    {
        using var anonymous = Portal.CreateClient();

        using var response = await anonymous.GetAsync("/api/v1/search?q=falls");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("rebuilt", body.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_still_400_and_the_rest_of_the_portal_works()
    {
        using var anonymous = Portal.CreateClient();

        using var page = await anonymous.GetAsync("/search?q=falls&sort=sideways");
        using var api = await anonymous.GetAsync("/api/v1/search?q=falls&page=0");
        using var form = await anonymous.GetAsync("/search");
        using var home = await anonymous.GetAsync("/");
        using var evidence = await anonymous.GetAsync("/evidence");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        // Nothing asked, nothing to rebuild for: the form is there to use in a minute.
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.OK, evidence.StatusCode);
    }
}
