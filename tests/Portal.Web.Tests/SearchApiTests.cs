using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>GET /api/v1/search: what each reader finds, facets, marks, sort, pages, notes and every way to ask it wrongly.</summary>
[Collection(SearchSite.Collection)]
public sealed class SearchApiTests(SearchSiteFixture site)
{
    private PortalProcess Portal => site.Portal;

    [Fact]
    public async Task A_visitor_finds_public_summaries_only()
    {
        using var anonymous = Portal.CreateClient();

        var falls = await anonymous.SearchAsync("q=falls");
        var perinatal = await anonymous.SearchAsync("q=perinatal+mental+health");
        var homes = await anonymous.SearchAsync("q=care+homes&pageSize=50");

        Assert.Contains(SearchSite.PublicTitle, falls.Titles());
        Assert.All(falls.Hits(), h => Assert.StartsWith("/evidence/", h.GetProperty("url").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain(SearchSite.MembersTitle, perinatal.Titles());
        Assert.All(homes.Types().Concat(perinatal.Types()).Concat(falls.Types()), t => Assert.Equal("summary", t));
        Assert.Equal(["summary"], falls.Facet("type").Keys);
    }

    [Fact]
    public async Task A_member_also_finds_members_only_summaries_and_work_streams_but_no_requests()
    {
        using var member = await Portal.ApiAsAsync(TestSite.MemberEmail);

        var perinatal = await member.SearchAsync("q=perinatal+mental+health");
        var frailty = await member.SearchAsync("q=frailty&pageSize=50");

        Assert.Contains(SearchSite.MembersTitle, perinatal.Titles());
        Assert.Contains("workstream", frailty.Types());
        Assert.Contains("Frailty framework", frailty.Titles());
        Assert.DoesNotContain("request", frailty.Types().Concat(perinatal.Types()));
        Assert.False(frailty.Facet("type").ContainsKey("request"));
    }

    [Fact]
    public async Task A_lead_finds_their_own_requests_but_never_another_leads_and_a_librarian_finds_both()
    {
        using var helen = await Portal.ApiAsAsync(Helen);
        using var librarian = await Portal.ApiAsAsync(TestSite.LibrarianEmail);

        var own = await helen.SearchAsync("q=electronic+frailty+index&type=request");
        var others = await helen.SearchAsync("q=continuity+carer&type=request");
        var librarianOwn = await librarian.SearchAsync("q=electronic+frailty+index&type=request");
        var librarianOthers = await librarian.SearchAsync("q=continuity+carer&type=request");

        var efi = $"/requests/{RecipeRequest("frailty-efi-accuracy")}";
        var continuity = $"/requests/{RecipeRequest("maternity-continuity-of-carer")}";
        Assert.Contains(efi, own.Hits().Select(h => h.GetProperty("url").GetString()));
        Assert.Equal(0, others.GetProperty("total").GetInt32());
        Assert.Contains(efi, librarianOwn.Hits().Select(h => h.GetProperty("url").GetString()));
        Assert.Contains(continuity, librarianOthers.Hits().Select(h => h.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task Facets_count_the_hits_and_narrow_them_to_that_count()
    {
        using var librarian = await Portal.ApiAsAsync(TestSite.LibrarianEmail);

        var all = await librarian.SearchAsync("q=frailty&pageSize=50");
        var types = all.Facet("type");
        var topic = all.Facet("topic").OrderByDescending(t => t.Value).First();
        var requests = await librarian.SearchAsync("q=frailty&type=request&pageSize=50");
        var byTopic = await librarian.SearchAsync($"q=frailty&topic={Uri.EscapeDataString(topic.Key)}&pageSize=50");
        var both = await librarian.SearchAsync($"q=frailty&type=request&topic={Uri.EscapeDataString(topic.Key)}&pageSize=50");

        Assert.True(types.Count >= 2, all.ToString());
        Assert.Equal(all.GetProperty("total").GetInt32(), types.Values.Sum());
        Assert.Equal(types["request"], requests.GetProperty("total").GetInt32());
        Assert.All(requests.Types(), t => Assert.Equal("request", t));
        Assert.Equal(["request"], requests.Facet("type").Keys);
        Assert.Equal(topic.Value, byTopic.GetProperty("total").GetInt32());
        Assert.True(both.GetProperty("total").GetInt32() <= Math.Min(topic.Value, types["request"]));
        Assert.Equal(both.GetProperty("total").GetInt32(), both.Hits().Count);
    }

    [Fact]
    public async Task Snippets_are_html_with_the_matched_words_marked_and_titles_are_text()
    {
        using var anonymous = Portal.CreateClient();

        var results = await anonymous.SearchAsync("q=deprescribing");

        var hit = Assert.Single(results.Hits(), h => h.GetProperty("title").GetString() == SearchSite.PublicTitle);
        Assert.Contains("<mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Matches("(?i)<mark>deprescri", hit.GetProperty("snippet").GetString()!);
        Assert.Equal("summary", hit.GetProperty("type").GetString());
        Assert.True(hit.GetProperty("score").GetSingle() > 0);
        Assert.True(hit.GetProperty("date").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddYears(-1));
        Assert.False(string.IsNullOrEmpty(hit.GetProperty("id").GetString()));
        Assert.Equal("None", results.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Newest_first_sorts_by_date_and_pages_do_not_overlap()
    {
        using var librarian = await Portal.ApiAsAsync(TestSite.LibrarianEmail);

        var newest = await librarian.SearchAsync("q=frailty&sort=newest&pageSize=50");
        var first = await librarian.SearchAsync("q=frailty&sort=newest&pageSize=2");
        var second = await librarian.SearchAsync("q=frailty&sort=newest&pageSize=2&page=2");

        var dates = newest.Hits().Select(h => h.GetProperty("date").GetDateTimeOffset()).ToList();
        Assert.True(dates.Count >= 4, newest.ToString());
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Equal((1, 2, 2), (first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32(), first.Hits().Count));
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(newest.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
        Assert.Empty(first.Hits().Select(h => h.GetProperty("id").GetString()).Intersect(second.Hits().Select(h => h.GetProperty("id").GetString())));
        Assert.Equal(newest.Hits().Skip(2).Take(2).Select(h => h.GetProperty("id").GetString()), second.Hits().Select(h => h.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Notes_say_when_words_were_read_as_written_or_were_all_too_common()
    {
        using var anonymous = Portal.CreateClient();

        var unclosed = await anonymous.SearchAsync("q=%22care+homes");
        var common = await anonymous.SearchAsync("q=the+and");
        var empty = await anonymous.SearchAsync("q=");

        Assert.Equal("ReadAsPlainWords", unclosed.GetProperty("note").GetString());
        Assert.Contains(SearchSite.PublicTitle, unclosed.Titles());
        Assert.Equal(("OnlyCommonWords", 0), (common.GetProperty("note").GetString(), common.GetProperty("total").GetInt32()));
        Assert.Equal(("Empty", 0), (empty.GetProperty("note").GetString(), empty.GetProperty("total").GetInt32()));
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=x", "page")]
    [InlineData("page=101", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=51", "pageSize")]
    [InlineData("pageSize=1.5", "pageSize")]
    [InlineData("sort=date", "sort")]
    [InlineData("year=1x", "year")]
    [InlineData("year=20245", "year")]
    [InlineData("topic=a&topic=b", "topic")]
    [InlineData("type=%01", "type")]
    public async Task Values_that_are_not_valid_are_a_400_validation_problem_naming_them(string query, string field)
    {
        using var anonymous = Portal.CreateClient();

        using var response = await anonymous.GetAsync("/api/v1/search?q=falls&" + query);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out var messages), body.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task Words_that_are_too_long_are_a_400_and_a_facet_value_that_is_too_long_too()
    {
        using var anonymous = Portal.CreateClient();

        using var words = await anonymous.GetAsync("/api/v1/search?q=" + new string('a', 501));
        using var facet = await anonymous.GetAsync("/api/v1/search?q=falls&topic=" + new string('a', 201));
        using var justRight = await anonymous.GetAsync("/api/v1/search?q=" + new string('a', 500));

        Assert.Equal(HttpStatusCode.BadRequest, words.StatusCode);
        Assert.Equal("Search words must be 500 characters or fewer.", (await words.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("q")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, facet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, justRight.StatusCode);
    }

    [Fact]
    public async Task Unknown_facet_names_are_ignored_and_a_bearer_token_searches_as_its_holder()
    {
        using var anonymous = Portal.CreateClient();
        using var librarian = Portal.Api(TestSite.AdminApiToken);

        var unknown = await anonymous.SearchAsync("q=deprescribing&colour=blue");
        var admin = await librarian.SearchAsync("q=continuity+carer&type=request");

        Assert.Contains(SearchSite.PublicTitle, unknown.Titles());
        Assert.True(admin.GetProperty("total").GetInt32() > 0, admin.ToString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_search_and_its_parameters()
    {
        using var anonymous = Portal.CreateClient();

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var search = document.GetProperty("paths").GetProperty("/api/v1/search").GetProperty("get");
        var parameters = search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToHashSet();
        Assert.Equal(new[] { "q", "type", "topic", "system", "region", "workstream", "year", "evidence", "sort", "page", "pageSize" }.Order(StringComparer.Ordinal), parameters.Order(StringComparer.Ordinal));
        Assert.True(search.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(search.GetProperty("responses").TryGetProperty("503", out _));
    }
}
