using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Recipes.Steps;

namespace Portal.Recipes;

public static class RecipesServiceCollectionExtensions
{
    /// <summary>The recipe catalog, the runner and the built-in step handlers.</summary>
    public static IServiceCollection AddPortalRecipes(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new RecipeOptions();
        configuration.GetSection("Portal:Recipes").Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<RecipeCatalog>();
        services.AddScoped<RecipeRunner>();
        services.AddScoped<IRecipeStepHandler, SettingsStep>();
        services.AddScoped<IRecipeStepHandler, GeographyStep>();
        services.AddScoped<IRecipeStepHandler, TopicsStep>();
        services.AddScoped<IRecipeStepHandler, UsersStep>();
        services.AddScoped<IRecipeStepHandler, LibrariansStep>();
        services.AddScoped<IRecipeStepHandler, WorkStreamsStep>();
        services.AddScoped<IRecipeStepHandler, RequestsStep>();
        services.AddScoped<RequestSummaries>();
        services.TryAddSingleton<Content.MarkdownRenderer>();
        // Approval before delivery as by default; the host replaces it with the configured policy.
        services.TryAddSingleton(Core.Summaries.ReviewPolicy.Default);
        // The usual turnaround per output; the host replaces it with the configured one.
        services.TryAddSingleton(new Core.Requests.TurnaroundRules());
        services.AddScoped<IRecipeStepHandler, SegmentationStep>();
        return services;
    }
}
