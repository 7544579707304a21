using Portal.Core;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Admin;

public sealed class AdminPermissions : IPermissionProvider
{
    public static readonly Permission ManageSite = new("ManageSite", "Change site settings such as the theme", [Roles.Administrator]);

    public static readonly Permission ApproveRegistrations = new("ApproveRegistrations", "Approve or reject registrations from addresses outside the allow-list", [Roles.Coordinator, Roles.Administrator]);

    public static readonly Permission ManageUsers = new("ManageUsers", "See users, change their roles, deactivate and reactivate them", [Roles.Administrator]);

    public static readonly Permission ManageGeography = new("ManageGeography", "Add and change areas of the geography tree", [Roles.Administrator, Roles.Coordinator]);

    public static readonly Permission ManageTopics = new("ManageTopics", "Add, rename and move topics", [Roles.Administrator, Roles.Coordinator]);

    public static readonly Permission ManageEmail = new("ManageEmail", "See mail that could not be sent and send it again", [Roles.Administrator]);

    public IEnumerable<Permission> Permissions => [ManageSite, ApproveRegistrations, ManageUsers, ManageGeography, ManageTopics, ManageEmail];
}
