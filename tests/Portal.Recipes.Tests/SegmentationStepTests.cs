using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Segmentation.Output;
using Portal.Testing;

namespace Portal.Recipes.Tests;

/// <summary>The demo's segmentation output: made by the generator with a fixed seed, protected, linked to the frailty work stream.</summary>
public class SegmentationStepTests
{
    [Fact]
    public async Task The_demo_recipe_publishes_one_protected_output_linked_to_the_frailty_framework()
    {
        await using var database = await Site.CreateAsync();

        await database.RunAsync(Site.Shipped(TestSite.Recipe));

        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var output = await db.SegmentationOutputs.Include(o => o.WorkStreams).Include(o => o.Area).SingleAsync();
        var frailty = await db.WorkStreams.SingleAsync(w => w.Key == "frailty-framework");
        Assert.Equal([frailty.Id], output.WorkStreams.Select(w => w.WorkStreamId));
        Assert.Equal(("E54000050", "2024-25", 20000L), (output.Area!.Code, output.Period, output.People));
        var read = await OutputReader.ReadAsync(output.OutputCsv);
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        Assert.Equal(output.Gini, read.Output!.Header.Gini);
    }

    [Fact]
    public async Task The_same_seed_gives_every_demo_site_the_same_figures()
    {
        await using var first = await Site.CreateAsync();
        await using var second = await Site.CreateAsync();

        await first.RunAsync(Site.Shipped(TestSite.Recipe));
        await second.RunAsync(Site.Shipped(TestSite.Recipe));

        Assert.Equal(await CsvAsync(first), await CsvAsync(second));
    }

    [Fact]
    public async Task A_work_stream_that_does_not_exist_fails_the_step()
    {
        await using var database = await Site.CreateAsync();

        var failure = await database.FailAsync("""
            { "name": "t", "steps": [
              { "name": "Geography", "areas": [ { "code": "E54000050", "name": "ICB", "odsCode": null, "level": "System", "parent": null, "validFrom": "2022-07-01", "validTo": null } ] },
              { "name": "Segmentation", "outputs": [ { "title": "T", "geography": "E54000050", "period": "2024-25", "people": 1000, "seed": 1, "workStreams": ["nope"] } ] } ] }
            """);

        Assert.Contains("names work stream nope", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<string> CsvAsync(SqliteTestDatabase database)
    {
        await using var scope = database.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SegmentationOutputs.Select(o => o.OutputCsv).SingleAsync();
    }
}
