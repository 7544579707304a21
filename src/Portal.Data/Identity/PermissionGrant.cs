namespace Portal.Data.Identity;

/// <summary>A role holds a permission. Administrators change grants on the roles page or by recipe.</summary>
public sealed class PermissionGrant
{
    public string RoleName { get; set; } = string.Empty;

    public string Permission { get; set; } = string.Empty;
}

/// <summary>
/// A permission the portal has seen declared. A permission seen for the first time gets its default
/// grants; after that only administrators change who holds it.
/// </summary>
public sealed class DeclaredPermission
{
    public string Name { get; set; } = string.Empty;

    public DateTimeOffset FirstDeclaredAt { get; set; }
}
