using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;
using static Portal.Web.Tests.SimilarSite;

namespace Portal.Web.Tests;

/// <summary>GET /api/v1/search/similar?text=&amp;count=, and every way to get it wrong.</summary>
[Collection(Collection)]
public sealed class SimilarApiTests(SimilarSiteFixture site)
{
    private PortalProcess Portal => site.Portal;

    /// <summary>The recipe's members-only summary on peer support workers, and a question like it.</summary>
    private static readonly Guid PeerSupport = RecipeSummary("cmh-peer-support");

    private const string PeerSupportQuestion = "Do peer support workers in community mental health teams improve engagement and cut readmissions?";

    [Fact]
    public async Task Anyone_gets_the_summaries_like_a_text_that_they_may_open_with_id_type_title_url_and_score()
    {
        await Portal.WaitForRecipeAsync();
        using var anonymous = Portal.CreateClient();
        using var member = await Portal.ApiAsAsync(TestSite.MemberEmail);

        using var response = await anonymous.GetAsync($"/api/v1/search/similar?text={Uri.EscapeDataString(DeprescribingQuestion)}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var first = body.GetProperty("hits")[0];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Deprescribing.ToString(), first.GetProperty("id").GetString());
        Assert.Equal("summary", first.GetProperty("type").GetString());
        Assert.Equal("Medication review and deprescribing in care homes: effects on falls and admissions", first.GetProperty("title").GetString());
        Assert.StartsWith("/evidence/", first.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.True(first.GetProperty("score").GetDouble() > 0);
        // Members-only: a member finds it, the public does not.
        Assert.Contains(PeerSupport.ToString(), await SimilarIdsAsync(member, PeerSupportQuestion));
        Assert.DoesNotContain(PeerSupport.ToString(), await SimilarIdsAsync(anonymous, PeerSupportQuestion));
        Assert.Empty(await SimilarIdsAsync(anonymous, UnrelatedQuestion));
    }

    [Fact]
    public async Task Count_limits_the_hits()
    {
        await Portal.WaitForRecipeAsync();
        using var lena = await Portal.ApiAsAsync(TestSite.LibrarianEmail);
        const string falls = "falls in older people living at home or in care homes, exercise, deprescribing and medication review";

        var many = await SimilarIdsAsync(lena, falls, 20);
        var one = await SimilarIdsAsync(lena, falls, 1);

        Assert.True(many.Count > 1, $"Expected several hits, got {many.Count}.");
        Assert.Equal([many[0]], one);
        Assert.Equal(many.Count, many.Distinct().Count());
    }

    [Theory]
    [InlineData("", "text")]
    [InlineData("?text=", "text")]
    [InlineData("?text=%20%20", "text")]
    [InlineData("?text=falls&count=0", "count")]
    [InlineData("?text=falls&count=21", "count")]
    [InlineData("?text=falls&count=-1", "count")]
    [InlineData("?text=falls&count=ten", "count")]
    [InlineData("?text=falls&count=", "count")]
    public async Task Bad_input_is_a_validation_problem_naming_the_field(string query, string field)
    {
        using var anonymous = Portal.CreateClient();

        using var response = await anonymous.GetAsync($"/api/v1/search/similar{query}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task A_text_over_4000_characters_is_refused_and_one_of_4000_is_answered()
    {
        await Portal.WaitForRecipeAsync();
        using var anonymous = Portal.CreateClient();
        var longest = string.Concat(Enumerable.Repeat("deprescribing falls care homes ", 200))[..4000];

        using var tooLong = await anonymous.GetAsync($"/api/v1/search/similar?text={Uri.EscapeDataString(longest + "x")}");
        using var fits = await anonymous.GetAsync($"/api/v1/search/similar?text={Uri.EscapeDataString(longest)}");

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("4,000 characters or fewer", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }

    [Fact]
    public async Task Lucene_syntax_and_stop_words_are_only_words()
    {
        await Portal.WaitForRecipeAsync();
        using var anonymous = Portal.CreateClient();

        using var syntax = await anonymous.GetAsync($"/api/v1/search/similar?text={Uri.EscapeDataString("deprescribing\" AND (care homes* OR ~falls:[ admissions")}");
        using var stopWords = await anonymous.GetAsync("/api/v1/search/similar?text=the%20and%20of%20it");

        Assert.Equal(HttpStatusCode.OK, syntax.StatusCode);
        Assert.Contains(Deprescribing.ToString(), (await syntax.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, stopWords.StatusCode);
        Assert.Empty((await stopWords.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hits").EnumerateArray());
    }
}
