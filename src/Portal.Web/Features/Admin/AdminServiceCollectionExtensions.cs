using Portal.Theming;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>Site settings: its permissions and its place in the menu.</summary>
    public static IServiceCollection AddPortalAdmin(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, AdminPermissions>();
        services.AddSingleton<INavigationProvider>(new AdminNavigation());
        return services;
    }

    private sealed class AdminNavigation : INavigationProvider
    {
        public IEnumerable<NavigationItem> Items => [new("Site settings", "/admin", 900, AdminPermissions.ManageSite.Name)];
    }
}
