using Portal.Data.SaveHook;

namespace Portal.Web.Features.Claims;

public static class ClaimsServiceCollectionExtensions
{
    /// <summary>
    /// Claiming requests and the reference conversation: the use cases, the request page's section
    /// and the in-app notices to the people in the conversation. Permissions are the librarians'
    /// (ClaimRequests) and the requests' own.
    /// </summary>
    public static IServiceCollection AddPortalClaims(this IServiceCollection services)
    {
        services.AddScoped<ClaimActions>();
        services.AddScoped<RequestWorkPanels>();
        services.AddScoped<IDomainEventReactor, ConversationNotices>();
        return services;
    }
}
