using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Librarians;

public static class LibrariansServiceCollectionExtensions
{
    /// <summary>Volunteer librarians: their permissions and the directory of who holds what.</summary>
    public static IServiceCollection AddPortalLibrarians(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, LibrariansPermissions>();
        services.AddScoped<LibrarianDirectory>();
        return services;
    }
}
