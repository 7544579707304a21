using Portal.Core;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Permissions;

public sealed class RolesPermissions : IPermissionProvider
{
    public static readonly Permission ManageRoles = new("ManageRoles", "Choose which permissions each role holds", [Portal.Core.Roles.Administrator]);

    public IEnumerable<Permission> Permissions => [ManageRoles];
}
