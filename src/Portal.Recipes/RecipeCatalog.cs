namespace Portal.Recipes;

/// <summary>The recipes found in the recipes folder, by name.</summary>
public sealed class RecipeCatalog(RecipeOptions options)
{
    public const string FileSuffix = ".recipe.json";

    /// <summary>Every readable recipe; a broken file is reported when it is chosen, not here.</summary>
    public IReadOnlyList<RecipeSummary> List()
    {
        if (!Directory.Exists(options.Path))
        {
            return [];
        }

        var summaries = new List<RecipeSummary>();
        foreach (var file in Directory.EnumerateFiles(options.Path, "*" + FileSuffix).Order(StringComparer.Ordinal))
        {
            try
            {
                var recipe = RecipeReader.Parse(File.ReadAllText(file), Path.GetFileName(file));
                summaries.Add(new RecipeSummary(recipe.Name, recipe.DisplayName, recipe.Description, recipe.IsSetupRecipe));
            }
            catch (RecipeException)
            {
                summaries.Add(new RecipeSummary(NameOf(file), NameOf(file), "This recipe cannot be read.", IsSetupRecipe: false));
            }
        }

        return summaries;
    }

    /// <summary>Reads one recipe by name; null when no file of that name exists.</summary>
    public Recipe? Find(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(['/', '\\', '.']) >= 0)
        {
            return null;
        }

        var file = Path.Combine(options.Path, name + FileSuffix);
        return File.Exists(file) ? RecipeReader.Parse(File.ReadAllText(file), name) : null;
    }

    private static string NameOf(string file) => Path.GetFileName(file)[..^FileSuffix.Length];
}

public sealed record RecipeSummary(string Name, string DisplayName, string Description, bool IsSetupRecipe);

public sealed class RecipeOptions
{
    /// <summary>The folder holding *.recipe.json files.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Recipes");
}
