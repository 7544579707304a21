namespace Portal.Recipes;

/// <summary>Runs one named kind of step. Running the same step twice must change nothing the second time.</summary>
public interface IRecipeStepHandler
{
    /// <summary>The step name this handler runs, e.g. "Geography".</summary>
    string StepName { get; }

    Task ExecuteAsync(RecipeStep step, RecipeContext context, CancellationToken cancellationToken);
}

/// <summary>What a recipe run knows beyond its steps.</summary>
public sealed class RecipeContext
{
    /// <summary>The password for demo users, when the recipe creates any.</summary>
    public string? DemoPassword { get; init; }
}
