using Portal.Theming;
using Portal.Web.Features.Admin.Registrations;
using Portal.Web.Features.Admin.Users;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>Administration pages: site settings, registrations, users, geography and topics.</summary>
    public static IServiceCollection AddPortalAdmin(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, AdminPermissions>();
        services.AddSingleton<INavigationProvider, AdminNavigation>();
        services.AddScoped<RegistrationApprovals>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<Geography.GeographyEditor>();
        services.AddScoped<Topics.TopicEditor>();
        return services;
    }
}

/// <summary>Menu items for the administration pages; each shows only to those holding its permission.</summary>
internal sealed class AdminNavigation : INavigationProvider
{
    public IEnumerable<NavigationItem> Items =>
    [
        new("Site settings", "/admin", 900, AdminPermissions.ManageSite.Name),
        new("Registrations", "/admin/registrations", 800, AdminPermissions.ApproveRegistrations.Name),
        new("Users", "/admin/users", 810, AdminPermissions.ManageUsers.Name),
        new("Geography", "/admin/geography", 820, AdminPermissions.ManageGeography.Name),
        new("Topics", "/admin/topics", 830, AdminPermissions.ManageTopics.Name),
    ];
}
