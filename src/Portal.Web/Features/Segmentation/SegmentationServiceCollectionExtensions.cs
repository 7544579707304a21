using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Content;
using Portal.Theming;
using Portal.Web.Infrastructure;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Segmentation;

public static class SegmentationServiceCollectionExtensions
{
    /// <summary>Segmentation outputs: permissions, menu, uploads and the Portal:Segmentation settings. The recipe step lives with the others in Portal.Recipes.</summary>
    public static IServiceCollection AddPortalSegmentation(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SegmentationOptions>(configuration.GetSection("Portal:Segmentation"));
        services.AddSingleton<IPermissionProvider, SegmentationPermissions>();
        services.AddSingleton<INavigationProvider>(new SegmentationNavigation());
        services.AddScoped<SegmentationUploads>();
        services.TryAddSingleton<MarkdownRenderer>();
        return services;
    }

    private sealed class SegmentationNavigation : INavigationProvider
    {
        public IEnumerable<NavigationItem> Items => [new("Segmentation", "/segmentation", 300, SegmentationPermissions.ViewSegmentationOutputs.Name)];
    }
}
