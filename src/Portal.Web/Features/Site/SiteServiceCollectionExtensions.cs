using Portal.Theming;

namespace Portal.Web.Features.Site;

public static class SiteServiceCollectionExtensions
{
    public static IServiceCollection AddPortalSite(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<SiteContext>();
        services.AddSingleton<ISiteContext>(sp => sp.GetRequiredService<SiteContext>());
        services.AddScoped<SiteSetup>();
        return services;
    }
}
