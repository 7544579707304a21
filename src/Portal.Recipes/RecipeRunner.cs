using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core;
using Portal.Data;

namespace Portal.Recipes;

/// <summary>Runs a recipe's steps in order, all or nothing: one failing step rolls every step back.</summary>
public sealed class RecipeRunner(PortalDbContext db, IEnumerable<IRecipeStepHandler> handlers, ILogger<RecipeRunner> logger)
{
    private readonly Dictionary<string, IRecipeStepHandler> _handlers =
        handlers.ToDictionary(h => h.StepName, StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks every step has a handler before anything runs.</summary>
    public void Validate(Recipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            if (!_handlers.ContainsKey(step.Name))
            {
                throw new RecipeException($"{Capitalised(step)} is unknown: no handler runs a step named '{step.Name}'.");
            }
        }
    }

    /// <summary>Runs the recipe in the caller's transaction if there is one, else in its own.</summary>
    public async Task RunAsync(Recipe recipe, RecipeContext context, CancellationToken cancellationToken = default)
    {
        Validate(recipe);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            foreach (var step in recipe.Steps)
            {
                logger.LogInformation("Running {Step}", step.ToString());
                try
                {
                    await _handlers[step.Name].ExecuteAsync(step, context, cancellationToken);
                }
                catch (Exception ex) when (ex is DomainException or ArgumentException or InvalidOperationException or FormatException or System.Text.Json.JsonException or KeyNotFoundException or DbUpdateException)
                {
                    throw new RecipeException($"{Capitalised(step)} failed: {ex.Message}", ex);
                }
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        catch when (own is not null)
        {
            await own.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private static string Capitalised(RecipeStep step) => "S" + step.ToString()[1..];
}
