using Portal.Theming;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Librarians;

public static class LibrariansServiceCollectionExtensions
{
    /// <summary>Volunteer librarians: their permissions, the directory of who holds what, the profile editor and its menu item.</summary>
    public static IServiceCollection AddPortalLibrarians(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, LibrariansPermissions>();
        services.AddScoped<LibrarianDirectory>();
        services.AddScoped<LibrarianProfileEditor>();
        services.AddSingleton<INavigationProvider>(new LibrarianProfileNavigation());
        return services;
    }

    private sealed class LibrarianProfileNavigation : INavigationProvider
    {
        public IEnumerable<NavigationItem> Items =>
            [new("Librarian profile", "/librarians/me", 700, LibrariansPermissions.KeepLibrarianProfile.Name, NavigationSections.Account)];
    }
}
