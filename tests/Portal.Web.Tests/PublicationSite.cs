using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>
/// What the publication tests set up: a delivered summary (made as the review tests make one) with a
/// title of the test's own, and the requester's consent given over the API as Helen would give it.
/// </summary>
internal static class PublicationSite
{
    public static string UniqueTitle(string stem) => $"{stem} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A delivered summary of Helen's frailty request, titled <paramref name="title"/>, shared as far as <paramref name="consent"/> when given.</summary>
    public static async Task<SummaryReviewCase> PublicationFinalAsync(this PortalProcess portal, string title, string? consent = null)
    {
        var final = await portal.SummaryReviewFinalAsync();
        await portal.RetitleAsync(final.SummaryId, title);
        if (consent is not null)
        {
            using var helen = await portal.ApiAsAsync(Helen);
            using var agreed = await helen.PostAsJsonAsync($"/api/v1/requests/{final.RequestId}/consent", new { scope = consent });
            Assert.True(agreed.StatusCode == HttpStatusCode.OK, await agreed.Content.ReadAsStringAsync());
        }

        return final;
    }

    /// <summary>A title edit straight in the database (a final summary is not edited through the portal).</summary>
    public static async Task RetitleAsync(this PortalProcess portal, Guid summaryId, string title) =>
        Assert.Equal(1, await portal.ExecuteAsync("UPDATE SearchSummaries SET Title = $title WHERE Id = $id", ("$title", title), ("$id", CoordinationSite.Key(summaryId))));

    /// <summary>The author publishes over the API; the answer's body as JSON.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PublishAsync(this PortalProcess portal, string token, Guid summaryId, object? body)
    {
        using var api = portal.Api(token);
        using var response = await api.PostAsJsonAsync($"/api/v1/summaries/{summaryId}/publish", body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Publishes and returns the slug, asserting it worked.</summary>
    public static async Task<string> PublishedSlugAsync(this PortalProcess portal, SummaryReviewCase summary, string visibility)
    {
        var (status, body) = await portal.PublishAsync(summary.Author.Token, summary.SummaryId, new { visibility });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("slug").GetString()!;
    }

    public static async Task<(string Visibility, string? Slug)> PublicationRowAsync(this PortalProcess portal, Guid summaryId)
    {
        var row = Assert.Single(await portal.QueryAsync("SELECT Visibility, Slug FROM SearchSummaries WHERE Id = $id", ("$id", CoordinationSite.Key(summaryId))));
        return ((string)row["Visibility"]!, row["Slug"] as string);
    }
}
