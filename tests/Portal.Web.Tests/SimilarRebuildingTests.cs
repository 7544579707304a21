using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;
using static Portal.Web.Tests.SimilarSite;

namespace Portal.Web.Tests;

/// <summary>
/// A portal whose index can never be swapped in, so that it stays "rebuilding": the index folder's
/// "current.tmp", which a finished rebuild writes before renaming it to "current", is a folder.
/// The worker records the failure and tries again each second, as it would on a full disk.
/// </summary>
public sealed class SimilarRebuildingSiteFixture : SetUpSiteFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Portal:Search:IndexPath"] = UnfinishableIndex(),
        ["Portal:Search:PollInterval"] = "00:00:01",
    };

    private static string UnfinishableIndex()
    {
        var path = Path.Combine(Path.GetTempPath(), "portal-similar-rebuilding-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(path, "current.tmp"));
        return path;
    }
}

/// <summary>While the index is being rebuilt: the API says so with 503 and Retry-After, the pages still work and say so where it matters.</summary>
public sealed class SimilarRebuildingTests(SimilarRebuildingSiteFixture site) : IClassFixture<SimilarRebuildingSiteFixture>
{
    private PortalProcess Portal => site.Portal;

    [Fact]
    public async Task The_api_answers_503_with_retry_after_and_bad_input_is_still_400()
    {
        using var anonymous = Portal.CreateClient();

        using var rebuilding = await anonymous.GetAsync($"/api/v1/search/similar?text={Uri.EscapeDataString(DeprescribingQuestion)}");
        using var bad = await anonymous.GetAsync("/api/v1/search/similar?text=falls&count=0");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, rebuilding.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), rebuilding.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", rebuilding.Content.Headers.ContentType?.MediaType);
        Assert.Contains("rebuilt", (await rebuilding.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_form_says_it_cannot_check_and_the_request_and_summary_pages_still_open()
    {
        using var helen = await Portal.SignedInAsync(Helen);
        var frailty = (await Portal.WorkStreamAsync(Frailty)).GetProperty("id").GetString()!;
        var form = ValidForm(frailty, DeprescribingQuestion);

        using var checkedForm = await helen.PostFormAsync("/requests/new", "/requests/new/similar", form);
        form["action"] = "submit";
        var id = RequestIdFrom(await helen.PostRequestAsync(form));
        using var request = await helen.GetAsync($"/requests/{id}");
        using var summary = await helen.GetAsync($"/summaries/{Deprescribing}");

        Assert.Equal(HttpStatusCode.OK, checkedForm.StatusCode);
        Assert.Contains("We cannot check for similar summaries just now", await checkedForm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        Assert.DoesNotContain("Summaries that may already answer this", await request.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.DoesNotContain("Related summaries", await summary.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Matching falls back to topics: Tomasz Nowak delivered a request of this work stream (recipe).
        using var admin = Portal.Api(TestSite.AdminApiToken);
        var matches = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}/matches")).EnumerateArray();
        var tomasz = matches.Single(m => m.GetProperty("displayName").GetString() == "Tomasz Nowak");
        Assert.Equal(1, tomasz.GetProperty("factors")[1].GetProperty("score").GetDouble(), 6);
    }
}
