using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>What the digest tests set up in the portal's SQLite file: digest notices and where a person's digest is up to.</summary>
internal static class DigestSite
{
    public const string DigestSubject = TestSite.SiteName + ": your weekly digest";

    /// <summary>Settings under which every active account's digest is due from start-up, looked for every second.</summary>
    public static Dictionary<string, string> DueNow() => new()
    {
        ["Portal:Digest:CheckInterval"] = "00:00:01",
        ["Portal:Digest:DayOfWeek"] = DateTime.UtcNow.DayOfWeek.ToString(),
        ["Portal:Digest:Hour"] = "0",
    };

    /// <summary>A notification kept for the person's weekly digest, as NotifyAsync writes it for someone who chose the digest.</summary>
    public static Task AddDigestNoticeAsync(this PortalProcess portal, string userId, string kind, string text, string link) =>
        portal.ExecuteAsync(
            "INSERT INTO Notifications (UserId, CreatedAt, Text, Link, Kind, ForDigest) VALUES ($user, $at, $text, $link, $kind, 1)",
            ("$user", userId), ("$at", DateTimeOffset.UtcNow.UtcTicks), ("$text", text), ("$link", link), ("$kind", kind));

    /// <summary>Says the person's last digest went at <paramref name="at"/>.</summary>
    public static Task SetLastDigestAsync(this PortalProcess portal, string userId, DateTimeOffset at) =>
        portal.ExecuteAsync(
            "INSERT INTO DigestStates (UserId, LastSentAt, Version) VALUES ($user, $at, 1) ON CONFLICT (UserId) DO UPDATE SET LastSentAt = excluded.LastSentAt",
            ("$user", userId), ("$at", at.UtcTicks));

    public static async Task<DateTimeOffset?> LastDigestAsync(this PortalProcess portal, string userId) =>
        await portal.ScalarAsync<long?>("SELECT LastSentAt FROM DigestStates WHERE UserId = $user", ("$user", userId)) is { } ticks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    public static async Task<int> DigestMailsToAsync(this PortalProcess portal, string userId) =>
        await portal.ScalarAsync<int>("SELECT COUNT(*) FROM OutboxMessages WHERE Template = 'WeeklyDigest' AND RecipientUserId = $user", ("$user", userId));

    public static async Task WaitForAsync(Func<Task<bool>> condition, string what, PortalProcess portal, TimeSpan? patience = null)
    {
        var until = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Waited for {what}:\n{portal.Output}");
            await Task.Delay(100);
        }
    }
}
