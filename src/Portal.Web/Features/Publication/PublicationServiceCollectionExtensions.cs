using Portal.Data.SaveHook;
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
        return services;
    }
}
