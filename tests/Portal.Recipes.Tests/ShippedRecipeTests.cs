using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;

namespace Portal.Recipes.Tests;

public class ShippedRecipeTests
{
    [Theory]
    [InlineData("blank")]
    [InlineData("stem-club-north-east")]
    public async Task A_shipped_recipe_is_a_valid_setup_recipe(string name)
    {
        var recipe = Site.Shipped(name);
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var scope = database.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<RecipeRunner>();

        runner.Validate(recipe);

        Assert.Equal(name, recipe.Name);
        Assert.True(recipe.IsSetupRecipe);
        Assert.NotEqual(recipe.Name, recipe.DisplayName);
        Assert.NotEmpty(recipe.Steps);
    }

    [Fact]
    public void The_catalog_lists_every_shipped_recipe_as_readable()
    {
        var catalog = new RecipeCatalog(new RecipeOptions { Path = TestPaths.RecipesFolder });

        var listed = catalog.List();

        Assert.Equal(["blank", "stem-club-north-east"], listed.Select(r => r.Name));
        Assert.All(listed, r => Assert.True(r.IsSetupRecipe, $"{r.Name} cannot be read or is not a setup recipe."));
    }
}
