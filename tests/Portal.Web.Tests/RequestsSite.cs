using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Portal.Recipes;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>The demo people and work streams the request tests use, and the steps they take.</summary>
internal static class RequestsSite
{
    public const string Helen = "helen.armstrong@example.org";      // leads frailty-framework and the paused physical exercise stream
    public const string Sinead = "sinead.orourke@example.org";      // leads maternal choice
    public const string Marcus = "marcus.bell@example.org";         // leads community mental health
    public const string Frailty = "frailty-framework";
    public const string MentalHealth = "community-mental-health-transformation";
    public const string PausedExercise = "physical-exercise-preventive-healthcare";

    /// <summary>The id the recipe gave one of its requests.</summary>
    public static Guid RecipeRequest(string key) => RecipeIds.For("EvidenceRequest", key);

    /// <summary>The id the recipe gave the search summary of one of its requests (final for a delivered request).</summary>
    public static Guid RecipeSummary(string key) => RecipeIds.For("SearchSummary", key);

    /// <summary>A delivered summary the frailty lead may read, to close other requests as answered by.</summary>
    public static Guid ReusableSummary => RecipeSummary("frailty-care-home-deprescribing");

    public static async Task<HttpClient> SignedInAsync(this PortalProcess portal, string email, bool followRedirects = false)
    {
        var client = portal.CreateClient(followRedirects);
        using var response = await client.SignInAsync(email, TestSite.DemoPassword);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{email} could not sign in: {response.StatusCode}");
        return client;
    }

    public static HttpClient Api(this PortalProcess portal, string token)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<HttpClient> ApiAsAsync(this PortalProcess portal, string email)
    {
        using var client = portal.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = TestSite.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        return portal.Api(token);
    }

    public static async Task<JsonElement> WorkStreamAsync(this PortalProcess portal, string key)
    {
        using var admin = portal.Api(TestSite.AdminApiToken);
        return await admin.GetFromJsonAsync<JsonElement>($"/api/v1/workstreams/{key}");
    }

    /// <summary>A valid request form for the work stream, a PICO question and a comfortable deadline.</summary>
    public static Dictionary<string, string> ValidForm(string workStreamId, string question = "Do falls prevention classes reduce hip fractures in people over 80?", int deadlineInDays = 30)
    {
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(deadlineInDays);
        return new Dictionary<string, string>
        {
            ["WorkStreamId"] = workStreamId,
            ["Question"] = question,
            ["Framework"] = "Pico",
            ["Pico.Population"] = "People over 80 living at home",
            ["Pico.Intervention"] = "Falls prevention classes",
            ["Output"] = "EvidenceSummary",
            ["Deadline.Day"] = deadline.Day.ToString(CultureInfo.InvariantCulture),
            ["Deadline.Month"] = deadline.Month.ToString(CultureInfo.InvariantCulture),
            ["Deadline.Year"] = deadline.Year.ToString(CultureInfo.InvariantCulture),
            ["Urgency"] = "Routine",
            ["EvidenceTypes"] = "SystematicReviews",
            ["action"] = "draft",
        };
    }

    /// <summary>Posts the request form; on success the answer redirects to the new request.</summary>
    public static Task<HttpResponseMessage> PostRequestAsync(this HttpClient client, IDictionary<string, string> form, string path = "/requests/new") =>
        client.PostFormAsync(path, path, form);

    public static Guid RequestIdFrom(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return Guid.Parse(redirect.Headers.Location!.OriginalString["/requests/".Length..]);
    }

    public static async Task<int> CountRequestsAsync(this PortalProcess portal)
    {
        var rows = await portal.QueryAsync("SELECT COUNT(*) AS n FROM EvidenceRequests");
        return Convert.ToInt32(rows[0]["n"], CultureInfo.InvariantCulture);
    }

    public static async Task<(string State, string Question, int Version)> RequestRowAsync(this PortalProcess portal, Guid id)
    {
        var rows = await portal.QueryAsync("SELECT State, Question, Version FROM EvidenceRequests WHERE Id = $id", ("$id", id.ToString().ToUpperInvariant()));
        var row = Assert.Single(rows);
        return ((string)row["State"]!, (string)row["Question"]!, Convert.ToInt32(row["Version"], CultureInfo.InvariantCulture));
    }
}
