using Microsoft.AspNetCore.Identity;

namespace Portal.Data.Identity;

/// <summary>A person with an account: work stream lead, librarian, coordinator, member...</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public string? Organisation { get; set; }

    public string? JobTitle { get; set; }

    /// <summary>The system (ICS) the person works in, if any.</summary>
    public int? SystemId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// When the account was let in: at email confirmation for an allow-listed domain, otherwise
    /// when a coordinator approved it. Null while it waits.
    /// </summary>
    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>Who approved it: a user id, or "allow-list".</summary>
    public string? ApprovedBy { get; set; }

    /// <summary>Set when an administrator deactivates the account; sign-in is then refused.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>May sign in and use tokens: confirmed, approved and not deactivated.</summary>
    public bool CanUseThePortal => EmailConfirmed && ApprovedAt is not null && DeactivatedAt is null;
}

public sealed class PortalRole : IdentityRole
{
    public PortalRole()
    {
    }

    public PortalRole(string name)
        : base(name)
    {
    }
}
