using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Content;
using Portal.Theming;
using Portal.Web.Features.Site;

namespace Portal.Web.Infrastructure;

/// <summary>The host's own concerns: MVC with themes, errors, proxies, security headers.</summary>
public static class HostExtensions
{
    public static IServiceCollection AddPortalHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddControllersWithViews(options =>
                options.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()))
            .AddRazorOptions(options => options.ViewLocationExpanders.Add(new ThemeViewLocationExpander()));
        services.AddProblemDetails();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "stem.af";
            options.FormFieldName = "__RequestVerificationToken";
        });
        services.AddScoped<INavigation, PortalNavigation>();
        // Registered before the data module's default, which only fills the gap.
        services.AddHttpContextAccessor();
        services.AddScoped<Portal.Data.SaveHook.IActor, HttpActor>();
        services.AddSingleton<Portal.Data.SaveHook.IMailLinks, HostMailLinks>();
        services.AddSingleton<INavigationProvider, CoreNavigation>();
        services.TryAddSingleton<MarkdownRenderer>();
        services.Configure<ForwardedHeadersOptions>(options => ConfigureForwardedHeaders(options, configuration.GetSection("Portal:ForwardedHeaders")));
        return services;
    }

    /// <summary>The middleware pipeline, in the order it must run.</summary>
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<FirstRunMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        // Administrators and coordinators without two-factor sign-in may only enrol or sign out.
        app.UseMiddleware<Features.Account.TwoFactor.TwoFactorEnrolmentMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapStaticAssets().AllowAnonymous();
        app.MapControllers();
        // With a deny-by-default fallback policy an unmatched address would ask for sign-in;
        // this endpoint makes it an honest 404 for everyone.
        app.MapFallback("{*path}", () => Results.NotFound()).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Behind a reverse proxy, trust X-Forwarded-For/Proto only from the proxies named in
    /// Portal:ForwardedHeaders:KnownProxies (IP addresses) or :KnownNetworks (CIDR); loopback otherwise.
    /// </summary>
    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
