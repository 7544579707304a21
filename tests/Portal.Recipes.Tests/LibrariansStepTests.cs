using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Librarians;
using Portal.Data;
using Portal.Testing;

namespace Portal.Recipes.Tests;

/// <summary>The Librarians step: profiles by email, topics by key, system by code, time away in days from today; all or nothing.</summary>
public class LibrariansStepTests
{
    private const string Lena = """
        { "email": "lena.hartley@example.org", "service": "Test LKS", "system": "E54000050",
          "topics": [ { "topic": "frailty", "level": "Experienced" }, { "topic": "dementia", "level": "Learning" } ],
          "skills": [ "QuickSearch", "Synthesis" ], "databases": [ "Medline", "SPORTDiscus" ],
          "capacity": 4, "hoursPerMonth": 6, "timeAway": [ { "fromInDays": 3, "toInDays": 10 } ], "seeksMentoring": true }
        """;

    private const string Tomasz = """{ "email": "tomasz.nowak@example.org", "capacity": 1 }""";

    private static string Recipe(params string[] librarians) =>
        $$"""{ "name": "test", "steps": [ { "name": "Librarians", "librarians": [ {{string.Join(", ", librarians)}} ] } ] }""";

    private static async Task<SqliteTestDatabase> DemoSiteAsync()
    {
        var database = await Site.CreateAsync();
        await database.RunAsync(Site.Shipped(TestSite.Recipe));
        return database;
    }

    private static async Task<Dictionary<string, LibrarianProfile>> ProfilesAsync(SqliteTestDatabase database)
    {
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var emails = await db.Users.ToDictionaryAsync(u => u.Id, u => u.Email!);
        return (await db.LibrarianProfiles.AsNoTracking().ToListAsync()).ToDictionary(p => emails[p.UserId]);
    }

    /// <summary>Every row a profile writes, and the audit of it: a second run must change none of them.</summary>
    private static async Task<(int Profiles, int Topics, int Away, int Audits)> CountAsync(SqliteTestDatabase database)
    {
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var topics = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"LibrarianTopics\"").SingleAsync();
        var away = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"LibrarianTimeAway\"").SingleAsync();
        return (await db.LibrarianProfiles.CountAsync(), topics, away,
            await db.AuditEvents.CountAsync(a => a.SubjectType == nameof(LibrarianProfile)));
    }

    [Fact]
    public async Task The_demo_recipe_gives_its_five_librarians_varied_profiles()
    {
        await using var database = await DemoSiteAsync();
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var systems = await db.GeoAreas.ToDictionaryAsync(a => a.Id, a => a.Code);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var profiles = await ProfilesAsync(database);

        Assert.Equal(
            ["aisha.mahmood@example.org", "fiona.laidlaw@example.org", "lena.hartley@example.org", "rhys.carrick@example.org", "tomasz.nowak@example.org"],
            profiles.Keys.Order(StringComparer.Ordinal));
        Assert.All(profiles.Values, p => Assert.NotEmpty(p.Topics));
        Assert.All(profiles.Values, p => Assert.NotEmpty(p.Databases));
        Assert.Equal("E54000055", systems[profiles["aisha.mahmood@example.org"].SystemId!.Value]);
        Assert.Equal(2, profiles["rhys.carrick@example.org"].Capacity);
        Assert.True(profiles["rhys.carrick@example.org"].SeeksMentoring);
        Assert.True(profiles["fiona.laidlaw@example.org"].OffersMentoring);
        Assert.Contains(profiles.Values, p => p.Topics.Any(t => t.Level == TopicLevel.Learning));
        Assert.True(profiles["tomasz.nowak@example.org"].IsAwayDuring(today.AddDays(8), today.AddDays(8)), "Tomasz is away in the coming weeks");
        Assert.False(profiles["tomasz.nowak@example.org"].IsAwayDuring(today, today.AddDays(6)), "but not this week");
        Assert.Equal(2, profiles.Values.Select(p => p.SystemId).Distinct().Count());
    }

    [Fact]
    public async Task It_sets_every_part_of_a_profile_by_key_and_code()
    {
        await using var database = await DemoSiteAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await database.RunAsync(Recipe(Lena));

        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var topics = await db.Topics.ToDictionaryAsync(t => t.Key, t => t.Id);
        var lena = (await ProfilesAsync(database))["lena.hartley@example.org"];
        Assert.Equal("Test LKS", lena.Service);
        Assert.Null(lena.Organisation);
        Assert.Equal(await db.GeoAreas.Where(a => a.Code == "E54000050").Select(a => a.Id).SingleAsync(), lena.SystemId);
        Assert.Equal(
            [new(topics["frailty"], TopicLevel.Experienced), new(topics["dementia"], TopicLevel.Learning)],
            lena.Topics.OrderBy(t => t.Level == TopicLevel.Experienced ? 0 : 1));
        Assert.Equal(SearchSkills.QuickSearch | SearchSkills.Synthesis, lena.Skills);
        Assert.Equal(["Medline", "SPORTDiscus"], lena.Databases);
        Assert.Equal(4, lena.Capacity);
        Assert.Equal(6, lena.HoursPerMonth);
        Assert.Equal(new TimeAway(today.AddDays(3), today.AddDays(10)), Assert.Single(lena.TimeAway));
        Assert.True(lena.SeeksMentoring);
        Assert.False(lena.OffersMentoring);
    }

    [Fact]
    public async Task Running_the_step_again_changes_nothing_and_audits_nothing()
    {
        await using var database = await DemoSiteAsync();
        await database.RunAsync(Recipe(Lena, Tomasz));
        var first = await CountAsync(database);
        var rows = await database.CountRowsAsync();

        await database.RunAsync(Recipe(Lena, Tomasz));

        Assert.Equal(first, await CountAsync(database));
        Assert.Equal(rows, await database.CountRowsAsync());
    }

    [Fact]
    public async Task A_changed_profile_is_replaced_whole()
    {
        await using var database = await DemoSiteAsync();
        await database.RunAsync(Recipe(Lena));

        await database.RunAsync(Recipe("""{ "email": "lena.hartley@example.org", "topics": [ { "topic": "diabetes", "level": "Learning" } ] }"""));

        var lena = (await ProfilesAsync(database))["lena.hartley@example.org"];
        Assert.Null(lena.Service);
        Assert.Null(lena.SystemId);
        Assert.Single(lena.Topics);
        Assert.Empty(lena.TimeAway);
        Assert.Empty(lena.Databases);
        Assert.Equal(LibrarianProfile.DefaultCapacity, lena.Capacity);
    }

    [Theory]
    [InlineData("\"email\": \"lena.hartley@example.org\"", "\"email\": \"nobody@example.org\"", "Librarian nobody@example.org has no account. Add them in the Users step first.")]
    [InlineData("\"email\": \"lena.hartley@example.org\"", "\"email\": \"claire.robson@example.org\"", "Librarian claire.robson@example.org is not in the Librarian role, so cannot have a librarian profile.")]
    [InlineData("\"topic\": \"dementia\"", "\"topic\": \"knitting\"", "Librarian lena.hartley@example.org names topic knitting, which does not exist.")]
    [InlineData("\"system\": \"E54000050\"", "\"system\": \"E06000047\"", "Librarian lena.hartley@example.org names system E06000047, which is not a system in the geography.")]
    [InlineData("\"toInDays\": 10", "\"toInDays\": 2", "Librarian lena.hartley@example.org: Time away must end on or after the day it starts.")]
    [InlineData("\"capacity\": 4", "\"capacity\": -1", "Librarian lena.hartley@example.org: Searches at a time cannot be negative.")]
    [InlineData("\"hoursPerMonth\": 6", "\"hoursPerMonth\": -6", "Librarian lena.hartley@example.org: Hours a month cannot be negative.")]
    [InlineData("\"service\": \"Test LKS\"", "\"service\": \"x201\"", "Librarian lena.hartley@example.org: Must be 200 characters or fewer.")]
    public async Task Bad_data_fails_naming_the_step_and_the_librarian_and_writes_no_profile(string from, string to, string message)
    {
        await using var database = await DemoSiteAsync();
        await database.RunAsync(Recipe(Tomasz));
        var before = await CountAsync(database);
        var bad = Lena.Replace(from, to.Replace("x201", new string('x', 201), StringComparison.Ordinal), StringComparison.Ordinal);

        // Tomasz's change comes first and is valid; it must be undone with the rest.
        var refused = await database.FailAsync(Recipe("""{ "email": "tomasz.nowak@example.org", "capacity": 5 }""", bad));

        Assert.Equal($"Step 1 (Librarians) of recipe 'test' failed: {message}", refused.Message);
        Assert.Equal(before, await CountAsync(database));
        Assert.Equal(1, (await ProfilesAsync(database))["tomasz.nowak@example.org"].Capacity);
    }

    [Theory]
    [InlineData("\"level\": \"Learning\"", "\"level\": \"Expert\"", "$.librarians[0].topics[1].level")]
    [InlineData("\"Synthesis\"", "\"Knitting\"", "$.librarians[0].skills[1]")]
    [InlineData("\"capacity\": 4", "\"capacity\": \"four\"", "$.librarians[0].capacity")]
    public async Task Unreadable_values_are_refused_naming_where_they_are(string from, string to, string path)
    {
        await using var database = await DemoSiteAsync();

        var refused = await database.FailAsync(Recipe(Lena.Replace(from, to, StringComparison.Ordinal)));

        Assert.StartsWith($"Step 1 (Librarians) of recipe 'test' has invalid data at {path}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_librarian_described_twice_is_refused()
    {
        await using var database = await DemoSiteAsync();

        var refused = await database.FailAsync(Recipe(Tomasz, Tomasz.Replace("tomasz.nowak", "Tomasz.Nowak", StringComparison.Ordinal)));

        Assert.Equal("Step 1 (Librarians) of recipe 'test' failed: Librarian tomasz.nowak@example.org is described more than once.", refused.Message);
    }

    [Fact]
    public async Task A_step_without_an_email_is_refused()
    {
        await using var database = await DemoSiteAsync();

        var refused = await database.FailAsync(Recipe("""{ "capacity": 2 }"""));

        Assert.StartsWith("Step 1 (Librarians) of recipe 'test' has invalid data", refused.Message, StringComparison.Ordinal);
    }
}
