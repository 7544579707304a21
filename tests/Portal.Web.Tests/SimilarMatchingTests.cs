using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;
using static Portal.Web.Tests.SimilarSite;

namespace Portal.Web.Tests;

/// <summary>Librarian matching's "past summaries" factor from the same more-like-this as the request form.</summary>
[Collection(Collection)]
public sealed class SimilarMatchingTests(SimilarSiteFixture site)
{
    private PortalProcess Portal => site.Portal;

    [Fact]
    public async Task A_librarian_who_wrote_a_summary_like_the_question_is_ranked_above_one_who_did_not()
    {
        var librarians = await Portal.NewLibrariansAsync(2);
        var (writer, other) = (librarians[0], librarians[1]);
        var title = DistinctTitle("Cold water immersion for delirium after hip fracture", out var word);
        var summary = await Portal.SimilarFinalAsync(title, writer);
        var question = $"Does cold water immersion reduce delirium after hip fracture {word}?";
        using (var author = Portal.Api(writer.Token))
        {
            await WaitUntilFoundAsync(author, question, summary.SummaryId);
        }

        var frailty = (await Portal.WorkStreamAsync(Frailty)).GetProperty("id").GetString()!;
        var request = await Portal.AddRequestAsync(frailty, question);
        using var admin = Portal.Api(TestSite.AdminApiToken);
        var matches = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{request}/matches")).EnumerateArray().ToList();

        var ids = matches.Select(m => m.GetProperty("userId").GetString()).ToList();
        double PastSummaries(string id) => matches.Single(m => m.GetProperty("userId").GetString() == id).GetProperty("factors")[1].GetProperty("score").GetDouble();
        Assert.Equal(1, PastSummaries(writer.Id), 6);
        Assert.Equal(0, PastSummaries(other.Id), 6);
        Assert.True(ids.IndexOf(writer.Id) < ids.IndexOf(other.Id), $"The writer of the similar summary should rank above the other: {string.Join(", ", ids)}");
        Assert.Equal("Past summaries on very similar questions.", matches.Single(m => m.GetProperty("userId").GetString() == writer.Id).GetProperty("factors")[1].GetProperty("explanation").GetString());

        // Requests for me scores the same way from the librarian's side.
        async Task<double> ForMeAsync(TestLibrarian librarian)
        {
            using var api = Portal.Api(librarian.Token);
            var mine = (await api.GetFromJsonAsync<JsonElement>("/api/v1/librarians/me/matches")).EnumerateArray().Single(m => m.GetProperty("requestId").GetString() == request.ToString());
            return mine.GetProperty("factors")[1].GetProperty("score").GetDouble();
        }

        Assert.Equal(1, await ForMeAsync(writer), 6);
        Assert.Equal(0, await ForMeAsync(other), 6);
    }

    [Fact]
    public async Task A_request_like_no_summary_leaves_past_summaries_to_topics()
    {
        var librarians = await Portal.NewLibrariansAsync(1);
        var frailty = (await Portal.WorkStreamAsync(Frailty)).GetProperty("id").GetString()!;
        await Portal.WaitForRecipeAsync();

        var request = await Portal.AddRequestAsync(frailty, UnrelatedQuestion);
        using var admin = Portal.Api(TestSite.AdminApiToken);
        var matches = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{request}/matches")).EnumerateArray().ToList();

        var fresh = matches.Single(m => m.GetProperty("userId").GetString() == librarians[0].Id);
        Assert.Equal(0, fresh.GetProperty("factors")[1].GetProperty("score").GetDouble(), 6);
        // Tomasz Nowak delivered a request of this work stream (recipe): his past work is on the same topics.
        var tomasz = matches.Single(m => m.GetProperty("displayName").GetString() == "Tomasz Nowak");
        Assert.Equal(1, tomasz.GetProperty("factors")[1].GetProperty("score").GetDouble(), 6);
    }
}
