using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Theming;

namespace Portal.Recipes.Steps;

/// <summary>"Settings": site-wide settings such as the active theme (one of the themes this build ships).</summary>
internal sealed class SettingsStep(PortalDbContext db) : IRecipeStepHandler
{
    public string StepName => "Settings";

    public async Task ExecuteAsync(RecipeStep step, RecipeContext context, CancellationToken cancellationToken)
    {
        var settings = await db.SiteSettings.SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("The site has no settings yet; run the recipe from setup.");
        if (step.Data.TryGetProperty("theme", out var theme) && theme.ValueKind != JsonValueKind.Null)
        {
            var name = theme.ValueKind == JsonValueKind.String ? theme.GetString()! : string.Empty;
            if (!Themes.Available.Contains(name))
            {
                throw new KeyNotFoundException($"There is no theme called '{name}'. Themes are {string.Join(", ", Themes.Available)}.");
            }

            settings.UseTheme(name);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
