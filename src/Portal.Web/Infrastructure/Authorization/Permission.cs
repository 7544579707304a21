namespace Portal.Web.Infrastructure.Authorization;

/// <summary>
/// Something a user may be allowed to do. Endpoints name a permission as their policy; roles are
/// granted permissions (by default here, changeable by administrators once accounts land).
/// </summary>
public sealed record Permission(string Name, string Description, IReadOnlyList<string> DefaultRoles);

/// <summary>Each module lists the permissions it declares.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> Permissions { get; }
}
