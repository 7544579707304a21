using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Admin.Users;

/// <summary>
/// What administrators do to accounts: change roles, deactivate (sign-in refused at once, tokens
/// revoked, content kept) and reactivate. The last active administrator always stays one.
/// </summary>
public sealed class UserAdministration(PortalDbContext db, UserManager<PortalUser> users, AccountRecords records, TimeProvider clock)
{
    public const int PageSize = 25;

    public const string LastAdministrator = "You cannot remove the last active administrator. Give someone else the Administrator role first";

    public async Task<UserListPage> ListAsync(string? search, int page, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        var term = search?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var upper = term.ToUpperInvariant();
            // EF Core translates ToUpper and Contains on every provider; the StringComparison overloads it cannot.
#pragma warning disable CA1862
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.ToUpper().Contains(upper));
#pragma warning restore CA1862
        }

        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email!, u.EmailConfirmed, u.ApprovedAt, u.DeactivatedAt,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList()))
            .ToListAsync(cancellationToken);
        return new UserListPage(term, rows, page, pages, total);
    }

    public async Task<UserDetails?> DetailsAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }

        var system = user.SystemId is null ? null : await db.GeoAreas.Where(a => a.Id == user.SystemId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
        var activeTokens = await db.PersonalAccessTokens.CountAsync(t => t.UserId == id && t.RevokedAt == null, cancellationToken);
        return new UserDetails(user, system, [.. await users.GetRolesAsync(user)], activeTokens);
    }

    /// <summary>Gives the user exactly these roles. Returns an error message, or null when done.</summary>
    public async Task<string?> SetRolesAsync(PortalUser user, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        if (roles.Any(r => !Roles.All.Contains(r)))
        {
            return "Choose roles from the list";
        }

        var current = await users.GetRolesAsync(user);
        var removed = current.Except(roles).ToList();
        var added = roles.Except(current).ToList();
        if (removed.Contains(Roles.Administrator) && await IsLastActiveAdministratorAsync(user))
        {
            return LastAdministrator;
        }

        if (removed.Count == 0 && added.Count == 0)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        records.Audit("RolesChanged", user, new { added, removed });
        if (removed.Count > 0)
        {
            Check(await records.SaveWithAsync(() => users.RemoveFromRolesAsync(user, removed)));
        }

        if (added.Count > 0)
        {
            Check(await records.SaveWithAsync(() => users.AddToRolesAsync(user, added)));
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Refuses sign-in from now on: the new security stamp ends existing sessions, and every
    /// token is revoked. Nothing the person wrote is removed. Returns an error message, or null.
    /// </summary>
    public async Task<string?> DeactivateAsync(PortalUser user, CancellationToken cancellationToken)
    {
        if (user.DeactivatedAt is not null)
        {
            return null;
        }

        if (await users.IsInRoleAsync(user, Roles.Administrator) && await IsLastActiveAdministratorAsync(user))
        {
            return "You cannot deactivate the last active administrator. Give someone else the Administrator role first";
        }

        var now = clock.GetUtcNow();
        user.DeactivatedAt = now;
        var tokens = await db.PersonalAccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var token in tokens)
        {
            token.RevokedAt = now;
        }

        records.Audit("AccountDeactivated", user, new { revokedTokens = tokens.Count });
        Check(await records.SaveWithAsync(() => users.UpdateSecurityStampAsync(user)));
        return null;
    }

    public async Task ReactivateAsync(PortalUser user)
    {
        if (user.DeactivatedAt is null)
        {
            return;
        }

        user.DeactivatedAt = null;
        records.Audit("AccountReactivated", user);
        Check(await records.SaveWithAsync(() => users.UpdateAsync(user)));
    }

    public static bool IsSelf(ClaimsPrincipal principal, PortalUser user) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id;

    private async Task<bool> IsLastActiveAdministratorAsync(PortalUser user)
    {
        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        return administrators.Where(a => a.DeactivatedAt is null).All(a => a.Id == user.Id);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record UserRow(
    string Id, string DisplayName, string Email, bool EmailConfirmed, DateTimeOffset? ApprovedAt, DateTimeOffset? DeactivatedAt, IReadOnlyList<string> Roles)
{
    public string Status => AccountStatus.Of(EmailConfirmed, ApprovedAt, DeactivatedAt);
}

public sealed record UserListPage(string? Search, IReadOnlyList<UserRow> Users, int Page, int Pages, int Total);

public sealed record UserDetails(PortalUser User, string? System, IReadOnlyList<string> Roles, int ActiveTokens)
{
    public string Status => AccountStatus.Of(User.EmailConfirmed, User.ApprovedAt, User.DeactivatedAt);
}

public static class AccountStatus
{
    public static string Of(bool emailConfirmed, DateTimeOffset? approvedAt, DateTimeOffset? deactivatedAt) =>
        deactivatedAt is not null ? "Deactivated"
        : !emailConfirmed ? "Email not confirmed"
        : approvedAt is null ? "Waiting for approval"
        : "Active";
}
