using Portal.Theming;
using Portal.Web.Features.Admin.Registrations;
using Portal.Web.Features.Admin.Users;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>Administration pages: site settings, registrations, users, geography, topics and mail.</summary>
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
    private const string Admin = NavigationSections.Administration;

    public IEnumerable<NavigationItem> Items =>
    [
        new("Registrations", "/admin/registrations", 800, AdminPermissions.ApproveRegistrations.Name, Admin, "Approve or reject people who registered from addresses outside the allow-list."),
        new("Users", "/admin/users", 810, AdminPermissions.ManageUsers.Name, Admin, "Find people, change their roles, deactivate and reactivate accounts."),
        new("Geography", "/admin/geography", 820, AdminPermissions.ManageGeography.Name, Admin, "Regions, systems, places and neighbourhoods, with their codes and dates."),
        new("Topics", "/admin/topics", 830, AdminPermissions.ManageTopics.Name, Admin, "The topic tree used to describe work streams, requests and librarians."),
        new("Mail", "/admin/mail", 850, AdminPermissions.ManageEmail.Name, Admin, "Mail that could not be sent after every attempt, and sending it again."),
        new("Site settings", "/admin/site", 900, AdminPermissions.ManageSite.Name, Admin, "The site's name, recipe and theme."),
    ];
}
