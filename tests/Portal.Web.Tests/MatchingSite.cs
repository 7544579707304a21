using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>A portal for the matching tests: tokens without a tight rate limit, and the two best matches notified.</summary>
public sealed class MatchingSiteFixture : SetUpSiteFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Portal:Api:TokenRequestsPerMinute"] = "1000",
        ["Portal:Matching:NotifyTop"] = "2",
    };
}

/// <summary>
/// Builds a matching situation that no other test and no recipe change can disturb: topics with a
/// unique name, work streams on them, new librarians with profiles written straight into the
/// portal's database, and requests made and submitted by Helen through the API.
/// </summary>
internal static class MatchingSite
{
    public const string NorthEast = "E54000050";    // NHS North East and North Cumbria ICB (North East and Yorkshire)
    public const string Birmingham = "E54000055";   // NHS Birmingham and Solihull ICB (Midlands)
    public const string Coventry = "E54000018";     // NHS Coventry and Warwickshire ICB (Midlands)

    /// <summary>A word unique to one test, for the names of what it makes.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>Adds a topic; returns its key.</summary>
    public static async Task<string> AddTopicAsync(this PortalProcess portal, string name)
    {
        var key = name.ToLowerInvariant().Replace(' ', '-');
        await portal.ExecuteAsync("INSERT INTO Topics (Key, Name, ParentId) VALUES ($key, $name, NULL)", ("$key", key), ("$name", name));
        return key;
    }

    /// <summary>A work stream led by Helen, through the API; returns its id.</summary>
    public static async Task<string> AddWorkStreamAsync(this PortalProcess portal, string title, string system, params string[] topics)
    {
        using var helen = await portal.ApiAsAsync(RequestsSite.Helen);
        using var created = await helen.PostAsJsonAsync("/api/v1/workstreams", new { title, summary = "Made by a matching test.", system, topics, status = "Active" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A request by Helen, submitted unless asked not to; returns its id.</summary>
    public static async Task<Guid> AddRequestAsync(this PortalProcess portal, string workStreamId, string question, int deadlineInDays = 30, bool submit = true)
    {
        using var helen = await portal.ApiAsAsync(RequestsSite.Helen);
        using var created = await helen.PostAsJsonAsync("/api/v1/requests", new
        {
            workStreamId,
            question,
            framework = "None",
            output = "EvidenceSummary",
            deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(deadlineInDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            urgency = "Routine",
            shortDeadlineReason = deadlineInDays < 14 ? "The board meets soon." : null,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = Guid.Parse((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        if (submit)
        {
            using var submitted = await helen.PostAsync($"/api/v1/requests/{id}/submit", null);
            Assert.True(submitted.StatusCode == HttpStatusCode.OK, $"Submit answered {submitted.StatusCode}:\n{Tail(portal.Output)}");
        }

        return id;
    }

    /// <summary>The end of the portal's log, for a failure message.</summary>
    public static string Tail(string log) => log.Length <= 12000 ? log : log[^12000..];

    /// <summary>A new, active librarian (password: the demo password); returns their user id.</summary>
    public static async Task<string> AddLibrarianAsync(this PortalProcess portal, string email, string displayName)
    {
        using var admin = portal.Api(TestSite.AdminApiToken);
        using var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName, password = TestSite.DemoPassword, roles = new[] { "Librarian" } });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Writes the librarian's profile: where they work, how many searches at a time, their topics and time away.</summary>
    public static async Task SetProfileAsync(
        this PortalProcess portal, string userId, string system, int capacity = 2, (string Topic, string Level)[]? topics = null, (int FromDay, int ToDay)[]? away = null)
    {
        await portal.ExecuteAsync("DELETE FROM LibrarianProfiles WHERE UserId = $user", ("$user", userId));
        await portal.ExecuteAsync(
            """
            INSERT INTO LibrarianProfiles (UserId, Service, Organisation, SystemId, Skills, Capacity, HoursPerMonth, OffersMentoring, SeeksMentoring, Databases)
            VALUES ($user, NULL, NULL, (SELECT Id FROM GeoAreas WHERE Code = $system), 1, $capacity, NULL, 0, 0, '[]')
            """,
            ("$user", userId), ("$system", system), ("$capacity", capacity));
        foreach (var (topic, level) in topics ?? [])
        {
            await portal.ExecuteAsync(
                "INSERT INTO LibrarianTopics (TopicId, Level, UserId) VALUES ((SELECT Id FROM Topics WHERE Key = $topic), $level, $user)",
                ("$topic", topic), ("$level", level), ("$user", userId));
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var (from, to) in away ?? [])
        {
            await portal.ExecuteAsync(
                "INSERT INTO LibrarianTimeAway (\"From\", \"To\", UserId) VALUES ($from, $to, $user)",
                ("$from", today.AddDays(from).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("$to", today.AddDays(to).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("$user", userId));
        }
    }

    /// <summary>Puts a request in the librarian's hands (Claimed) or among their past work (Delivered), as if they had done it.</summary>
    public static async Task GiveRequestAsync(this PortalProcess portal, Guid requestId, string librarianId, string state)
    {
        var ticks = DateTimeOffset.UtcNow.UtcTicks;
        var changed = await portal.ExecuteAsync(
            "UPDATE EvidenceRequests SET State = $state, ClaimantId = $user, ClaimedAt = $now, DeliveredAt = CASE WHEN $state = 'Delivered' THEN $now END, Version = Version + 1 WHERE Id = $id",
            ("$state", state), ("$user", librarianId), ("$now", ticks), ("$id", requestId.ToString().ToUpperInvariant()));
        Assert.Equal(1, changed);
    }

    /// <summary>The in-app notifications about a request, as (user id, text).</summary>
    public static async Task<IReadOnlyList<(string UserId, string Text)>> NotificationsAboutAsync(this PortalProcess portal, Guid requestId)
    {
        var rows = await portal.QueryAsync("SELECT UserId, Text FROM Notifications WHERE Link = $link ORDER BY Id", ("$link", $"/requests/{requestId}"));
        return rows.Select(r => ((string)r["UserId"]!, (string)r["Text"]!)).ToList();
    }
}
