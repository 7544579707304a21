namespace Portal.Web.Features.Unsubscribe;

public static class UnsubscribeServiceCollectionExtensions
{
    /// <summary>
    /// The page behind every notification mail's unsubscribe link and List-Unsubscribe header
    /// (/notifications/unsubscribe). Anonymous: the token in the link is the authority, made and
    /// read by Portal.Email's UnsubscribeTokens.
    /// </summary>
    public static IServiceCollection AddPortalUnsubscribe(this IServiceCollection services)
    {
        services.AddScoped<NotificationOptOut>();
        return services;
    }
}
