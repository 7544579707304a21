using Portal.Data.SaveHook;
using Portal.Theming;
using Portal.Web.Features.Digest;

namespace Portal.Web.Features.Publication;

public static class PublicationServiceCollectionExtensions
{
    /// <summary>
    /// Sharing summaries: the requester's consent, publication with a stable address, the listings,
    /// the notices to authors and the digest's "new summaries on your subscriptions".
    /// </summary>
    public static IServiceCollection AddPortalPublication(this IServiceCollection services)
    {
        services.AddScoped<Publishing>().AddScoped<PublishedSummaries>();
        services.AddSingleton<IDomainEventReactor, PublicationNotices>();
        services.AddScoped<IDigestSection, NewSummariesDigestSection>();
        services.AddSingleton<INavigationProvider>(new PublicationNavigation());
        return services;
    }

    /// <summary>Open to everyone: visitors see what is public.</summary>
    private sealed class PublicationNavigation : INavigationProvider
    {
        public IEnumerable<NavigationItem> Items => [new("Evidence", "/evidence", 12)];
    }
}
