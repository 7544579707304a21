using Microsoft.AspNetCore.Authorization;

namespace Portal.Web.Infrastructure.Authorization;

public static class AuthorizationServiceCollectionExtensions
{
    /// <summary>
    /// Deny by default: an endpoint that names no policy and does not allow anonymous access
    /// is refused to everyone, so a forgotten attribute fails closed.
    /// </summary>
    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(_ => false).Build());
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<PermissionGrants>();
        return services;
    }

    /// <summary>Gives permissions declared since the last start their default roles.</summary>
    public static async Task SeedPermissionsAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Portal.Data.PortalDbContext>();
        await scope.ServiceProvider.GetRequiredService<PermissionGrants>().SeedNewPermissionsAsync(db);
    }
}
