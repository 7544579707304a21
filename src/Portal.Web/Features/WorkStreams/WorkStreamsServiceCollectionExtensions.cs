using Portal.Theming;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.WorkStreams;

public static class WorkStreamsServiceCollectionExtensions
{
    /// <summary>Work stream pages and API: permissions, the editor, the menu item.</summary>
    public static IServiceCollection AddPortalWorkStreams(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, WorkStreamsPermissions>();
        services.AddScoped<WorkStreamEditor>();
        services.AddSingleton<INavigationProvider>(new WorkStreamsNavigation());
        return services;
    }

    private sealed class WorkStreamsNavigation : INavigationProvider
    {
        public IEnumerable<NavigationItem> Items => [new("Work streams", "/workstreams", 10, WorkStreamsPermissions.ViewWorkStreams.Name)];
    }
}
