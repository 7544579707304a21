using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using static Portal.Web.Tests.CoordinationSite;

namespace Portal.Web.Tests;

/// <summary>The steps the impact tests share: a delivered request of their own, and a valid answer.</summary>
internal static class ImpactSite
{
    /// <summary>A new request by Helen Armstrong on the frailty framework, marked delivered at <paramref name="deliveredAt"/>.</summary>
    public static async Task<Guid> DeliveredRequestAsync(this PortalProcess portal, string question, DateTimeOffset deliveredAt)
    {
        var id = await portal.SubmittedRequestAsync(question);
        await portal.ExecuteAsync("UPDATE EvidenceRequests SET State = 'Delivered' WHERE Id = $id", ("$id", Key(id)));
        await portal.SetRequestTimeAsync(id, "DeliveredAt", deliveredAt);
        return id;
    }

    /// <summary>An answer the API accepts.</summary>
    public static object ValidAnswer(string? comments = "We changed the falls pathway because of it.", bool consent = true) => new
    {
        uses = new[] { "SharedWithColleagues", "InformedDecision" },
        contributedTo = new[] { "Decision", "SavedTimeOrMoney" },
        hoursSaved = 2.5m,
        wouldRecommend = "Yes",
        comments,
        caseStudyConsent = consent,
    };

    public static async Task<HttpResponseMessage> AnswerAsync(this HttpClient client, Guid id, object body) =>
        await client.PostAsJsonAsync($"/api/v1/requests/{id}/impact", body);

    public static async Task<int> ImpactAnswerCountAsync(this PortalProcess portal, Guid requestId) =>
        await portal.ScalarAsync<int>("SELECT COUNT(*) FROM ImpactAnswers WHERE RequestId = $id", ("$id", Key(requestId)));

    /// <summary>The texts of the impact-form notifications a person has about a request.</summary>
    public static async Task<IReadOnlyList<string>> ImpactNotificationsAsync(this PortalProcess portal, string email, Guid requestId)
    {
        var rows = await portal.QueryAsync(
            "SELECT Text FROM Notifications WHERE UserId = $user AND Link = $link AND Kind = 'ImpactForm' ORDER BY Id",
            ("$user", await portal.UserIdAsync(email)), ("$link", $"/requests/{requestId}/impact"));
        return rows.Select(r => (string)r["Text"]!).ToList();
    }

    public static void AssertStatus(HttpStatusCode expected, HttpResponseMessage response, string body) =>
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
