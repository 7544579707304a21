using Portal.Core;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Notifications;

/// <summary>Everyone who can sign in reads their own notifications and chooses how they hear of things.</summary>
public sealed class NotificationsPermissions : IPermissionProvider
{
    public static readonly Permission ManageOwnNotifications = new(
        "ManageOwnNotifications", "Read your own notifications and choose which emails you get, and follow topics and work streams", Roles.All);

    public IEnumerable<Permission> Permissions => [ManageOwnNotifications];
}
