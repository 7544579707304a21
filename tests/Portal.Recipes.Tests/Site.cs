using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Site;
using Portal.Core.WorkStreams;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Testing;

namespace Portal.Recipes.Tests;

/// <summary>A database as setup leaves it just before the recipe runs, and ways to look at it.</summary>
internal static class Site
{
    /// <summary>Setup writes the settings row and the roles first; the recipe builds on them.</summary>
    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var database = await SqliteTestDatabase.CreateAsync();
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.SiteSettings.Add(new SiteSettings("Test", "x", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<PortalRole>>();
        foreach (var role in Roles.All)
        {
            var created = await roles.CreateAsync(new PortalRole(role));
            Assert.True(created.Succeeded);
        }

        return database;
    }

    public static Recipe Shipped(string name) =>
        RecipeReader.Parse(File.ReadAllText(Path.Combine(TestPaths.RecipesFolder, name + RecipeCatalog.FileSuffix)), name);

    public static async Task RunAsync(this SqliteTestDatabase database, Recipe recipe, string? demoPassword = TestSite.DemoPassword)
    {
        await using var scope = database.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RecipeRunner>().RunAsync(recipe, new RecipeContext { DemoPassword = demoPassword });
    }

    public static Task RunAsync(this SqliteTestDatabase database, string json, string? demoPassword = TestSite.DemoPassword) =>
        database.RunAsync(RecipeReader.Parse(json, "test"), demoPassword);

    /// <summary>A run that must fail: the recipe exception it threw.</summary>
    public static Task<RecipeException> FailAsync(this SqliteTestDatabase database, string json, string? demoPassword = TestSite.DemoPassword) =>
        Assert.ThrowsAsync<RecipeException>(() => database.RunAsync(json, demoPassword));

    public static async Task<Rows> CountRowsAsync(this SqliteTestDatabase database)
    {
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return new Rows(
            await db.SiteSettings.CountAsync(),
            await db.GeoAreas.CountAsync(),
            await db.Topics.CountAsync(),
            await db.Users.CountAsync(),
            await db.UserRoles.CountAsync(),
            await db.WorkStreams.CountAsync(),
            await db.Set<WorkStreamLead>().CountAsync(),
            await db.Set<Dictionary<string, object>>("WorkStreamTopics").CountAsync(),
            await db.AuditEvents.CountAsync(),
            await db.IndexingTasks.CountAsync(),
            await db.EvidenceRequests.CountAsync());
    }

    /// <summary>Everything a recipe may write, counted.</summary>
    public sealed record Rows(
        int Settings, int Areas, int Topics, int Users, int UserRoles,
        int WorkStreams, int Leads, int WorkStreamTopics, int AuditEvents, int IndexingTasks, int Requests);
}
