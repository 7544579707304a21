using Portal.Core;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Admin;

public sealed class AdminPermissions : IPermissionProvider
{
    public static readonly Permission ManageSite = new("ManageSite", "Change site settings such as the theme", [Roles.Administrator]);

    public IEnumerable<Permission> Permissions => [ManageSite];
}
