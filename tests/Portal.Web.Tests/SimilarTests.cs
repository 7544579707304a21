using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Summaries;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>A portal for the "Searched before?" tests: the index catches up every second, tokens without a tight rate limit.</summary>
public sealed class SimilarSiteFixture : SetUpSiteFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Portal:Api:TokenRequestsPerMinute"] = "1000",
        ["Portal:Search:PollInterval"] = "00:00:01",
    };
}

[CollectionDefinition(SimilarSite.Collection)]
public sealed class SimilarCollection : ICollectionFixture<SimilarSiteFixture>;

/// <summary>
/// What the similar-summary tests share: the recipe's public summary on deprescribing in care
/// homes, summaries of their own written as the review tests write them, and waiting for the
/// index (built and kept in step by the background worker) to show what a test expects.
/// </summary>
internal static class SimilarSite
{
    public const string Collection = "Similar summaries";

    /// <summary>The recipe's public summary "Medication review and deprescribing in care homes: effects on falls and admissions", which Helen may read.</summary>
    public static Guid Deprescribing => RequestsSite.ReusableSummary;

    /// <summary>Its question, reworded as a lead might write it.</summary>
    public const string DeprescribingQuestion = "Do medication reviews and deprescribing for care home residents reduce falls and hospital admissions?";

    /// <summary>A question no summary is about.</summary>
    public const string UnrelatedQuestion = "Which varnish keeps oak garden furniture from cracking during frosty winters?";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The ids of the summaries GET /api/v1/search/similar finds for <paramref name="text"/>.</summary>
    public static async Task<IReadOnlyList<string>> SimilarIdsAsync(HttpClient client, string text, int count = 10)
    {
        using var response = await client.GetAsync($"/api/v1/search/similar?text={Uri.EscapeDataString(text)}&count={count}");
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            return [];
        }

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
    }

    /// <summary>Waits until <paramref name="client"/> finds the summary like <paramref name="text"/>: the index is built after start-up and catches up every second.</summary>
    public static async Task WaitUntilFoundAsync(HttpClient client, string text, Guid summaryId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!(await SimilarIdsAsync(client, text, 20)).Contains(summaryId.ToString()))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The summary {summaryId} was not found like \"{text}\" within {Patience.TotalSeconds} seconds.");
            await Task.Delay(250);
        }
    }

    /// <summary>Waits until the index has the recipe's summaries.</summary>
    public static async Task WaitForRecipeAsync(this PortalProcess portal)
    {
        using var anonymous = portal.CreateClient();
        await WaitUntilFoundAsync(anonymous, DeprescribingQuestion, Deprescribing);
    }

    /// <summary>A delivered summary by <paramref name="author"/> (a new librarian when not given) on a new frailty request of Helen's, with the title given.</summary>
    public static async Task<SummaryReviewCase> SimilarFinalAsync(this PortalProcess portal, string title, TestLibrarian? author = null)
    {
        var draft = await portal.SummaryReviewDraftAsync(author: author, title: title);
        await portal.SummaryReviewDbAsync(async db =>
        {
            var summary = await db.SearchSummaries.SingleAsync(s => s.Id == draft.SummaryId);
            var request = await db.EvidenceRequests.SingleAsync(r => r.Id == draft.RequestId);
            summary.Deliver(request, draft.Author.Id, approvalRequired: false, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return summary.State == SummaryState.Final;
        });
        return draft;
    }

    /// <summary>The ids of the summaries the page links to as suggestions (data-summary).</summary>
    public static IReadOnlyList<string> SuggestedIds(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "data-summary=\"([0-9a-f-]{36})\"").Select(m => m.Groups[1].Value).ToList();

    /// <summary>A title with a word of its own, so that a question with that word is like this summary above all others.</summary>
    public static string DistinctTitle(string topic, out string word)
    {
        word = "zq" + Guid.NewGuid().ToString("N")[..8];
        return $"{topic} {word}";
    }
}
