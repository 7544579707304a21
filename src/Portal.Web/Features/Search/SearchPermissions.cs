using Portal.Core;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Search;

/// <summary>
/// Searching needs no permission of its own: each hit carries who may open it, and a reader finds
/// only those (anonymous visitors, what is public). Running the index is an administrator's.
/// </summary>
public sealed class SearchPermissions : IPermissionProvider
{
    public static readonly Permission ManageSearch = new("ManageSearch", "See the search index's status, rebuild it and edit the health synonyms", [Roles.Administrator]);

    public IEnumerable<Permission> Permissions => [ManageSearch];
}
