using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>A portal on the demo recipe whose index is built (the worker polls every second) before the search tests run.</summary>
public sealed class SearchSiteFixture : IAsyncLifetime
{
    private PortalProcess? _portal;

    public PortalProcess Portal => _portal ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _portal = await PortalSites.StartSetUpSiteAsync(new Dictionary<string, string>
        {
            ["Portal:Api:TokenRequestsPerMinute"] = "1000",
            ["Portal:Search:PollInterval"] = "00:00:01",
        });
        await SearchSite.WaitForIndexAsync(_portal);
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
            TestPaths.DeleteQuietly(_portal.DataPath);
        }
    }
}

[CollectionDefinition(SearchSite.Collection)]
public sealed class SearchCollection : ICollectionFixture<SearchSiteFixture>;

/// <summary>What the search page and API tests share: the demo content they look for and how to ask.</summary>
internal static class SearchSite
{
    public const string Collection = "Search page and API";

    /// <summary>The demo's public summary (frailty-care-home-deprescribing).</summary>
    public const string PublicTitle = "Medication review and deprescribing in care homes: effects on falls and admissions";

    /// <summary>The demo's members-only summary (maternity-perinatal-mental-health-access).</summary>
    public const string MembersTitle = "Improving access to perinatal mental health services for women from minority ethnic groups";

    /// <summary>Waits until the background worker has built the index: the public summary is found by anyone.</summary>
    public static async Task WaitForIndexAsync(PortalProcess portal)
    {
        using var anonymous = portal.CreateClient();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(120);
        while (true)
        {
            using var response = await anonymous.GetAsync("/api/v1/search?q=deprescribing");
            if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32() > 0)
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"The index was not built in time: the last answer was {(int)response.StatusCode}.\n{portal.Output}");
            await Task.Delay(500);
        }
    }

    /// <summary>GET /api/v1/search with the query string given; asserts 200.</summary>
    public static async Task<JsonElement> SearchAsync(this HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/search?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static IReadOnlyList<JsonElement> Hits(this JsonElement results) => results.GetProperty("hits").EnumerateArray().ToList();

    public static IEnumerable<string> Titles(this JsonElement results) => results.Hits().Select(h => h.GetProperty("title").GetString()!);

    public static IEnumerable<string> Types(this JsonElement results) => results.Hits().Select(h => h.GetProperty("type").GetString()!);

    /// <summary>The values of one facet with their counts.</summary>
    public static Dictionary<string, int> Facet(this JsonElement results, string name) =>
        results.GetProperty("facets").EnumerateArray()
            .Where(f => f.GetProperty("name").GetString() == name)
            .SelectMany(f => f.GetProperty("values").EnumerateArray())
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32());
}

/// <summary>/search: the NHS.UK search form, hits with their type, marked words and dates, facets, sort, pages, notes and every bad input.</summary>
[Collection(SearchSite.Collection)]
public sealed class SearchPageTests(SearchSiteFixture site)
{
    private PortalProcess Portal => site.Portal;

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_visitor_finds_the_public_summary_with_its_type_the_words_marked_and_a_date()
    {
        using var anonymous = Portal.CreateClient();

        using var response = await anonymous.GetAsync("/search?q=deprescribing");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Search</h1>", html, StringComparison.Ordinal);
        Assert.Contains("aria-labelledby=\"search-results-heading\"", html, StringComparison.Ordinal);
        Assert.Matches(@"id=""search-results-heading""[^>]*>\d+ results? for ‘deprescribing’</h2>", WebUtility.HtmlDecode(html));
        Assert.Contains("<input class=\"nhsuk-input nhsuk-u-width-full\" id=\"q\" name=\"q\" type=\"search\" value=\"deprescribing\"", html, StringComparison.Ordinal);
        Assert.Contains("Search summaries</p>", html, StringComparison.Ordinal);
        Assert.Matches(@"<a href=""/evidence/[a-z0-9-]+"">Medication review and <mark>deprescribing</mark> in care homes", html);
        Assert.Matches(@"<time datetime=""\d{4}-\d{2}-\d{2}"">\d{1,2} [A-Z][a-z]+ \d{4}</time>", html);
        // Nothing shared with members only.
        Assert.DoesNotContain(SearchSite.MembersTitle, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_finds_nothing_shared_with_members_and_is_asked_to_sign_in()
    {
        using var anonymous = Portal.CreateClient();
        using var member = await Portal.SignedInAsync(TestSite.MemberEmail);

        var visitor = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/search?q=perinatal+minority+ethnic"));
        var signedIn = WebUtility.HtmlDecode(await member.GetStringAsync("/search?q=perinatal+minority+ethnic"));

        Assert.DoesNotContain("minority ethnic groups</a>", visitor.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("to search what is shared with members too", visitor, StringComparison.Ordinal);
        Assert.Contains(SearchSite.MembersTitle, signedIn.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facets_are_links_with_counts_and_the_one_chosen_is_shown_with_a_way_to_remove_it()
    {
        using var librarian = await Portal.SignedInAsync(TestSite.LibrarianEmail);

        var all = await librarian.GetStringAsync("/search?q=frailty");
        var narrowed = await librarian.GetStringAsync("/search?q=frailty&type=request");

        Assert.Contains("<h2 class=\"nhsuk-heading-m\">Narrow your results</h2>", all, StringComparison.Ordinal);
        Assert.Matches(@"<a href=""/search\?q=frailty&amp;type=request"">Evidence requests \(\d+<span class=""nhsuk-u-visually-hidden""> results?</span>\)</a>", all);
        Assert.Matches(@"<a href=""/search\?q=frailty&amp;type=summary"">Search summaries \(\d+", all);
        Assert.Contains("Type: <strong>Evidence requests</strong>", narrowed, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/search?q=frailty\">Remove<span class=\"nhsuk-u-visually-hidden\"> type Evidence requests</span></a>", narrowed, StringComparison.Ordinal);
        Assert.Matches(@"<strong aria-current=""true"">Evidence requests \(\d+", narrowed);
        Assert.DoesNotContain("Search summaries</p>", narrowed, StringComparison.Ordinal);
        Assert.Contains("Evidence requests</p>", narrowed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sort_and_pages_are_links_that_keep_the_search()
    {
        using var librarian = await Portal.SignedInAsync(TestSite.LibrarianEmail);

        var first = await librarian.GetStringAsync("/search?q=frailty&pageSize=2");
        var second = await librarian.GetStringAsync("/search?q=frailty&pageSize=2&page=2&sort=newest");

        Assert.Contains("Sorted by relevance. <a href=\"/search?q=frailty&amp;sort=newest&amp;pageSize=2\">Sort by newest first</a>", first, StringComparison.Ordinal);
        Assert.Contains("class=\"nhsuk-pagination nhsuk-pagination--numbered\"", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=frailty&amp;page=2&amp;pageSize=2\" class=\"nhsuk-pagination__next\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Page 1\" aria-current=\"page\"", first, StringComparison.Ordinal);
        Assert.Contains("Sorted by newest first.", second, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=frailty&amp;sort=newest&amp;pageSize=2\" class=\"nhsuk-pagination__previous\" rel=\"prev\"", second, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Page 2\" aria-current=\"page\"", second, StringComparison.Ordinal);
        Assert.Contains("Showing 3 to 4 of", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_the_last_says_so_and_links_to_the_first()
    {
        using var anonymous = Portal.CreateClient();

        using var response = await anonymous.GetAsync("/search?q=deprescribing&page=40");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There are no results on page 40. <a href=\"/search?q=deprescribing\">Go to the first page</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("portal-search-hit", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_that_are_not_a_query_and_only_common_words_are_explained()
    {
        using var anonymous = Portal.CreateClient();

        var unclosed = await HtmlAsync(await anonymous.GetAsync("/search?q=%22care+homes"));
        var common = await HtmlAsync(await anonymous.GetAsync("/search?q=the+and+of"));
        var nothing = await HtmlAsync(await anonymous.GetAsync("/search?q="));

        Assert.Contains("We searched for your words as written", unclosed, StringComparison.Ordinal);
        Assert.Contains("deprescribing", unclosed, StringComparison.Ordinal);
        Assert.Contains("Your search only had words too common to search for", common, StringComparison.Ordinal);
        Assert.Contains("0 results for", common, StringComparison.Ordinal);
        Assert.DoesNotContain("search-results-heading", nothing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_that_are_too_long_are_400_with_the_error_summary_and_no_search()
    {
        using var anonymous = Portal.CreateClient();

        using var response = await anonymous.GetAsync("/search?q=" + new string('a', 490) + "+falls+falls");
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<title>Error: Search", html, StringComparison.Ordinal);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#q\">Search words must be 500 characters or fewer</a>", html, StringComparison.Ordinal);
        Assert.Contains("nhsuk-form-group--error", html, StringComparison.Ordinal);
        Assert.Contains("id=\"q-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("search-results-heading", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q=falls&page=0", "Page must be a whole number from 1 to 100")]
    [InlineData("q=falls&page=abc", "Page must be a whole number from 1 to 100")]
    [InlineData("q=falls&page=101", "Page must be a whole number from 1 to 100")]
    [InlineData("q=falls&page=99999999999999999999", "Page must be a whole number from 1 to 100")]
    [InlineData("q=falls&pageSize=51", "Page size must be a whole number from 1 to 50")]
    [InlineData("q=falls&sort=oldest", "Sort must be relevance or newest")]
    [InlineData("q=falls&year=twenty", "Year must be a year such as 2024")]
    [InlineData("q=falls&type=summary&type=request", "Choose one type at a time")]
    [InlineData("q=falls&q=homes", "Give q once")]
    public async Task Values_that_are_not_valid_are_400_with_a_clear_message(string query, string message)
    {
        using var anonymous = Portal.CreateClient();

        using var response = await anonymous.GetAsync("/search?" + query);
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("search-results-heading", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_parameters_are_ignored_and_what_was_typed_is_shown_as_text()
    {
        using var anonymous = Portal.CreateClient();

        using var unknown = await anonymous.GetAsync("/search?q=deprescribing&colour=blue&facet=x");
        var typed = await anonymous.GetStringAsync("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("deprescribing</mark>", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", typed, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)", typed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_has_the_header_search_box_pointing_at_the_search_page()
    {
        using var anonymous = Portal.CreateClient();
        using var member = await Portal.SignedInAsync(TestSite.MemberEmail);

        foreach (var html in new[] { await anonymous.GetStringAsync("/"), await anonymous.GetStringAsync("/evidence"), await member.GetStringAsync("/workstreams") })
        {
            Assert.Contains("<form class=\"nhsuk-header__search-form\" action=\"/search\" method=\"get\" novalidate>", html, StringComparison.Ordinal);
            Assert.Contains("<input class=\"nhsuk-input\" id=\"search-field\" name=\"q\" type=\"search\"", html, StringComparison.Ordinal);
            Assert.Contains("<label class=\"nhsuk-label nhsuk-u-visually-hidden\" for=\"search-field\">", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_community_theme_keeps_the_header_search_box_and_the_search_page()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        using var anonymous = Portal.CreateClient();

        using var saved = await admin.PostFormAsync("/admin/site", "/admin/theme", [new("theme", "CommunityTheme")]);
        string home, results;
        try
        {
            home = await anonymous.GetStringAsync("/");
            results = await anonymous.GetStringAsync("/search?q=deprescribing");
        }
        finally
        {
            (await admin.PostFormAsync("/admin/site", "/admin/theme", [new("theme", "StemTheme")])).Dispose();
        }

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("data-theme=\"CommunityTheme\"", home, StringComparison.Ordinal);
        Assert.Contains("<form class=\"nhsuk-header__search-form\" action=\"/search\"", home, StringComparison.Ordinal);
        Assert.Contains("<mark>deprescribing</mark>", results, StringComparison.Ordinal);
    }
}
