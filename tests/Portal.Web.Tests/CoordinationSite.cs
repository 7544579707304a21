using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>A set-up site whose API hands out tokens freely, for the coordination tests that sign many people in.</summary>
public sealed class CoordinationSiteFixture : SetUpSiteFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Portal:Api:TokenRequestsPerMinute"] = "1000" };
}

/// <summary>The people, requests and database steps the coordination tests share.</summary>
internal static class CoordinationSite
{
    public const string Tomasz = "tomasz.nowak@example.org";
    public const string Fiona = "fiona.laidlaw@example.org";
    public const string Gareth = TestSite.SecondCoordinatorEmail;

    /// <summary>Sets a moment column of a request, as the portal stores it on SQLite (UTC ticks): the way to make a request old.</summary>
    public static Task SetRequestTimeAsync(this PortalProcess portal, Guid id, string column, DateTimeOffset? at) =>
        portal.ExecuteAsync($"UPDATE EvidenceRequests SET {column} = $at WHERE Id = $id", ("$at", at?.UtcTicks), ("$id", Key(id)));

    /// <summary>Gives a librarian a profile (or replaces theirs): service, capacity, and optionally one period of time away.</summary>
    public static async Task SetServiceProfileAsync(this PortalProcess portal, string email, string? service, int capacity, (DateOnly From, DateOnly To)? away = null)
    {
        var userId = await portal.UserIdAsync(email);
        await portal.ExecuteAsync(
            """
            INSERT INTO LibrarianProfiles (UserId, Service, Organisation, SystemId, Skills, Capacity, HoursPerMonth, OffersMentoring, SeeksMentoring, Databases)
            VALUES ($user, $service, NULL, NULL, 0, $capacity, 12, 1, 0, '[]')
            ON CONFLICT (UserId) DO UPDATE SET Service = excluded.Service, Capacity = excluded.Capacity, HoursPerMonth = excluded.HoursPerMonth,
                OffersMentoring = excluded.OffersMentoring, SeeksMentoring = excluded.SeeksMentoring
            """,
            ("$user", userId), ("$service", service), ("$capacity", capacity));
        await portal.ExecuteAsync("DELETE FROM LibrarianTimeAway WHERE UserId = $user", ("$user", userId));
        if (away is { } period)
        {
            await portal.ExecuteAsync(
                "INSERT INTO LibrarianTimeAway (UserId, \"From\", \"To\") VALUES ($user, $from, $to)",
                ("$user", userId), ("$from", Day(period.From)), ("$to", Day(period.To)));
        }
    }

    /// <summary>The texts of a person's notifications about a request.</summary>
    public static async Task<IReadOnlyList<string>> NotificationsAsync(this PortalProcess portal, string email, Guid requestId)
    {
        var rows = await portal.QueryAsync(
            "SELECT Text FROM Notifications WHERE UserId = $user AND Link = $link ORDER BY Id",
            ("$user", await portal.UserIdAsync(email)), ("$link", $"/requests/{requestId}"));
        return rows.Select(r => (string)r["Text"]!).ToList();
    }

    public static async Task<int> AuditCountAsync(this PortalProcess portal, Guid requestId, string eventType) =>
        await portal.ScalarAsync<int>(
            "SELECT COUNT(*) FROM AuditEvents WHERE SubjectType = 'EvidenceRequest' AND SubjectId = $id AND EventType = $type",
            ("$id", requestId.ToString()), ("$type", eventType));

    public static async Task<(string State, string? ClaimantId, int Version)> ClaimAsync(this PortalProcess portal, Guid id)
    {
        var row = Assert.Single(await portal.QueryAsync("SELECT State, ClaimantId, Version FROM EvidenceRequests WHERE Id = $id", ("$id", Key(id))));
        return ((string)row["State"]!, row["ClaimantId"] as string, Convert.ToInt32(row["Version"], CultureInfo.InvariantCulture));
    }

    /// <summary>A coordinator signed in with two-factor authentication, as the pages require.</summary>
    public static async Task<HttpClient> CoordinatorAsync(this PortalProcess portal, bool followRedirects = false)
    {
        var client = portal.CreateClient(followRedirects);
        await client.SignInAsCoordinatorAsync();
        return client;
    }

    /// <summary>EF Core keeps GUIDs on SQLite as upper-case text.</summary>
    public static string Key(Guid id) => id.ToString().ToUpperInvariant();

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The part of a page from one element id to the next heading of the same level, for checking what a section lists.</summary>
    public static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page has no section {id}.");
        var end = html.IndexOf("<h2", start + 1, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }
}
