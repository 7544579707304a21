using Portal.Core;
using Portal.Email.Templates;
using Portal.Email.Templates.Digest;
using Portal.Theming;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Digest;

public sealed class DigestPermissions : IPermissionProvider
{
    public static readonly Permission PreviewDigest = new("PreviewDigest", "See what your next weekly digest will hold", Roles.All);

    public IEnumerable<Permission> Permissions => [PreviewDigest];
}

public static class DigestServiceCollectionExtensions
{
    /// <summary>
    /// The weekly digest: its builder and sections, the "WeeklyDigest" mail, the service that sends
    /// the digests that are due, and the preview page. Settings from Portal:Digest (CheckInterval,
    /// DayOfWeek, Hour); a bad value stops the portal at start-up. Needs matching and librarians.
    /// </summary>
    public static IServiceCollection AddPortalDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(DigestOptions.Read(configuration));
        services.AddSingleton<IPermissionProvider, DigestPermissions>();
        services.AddScoped<IDigestSection, LibrarianMatchesSection>();
        services.AddScoped<DigestBuilder>();
        services.AddScoped<DigestSender>();
        services.AddHostedService<DigestService>();
        services.AddSingleton<INavigationProvider>(new DigestNavigation());
        return services;
    }

    private sealed class DigestNavigation : INavigationProvider
    {
        public IEnumerable<NavigationItem> Items => [new("Weekly digest", "/account/digest", 760, DigestPermissions.PreviewDigest.Name, NavigationSections.Account)];
    }
}
