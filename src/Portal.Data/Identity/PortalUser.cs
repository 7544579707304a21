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

    /// <summary>Set when an administrator deactivates the account; sign-in is then refused.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
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
