using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Recipes.Steps;

/// <summary>"Settings": site-wide settings such as the active theme.</summary>
internal sealed class SettingsStep(PortalDbContext db) : IRecipeStepHandler
{
    public string StepName => "Settings";

    private sealed record Data(string? Theme);

    public async Task ExecuteAsync(RecipeStep step, RecipeContext context, CancellationToken cancellationToken)
    {
        var data = StepData.Read<Data>(step);
        var settings = await db.SiteSettings.SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("The site has no settings yet; run the recipe from setup.");
        if (!string.IsNullOrWhiteSpace(data.Theme))
        {
            settings.UseTheme(data.Theme);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
