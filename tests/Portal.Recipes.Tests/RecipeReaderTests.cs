namespace Portal.Recipes.Tests;

public class RecipeReaderTests
{
    [Fact]
    public void Invalid_JSON_is_refused_naming_the_source_and_the_line()
    {
        const string json = """
            {
              "name": "broken",
              "steps": [ { "name": "Settings" } ]]
            }
            """;

        var refused = Assert.Throws<RecipeException>(() => RecipeReader.Parse(json, "broken.recipe.json"));

        Assert.StartsWith("Recipe 'broken.recipe.json' is not valid JSON (line 3)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recipe_that_is_not_an_object_is_refused()
    {
        var refused = Assert.Throws<RecipeException>(() => RecipeReader.Parse("[]", "list.recipe.json"));

        Assert.Equal("Recipe 'list.recipe.json' must be a JSON object.", refused.Message);
    }

    [Theory]
    [InlineData("""{ "steps": [] }""")]
    [InlineData("""{ "name": "   ", "steps": [] }""")]
    [InlineData("""{ "name": 42, "steps": [] }""")]
    public void A_recipe_without_a_name_is_refused(string json)
    {
        var refused = Assert.Throws<RecipeException>(() => RecipeReader.Parse(json, "nameless.recipe.json"));

        Assert.Equal("Recipe 'nameless.recipe.json' has no \"name\".", refused.Message);
    }

    [Theory]
    [InlineData("""{ "name": "x" }""")]
    [InlineData("""{ "name": "x", "steps": { "name": "Settings" } }""")]
    public void Steps_must_be_an_array(string json)
    {
        var refused = Assert.Throws<RecipeException>(() => RecipeReader.Parse(json, "x.recipe.json"));

        Assert.Equal("Recipe 'x' has no \"steps\" array.", refused.Message);
    }

    [Theory]
    [InlineData("""{ "theme": "StemTheme" }""")]
    [InlineData("""{ "name": "" }""")]
    [InlineData("""{ "name": 2 }""")]
    [InlineData("\"Settings\"")]
    public void A_step_without_a_name_is_refused_by_its_position(string secondStep)
    {
        var json = $$"""{ "name": "x", "steps": [ { "name": "Settings" }, {{secondStep}} ] }""";

        var refused = Assert.Throws<RecipeException>(() => RecipeReader.Parse(json, "x.recipe.json"));

        Assert.Equal("Step 2 of recipe 'x' has no \"name\".", refused.Message);
    }

    [Fact]
    public void A_variable_is_replaced_by_its_value_inside_strings()
    {
        const string json = """
            {
              "name": "themed",
              "variables": { "siteTheme": "CommunityTheme", "year": 2026 },
              "steps": [
                {
                  "name": "Settings",
                  "theme": "[js: variables('siteTheme')]",
                  "note": "Theme [js:variables('siteTheme')] since [js: variables('year')]",
                  "list": [ "[js: variables('siteTheme')]", 7 ]
                }
              ]
            }
            """;

        var data = Assert.Single(RecipeReader.Parse(json, "themed.recipe.json").Steps).Data;

        Assert.Equal("CommunityTheme", data.GetProperty("theme").GetString());
        Assert.Equal("Theme CommunityTheme since 2026", data.GetProperty("note").GetString());
        Assert.Equal("CommunityTheme", data.GetProperty("list")[0].GetString());
        Assert.Equal(7, data.GetProperty("list")[1].GetInt32());
    }

    [Fact]
    public void An_unknown_variable_is_refused_naming_the_step_and_the_variable()
    {
        const string json = """
            {
              "name": "themed",
              "variables": { "siteTheme": "CommunityTheme" },
              "steps": [
                { "name": "Settings", "theme": "[js: variables('siteTheme')]" },
                { "name": "Settings", "theme": "[js: variables('siteThemes')]" }
              ]
            }
            """;

        var refused = Assert.Throws<RecipeException>(() => RecipeReader.Parse(json, "themed.recipe.json"));

        Assert.Equal("Step 2 of recipe 'themed' uses an unknown variable 'siteThemes'.", refused.Message);
    }

    [Fact]
    public void Variables_must_be_an_object()
    {
        var refused = Assert.Throws<RecipeException>(
            () => RecipeReader.Parse("""{ "name": "x", "variables": [ "a" ], "steps": [] }""", "x.recipe.json"));

        Assert.Equal("Recipe 'x': \"variables\" must be an object.", refused.Message);
    }

    [Fact]
    public void The_header_is_read()
    {
        const string json = """
            {
              // Comments and trailing commas are allowed, as in Orchard Core recipes.
              "name": "demo",
              "displayName": "Demo site",
              "description": "A site to try things on.",
              "issetuprecipe": true,
              "steps": [ { "name": "Settings" }, { "name": "Topics", "topics": [] }, ],
            }
            """;

        var recipe = RecipeReader.Parse(json, "demo.recipe.json");

        Assert.Equal("demo", recipe.Name);
        Assert.Equal("Demo site", recipe.DisplayName);
        Assert.Equal("A site to try things on.", recipe.Description);
        Assert.True(recipe.IsSetupRecipe);
        Assert.Equal(["Settings", "Topics"], recipe.Steps.Select(s => s.Name));
        Assert.Equal([1, 2], recipe.Steps.Select(s => s.Number));
        Assert.Equal("step 2 (Topics) of recipe 'demo'", recipe.Steps[1].ToString());
    }

    [Fact]
    public void A_bare_header_falls_back_to_the_name_and_is_not_a_setup_recipe()
    {
        var recipe = RecipeReader.Parse("""{ "name": "bare", "issetuprecipe": "yes", "steps": [] }""", "bare.recipe.json");

        Assert.Equal("bare", recipe.DisplayName);
        Assert.Equal(string.Empty, recipe.Description);
        Assert.False(recipe.IsSetupRecipe);
        Assert.Empty(recipe.Steps);
    }
}
