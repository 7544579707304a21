using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Geography;
using Portal.Core.WorkStreams;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Testing;

namespace Portal.Recipes.Tests;

/// <summary>The demonstration recipe, run against a real database as setup runs it.</summary>
public class StemClubRecipeTests
{
    private const string NorthEastAndNorthCumbria = "E54000050";

    [Fact]
    public async Task It_creates_the_geography()
    {
        await using var database = await Site.CreateAsync();

        await database.RunAsync(Site.Shipped(TestSite.Recipe));

        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var areas = await db.GeoAreas.ToDictionaryAsync(a => a.Code);
        var england = areas["E92000001"];
        Assert.Equal(GeoLevel.Country, england.Level);
        Assert.Null(england.ParentId);

        var icb = areas[NorthEastAndNorthCumbria];
        Assert.Equal("NHS North East and North Cumbria ICB", icb.Name);
        Assert.Equal(GeoLevel.System, icb.Level);
        Assert.Equal("QHM", icb.OdsCode);
        Assert.Equal(areas["E40000012"].Id, icb.ParentId);
        var places = areas.Values.Where(a => a.ParentId == icb.Id).ToList();
        Assert.Equal(18, places.Count);
        Assert.All(places, p => Assert.Equal(GeoLevel.Place, p.Level));
        Assert.Contains(places, p => p.Name == "Gateshead");
        Assert.Contains(places, p => p.Name == "Newcastle upon Tyne");
        var carlisle = places.Single(p => p.Name == "Carlisle");
        Assert.False(carlisle.IsCurrentOn(new DateOnly(2023, 4, 1)), "Carlisle was abolished on 31 March 2023.");

        var midlands = areas["E40000011"];
        Assert.Equal(
            ["E54000010", "E54000011", "E54000018", "E54000019", "E54000055", "E54000062"],
            areas.Values.Where(a => a.ParentId == midlands.Id).Select(a => a.Code).Order(StringComparer.Ordinal));
        Assert.All(areas.Values.Where(a => a.ParentId == midlands.Id), s => Assert.Equal(GeoLevel.System, s.Level));
    }

    [Fact]
    public async Task It_creates_the_topics_demo_users_and_work_streams()
    {
        await using var database = await Site.CreateAsync();

        await database.RunAsync(Site.Shipped(TestSite.Recipe));

        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

        var topics = await db.Topics.Include(t => t.Parent).ToDictionaryAsync(t => t.Key);
        Assert.Equal(32, topics.Count);
        Assert.Equal("frailty", topics["falls-prevention"].Parent?.Key);
        Assert.Null(topics["frailty"].Parent);

        Assert.Equal(15, await db.Users.CountAsync());
        await AssertUserAsync(users, TestSite.CoordinatorEmail, "Priya Raman", Roles.Coordinator);
        await AssertUserAsync(users, TestSite.LibrarianEmail, "Lena Hartley", Roles.Librarian);
        await AssertUserAsync(users, TestSite.MemberEmail, "Claire Robson", Roles.Member);
        await AssertUserAsync(users, "helen.armstrong@example.org", "Helen Armstrong", Roles.WorkStreamLead);
        await AssertUserAsync(users, "daniel.okafor@example.org", "Daniel Okafor", Roles.Analyst);
        Assert.Empty(await users.GetUsersInRoleAsync(Roles.Administrator));
        var coventry = await db.GeoAreas.SingleAsync(a => a.Code == "E54000018");
        Assert.Equal(coventry.Id, (await users.FindByEmailAsync("imran.siddiqui@example.org"))?.SystemId);

        var workStreams = await db.WorkStreams.Include(w => w.Topics).Include(w => w.Leads).Include(w => w.System).Include(w => w.Place)
            .ToDictionaryAsync(w => w.Key);
        Assert.Equal(
            ["community-mental-health-transformation", "frailty-framework", "maternal-choice-perinatal-care", "physical-exercise-preventive-healthcare"],
            workStreams.Keys.Order(StringComparer.Ordinal));
        Assert.All(workStreams.Values, w => Assert.Equal(NorthEastAndNorthCumbria, w.System?.Code));
        Assert.All(workStreams.Values, w => Assert.NotEmpty(w.Leads));

        var exercise = workStreams["physical-exercise-preventive-healthcare"];
        Assert.Equal(WorkStreamStatus.Paused, exercise.Status);
        Assert.Equal("Newcastle upon Tyne", exercise.Place?.Name);
        Assert.Equal(
            ["exercise-referral", "physical-activity", "social-prescribing", "type-2-diabetes-prevention"],
            exercise.Topics.Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.Equal(
            await IdsOfAsync(db, "joanne.whitfield@example.org", "helen.armstrong@example.org"),
            exercise.Leads.Select(l => l.UserId).Order(StringComparer.Ordinal));

        var frailty = workStreams["frailty-framework"];
        Assert.Equal(WorkStreamStatus.Active, frailty.Status);
        Assert.Null(frailty.Place);
        Assert.Equal(await IdsOfAsync(db, "helen.armstrong@example.org"), frailty.Leads.Select(l => l.UserId));
    }

    [Fact]
    public async Task Running_it_a_second_time_changes_nothing()
    {
        await using var database = await Site.CreateAsync();
        var recipe = Site.Shipped(TestSite.Recipe);
        await database.RunAsync(recipe);
        var afterFirstRun = await database.CountRowsAsync();

        await database.RunAsync(recipe);

        Assert.True(afterFirstRun.AuditEvents > 0 && afterFirstRun.IndexingTasks > 0, "The first run should have audited the work streams.");
        Assert.Equal(afterFirstRun, await database.CountRowsAsync());
    }

    [Fact]
    public async Task Demo_users_sign_in_with_the_demo_password_and_share_one_hash()
    {
        await using var database = await Site.CreateAsync();

        await database.RunAsync(Site.Shipped(TestSite.Recipe));

        await using var scope = database.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var priya = await users.FindByEmailAsync(TestSite.CoordinatorEmail);
        Assert.NotNull(priya);
        Assert.True(await users.CheckPasswordAsync(priya, TestSite.DemoPassword));
        Assert.False(await users.CheckPasswordAsync(priya, TestSite.AdminPassword));
        var claire = await users.FindByEmailAsync(TestSite.MemberEmail);
        Assert.NotNull(claire);
        Assert.True(await users.CheckPasswordAsync(claire, TestSite.DemoPassword));
        var hashes = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.Select(u => u.PasswordHash).Distinct().ToListAsync();
        Assert.Single(hashes);
    }

    private static async Task AssertUserAsync(UserManager<PortalUser> users, string email, string displayName, string role)
    {
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.Equal(displayName, user.DisplayName);
        Assert.True(user.EmailConfirmed);
        Assert.Equal([role], await users.GetRolesAsync(user));
    }

    private static async Task<List<string>> IdsOfAsync(PortalDbContext db, params string[] emails)
    {
        var normalised = emails.Select(e => e.ToUpperInvariant()).ToList();
        return await db.Users.Where(u => normalised.Contains(u.NormalizedEmail!)).Select(u => u.Id).OrderBy(id => id).ToListAsync();
    }
}
