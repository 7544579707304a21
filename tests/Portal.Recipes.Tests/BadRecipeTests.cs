using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;

namespace Portal.Recipes.Tests;

/// <summary>A bad recipe fails with a message naming the recipe and the step, and writes nothing.</summary>
public class BadRecipeTests
{
    private const string England = """
        { "code": "E92000001", "name": "England", "level": "Country", "parent": null, "validFrom": "2009-01-01", "validTo": null, "odsCode": null }
        """;

    private const string NorthEastAndYorkshire = """
        { "code": "E40000012", "name": "North East and Yorkshire", "level": "Region", "parent": "E92000001", "validFrom": "2022-07-01", "validTo": null, "odsCode": "Y63" }
        """;

    private const string NorthEastAndNorthCumbria = """
        { "code": "E54000050", "name": "NHS North East and North Cumbria ICB", "level": "System", "parent": "E40000012", "validFrom": "2022-07-01", "validTo": null, "odsCode": "QHM" }
        """;

    [Fact]
    public async Task A_recipe_with_an_unknown_step_fails_before_any_step_runs()
    {
        await using var database = await Site.CreateAsync();
        var before = await database.CountRowsAsync();

        var refused = await database.FailAsync($$"""
            {
              "name": "test",
              "steps": [
                { "name": "Geography", "areas": [ {{England}} ] },
                { "name": "Galaxies", "galaxies": [] }
              ]
            }
            """);

        Assert.Equal("Step 2 (Galaxies) of recipe 'test' is unknown: no handler runs a step named 'Galaxies'.", refused.Message);
        Assert.Equal(before, await database.CountRowsAsync());
    }

    [Theory]
    [InlineData(
        """{ "name": "Geography", "areas": [ { "code": "E54000049", "name": "Cumbria and North East", "level": "System", "parent": "E40000099", "validFrom": "2018-04-01", "validTo": null, "odsCode": null } ] }""",
        "Step 3 (Geography) of recipe 'test' failed: Area E54000049 names parent E40000099, which is not defined before it.")]
    [InlineData(
        """{ "name": "WorkStreams", "workStreams": [ { "key": "frailty-framework", "title": "Frailty framework", "system": "E54000050", "place": null, "topics": [ "frailty", "knitting" ] } ] }""",
        "Step 3 (WorkStreams) of recipe 'test' failed: Work stream frailty-framework names topic knitting, which does not exist.")]
    [InlineData(
        """{ "name": "WorkStreams", "workStreams": [ { "key": "frailty-framework", "title": "Frailty framework", "system": "E40000012", "place": null, "topics": [ "frailty" ] } ] }""",
        "Step 3 (WorkStreams) of recipe 'test' failed: North East and Yorkshire is a Region, not a system.")]
    public async Task A_failing_third_step_undoes_the_steps_before_it(string thirdStep, string message)
    {
        await using var database = await Site.CreateAsync();
        await database.RunAsync($$"""
            { "name": "start", "steps": [ { "name": "Geography", "areas": [ {{England}}, {{NorthEastAndYorkshire}}, {{NorthEastAndNorthCumbria}} ] } ] }
            """);
        var before = await database.CountRowsAsync();

        var refused = await database.FailAsync($$"""
            {
              "name": "test",
              "steps": [
                { "name": "Geography", "areas": [ {{England.Replace("\"England\"", "\"England (renamed)\"", StringComparison.Ordinal)}}, {{NorthEastAndYorkshire.Replace("E40000012", "E40000011", StringComparison.Ordinal)}} ] },
                { "name": "Topics", "topics": [ { "key": "frailty", "name": "Frailty", "parent": null } ] },
                {{thirdStep}}
              ]
            }
            """);

        Assert.Equal(message, refused.Message);
        Assert.Equal(before, await database.CountRowsAsync());
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal("England", (await db.GeoAreas.SingleAsync(a => a.Code == "E92000001")).Name);
    }

    [Theory]
    [InlineData(""" "code": "X1", "name": "Andromeda", "level": "Galaxy", "parent": null, "validFrom": "2009-01-01", "validTo": null, "odsCode": null """, "$.areas[1].level")]
    [InlineData(""" "name": "Nowhere", "level": "Place", "parent": null, "validFrom": "2009-01-01", "validTo": null, "odsCode": null """, "$.areas[1]")]
    [InlineData(""" "code": null, "name": "Nowhere", "level": "Place", "parent": null, "validFrom": "2009-01-01", "validTo": null, "odsCode": null """, "$.areas[1].code")]
    [InlineData(""" "code": "X1", "name": "Nowhere", "level": "Place", "parent": null, "validFrom": "1 April 2009", "validTo": null, "odsCode": null """, "$.areas[1].validFrom")]
    [InlineData(""" "code": "X1", "name": "Nowhere", "level": 3, "parent": null, "validFrom": "2009-01-01", "validTo": null, "odsCode": null """, "$.areas[1].level")]
    public async Task A_step_with_invalid_data_is_refused_naming_the_step_and_the_value(string area, string path)
    {
        await using var database = await Site.CreateAsync();

        var refused = await database.FailAsync($$"""
            { "name": "test", "steps": [ { "name": "Geography", "areas": [ {{England}}, { {{area}} } ] } ] }
            """);

        Assert.StartsWith("Step 1 (Geography) of recipe 'test' has invalid data at " + path, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await database.CountRowsAsync()).Areas);
    }

    [Theory]
    [InlineData(""" "code": "X1", "name": "", "level": "Place", "parent": null, "validFrom": "2009-01-01", "validTo": null, "odsCode": null """)]
    [InlineData(""" "code": "  ", "name": "Nowhere", "level": "Place", "parent": null, "validFrom": "2009-01-01", "validTo": null, "odsCode": null """)]
    [InlineData(""" "code": "X1", "name": "Nowhere", "level": "Place", "parent": null, "validFrom": "2020-01-01", "validTo": "2019-12-31", "odsCode": null """)]
    public async Task A_step_with_a_value_the_domain_refuses_fails_naming_the_step(string area)
    {
        await using var database = await Site.CreateAsync();

        var refused = await database.FailAsync($$"""
            { "name": "test", "steps": [ { "name": "Geography", "areas": [ {{England}}, { {{area}} } ] } ] }
            """);

        Assert.StartsWith("Step 1 (Geography) of recipe 'test' failed: ", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await database.CountRowsAsync()).Areas);
    }

    [Fact]
    public async Task Demo_users_without_a_demo_password_are_refused()
    {
        await using var database = await Site.CreateAsync();

        var refused = await database.FailAsync(
            """
            {
              "name": "test",
              "steps": [
                { "name": "Users", "users": [ { "email": "ann@example.org", "displayName": "Ann", "roles": [ "Member" ], "organisation": null, "jobTitle": null, "system": null } ] }
              ]
            }
            """,
            demoPassword: null);

        Assert.Equal("Step 1 (Users) of recipe 'test' failed: No demo password was given for the demo users.", refused.Message);
        Assert.Equal(0, (await database.CountRowsAsync()).Users);
    }

    [Fact]
    public async Task A_theme_this_build_does_not_ship_is_refused()
    {
        await using var database = await Site.CreateAsync();

        var refused = await database.FailAsync("""{ "name": "test", "steps": [ { "name": "Settings", "theme": "NeonTheme" } ] }""");

        Assert.StartsWith("Step 1 (Settings) of recipe 'test' failed: There is no theme called 'NeonTheme'.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_with_an_unknown_role_is_refused()
    {
        await using var database = await Site.CreateAsync();

        var refused = await database.FailAsync("""
            {
              "name": "test",
              "steps": [
                {
                  "name": "Users",
                  "users": [
                    { "email": "ann@example.org", "displayName": "Ann", "roles": [ "Member" ], "organisation": null, "jobTitle": null, "system": null },
                    { "email": "bob@example.org", "displayName": "Bob", "roles": [ "Member", "Wizard" ], "organisation": null, "jobTitle": null, "system": null }
                  ]
                }
              ]
            }
            """);

        Assert.Equal("Step 1 (Users) of recipe 'test' failed: User bob@example.org has an unknown role 'Wizard'.", refused.Message);
        var rows = await database.CountRowsAsync();
        Assert.Equal(0, rows.Users);
        Assert.Equal(0, rows.UserRoles);
    }

    [Fact]
    public async Task A_user_in_a_system_that_does_not_exist_is_refused()
    {
        await using var database = await Site.CreateAsync();

        var refused = await database.FailAsync("""
            {
              "name": "test",
              "steps": [
                { "name": "Users", "users": [ { "email": "ann@example.org", "displayName": "Ann", "roles": [ "Member" ], "organisation": null, "jobTitle": null, "system": "E54000999" } ] }
              ]
            }
            """);

        Assert.Equal("Step 1 (Users) of recipe 'test' failed: User ann@example.org names system E54000999, which is not in the geography.", refused.Message);
        Assert.Equal(0, (await database.CountRowsAsync()).Users);
    }
}
