using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Data;

public static class DataProtectionExtensions
{
    /// <summary>Keys live in the database, so cookies and antiforgery tokens work on every node.</summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName("stem-portal")
            .PersistKeysToDbContext<PortalDbContext>();
        return services;
    }
}
