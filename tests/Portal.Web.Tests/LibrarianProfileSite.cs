using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>The demo librarians the profile tests use, and ways to read their profiles straight from the database.</summary>
internal static class LibrarianProfileSite
{
    public const string Lena = TestSite.LibrarianEmail;          // capacity 3, holds 2 searches in the recipe
    public const string Tomasz = "tomasz.nowak@example.org";     // away in the coming weeks
    public const string Fiona = "fiona.laidlaw@example.org";     // offers mentoring
    public const string Rhys = "rhys.carrick@example.org";       // capacity 1, holds 1: no room
    public const string Aisha = "aisha.mahmood@example.org";     // in the other system, E54000055

    public static async Task<int> TopicIdAsync(this PortalProcess portal, string key) =>
        Convert.ToInt32(await portal.ScalarAsync<long>("SELECT Id FROM Topics WHERE Key = $key", ("$key", key)), CultureInfo.InvariantCulture);

    public static async Task<int> AreaIdAsync(this PortalProcess portal, string code) =>
        Convert.ToInt32(await portal.ScalarAsync<long>("SELECT Id FROM GeoAreas WHERE Code = $code", ("$code", code)), CultureInfo.InvariantCulture);

    /// <summary>Everything saved of one librarian's profile, as text: equal snapshots mean nothing changed.</summary>
    public static async Task<string> ProfileSnapshotAsync(this PortalProcess portal, string email)
    {
        var id = await portal.UserIdAsync(email);
        var profile = await portal.QueryAsync(
            "SELECT Service, Organisation, SystemId, Skills, Capacity, HoursPerMonth, OffersMentoring, SeeksMentoring, Databases FROM LibrarianProfiles WHERE UserId = $id", ("$id", id));
        var topics = await portal.QueryAsync("SELECT TopicId, Level FROM LibrarianTopics WHERE UserId = $id ORDER BY TopicId", ("$id", id));
        var away = await portal.QueryAsync("SELECT \"From\", \"To\" FROM LibrarianTimeAway WHERE UserId = $id ORDER BY \"From\"", ("$id", id));
        static string Rows(IEnumerable<IReadOnlyDictionary<string, object?>> rows) =>
            string.Join("; ", rows.Select(r => string.Join(", ", r.Select(c => $"{c.Key}={c.Value}"))));
        return $"{Rows(profile)} | {Rows(topics)} | {Rows(away)}";
    }

    /// <summary>A new, approved librarian with no profile yet, signed in to the pages.</summary>
    public static async Task<string> NewLibrarianAsync(this PortalProcess portal, string name)
    {
        var email = $"{name}.{Guid.NewGuid():N}@example.org";
        using var admin = portal.Api(TestSite.AdminApiToken);
        using var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = name, password = TestSite.DemoPassword, roles = new[] { "Librarian" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return email;
    }

    public static string Day(DateOnly date) => date.Day.ToString(CultureInfo.InvariantCulture);

    public static string Month(DateOnly date) => date.Month.ToString(CultureInfo.InvariantCulture);

    public static string Year(DateOnly date) => date.Year.ToString(CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
