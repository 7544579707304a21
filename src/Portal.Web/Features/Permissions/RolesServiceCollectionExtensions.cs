using Portal.Recipes;
using Portal.Web.Infrastructure.Authorization;
using Portal.Theming;

namespace Portal.Web.Features.Permissions;

public static class RolesServiceCollectionExtensions
{
    public static IServiceCollection AddPortalRoles(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, RolesPermissions>();
        services.AddScoped<IRecipeStepHandler, RolesStep>();
        services.AddSingleton<INavigationProvider>(new RolesNavigation());
        return services;
    }

    private sealed class RolesNavigation : INavigationProvider
    {
        public IEnumerable<NavigationItem> Items => [new("Roles", "/admin/roles", 910, RolesPermissions.ManageRoles.Name, NavigationSections.Administration, "Choose which permissions each role holds.")];
    }
}
