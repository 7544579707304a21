using Portal.Core;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Admin;

public sealed class AdminPermissions : IPermissionProvider
{
    public static readonly Permission ManageSite = new("ManageSite", "Change site settings such as the theme", [Roles.Administrator]);

    public static readonly Permission ManageUsers = new("ManageUsers", "See, create and deactivate accounts and choose their roles", [Roles.Administrator]);

    public IEnumerable<Permission> Permissions => [ManageSite, ManageUsers];
}
