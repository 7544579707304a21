using Portal.Data.SaveHook;
using Portal.Theming;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// In-app notifications (the list, its unread count in the header), each person's email and
    /// notification settings, coordinators told who has a request, and deadline reminders. Settings
    /// from Portal:Notifications (ReminderInterval, ReminderDaysBefore); a bad value stops the portal at start-up.
    /// </summary>
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(NotificationOptions.Read(configuration));
        services.AddSingleton<IPermissionProvider, NotificationsPermissions>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<NotificationSettings>();
        services.AddScoped<INavigationCounter, UnreadNotificationsCounter>();
        services.AddScoped<DeadlineReminders>();
        services.AddHostedService<DeadlineReminderService>();
        services.AddSingleton<IDomainEventReactor, CoordinatorNotices>();
        services.AddSingleton<IDomainEventReactor, DeadlineNotices>();
        services.AddSingleton<INavigationProvider>(new NotificationsNavigation());
        return services;
    }

    private sealed class NotificationsNavigation : INavigationProvider
    {
        public IEnumerable<NavigationItem> Items =>
        [
            new("Notifications", NotificationsController.Path, 600, NotificationsPermissions.ManageOwnNotifications.Name, NavigationSections.Account),
            new("Email and notification settings", NotificationMail.PreferencesPath, 650, NotificationsPermissions.ManageOwnNotifications.Name, NavigationSections.Account),
        ];
    }
}
