using System.Text.Json;

namespace Portal.Recipes;

/// <summary>
/// A recipe in Orchard Core's envelope: a header (name, displayName, description,
/// issetuprecipe, variables) and ordered, named steps.
/// </summary>
public sealed record Recipe(
    string Name,
    string DisplayName,
    string Description,
    bool IsSetupRecipe,
    IReadOnlyList<RecipeStep> Steps);

/// <summary>One step: its position, its handler's name and its data (the whole step object).</summary>
public sealed record RecipeStep(string RecipeName, int Number, string Name, JsonElement Data)
{
    public override string ToString() => $"step {Number} ({Name}) of recipe '{RecipeName}'";
}

/// <summary>A recipe could not be read or run. The message names the recipe and, where known, the step.</summary>
public sealed class RecipeException(string message, Exception? inner = null) : Exception(message, inner);
