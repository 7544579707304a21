using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Admin.Registrations;

/// <summary>The coordinators' queue: confirmed accounts from addresses outside the allow-list, waiting to be let in.</summary>
public sealed class RegistrationApprovals(PortalDbContext db, UserManager<PortalUser> users, AccountRecords records, AccountLinks links, TimeProvider clock)
{
    public Task<List<PendingRegistration>> PendingAsync(CancellationToken cancellationToken) =>
        Pending()
            .OrderBy(u => u.CreatedAt)
            .Select(u => new PendingRegistration(
                u.Id, u.DisplayName, u.Email!, u.Organisation, u.JobTitle,
                db.GeoAreas.Where(a => a.Id == u.SystemId).Select(a => a.Name).FirstOrDefault(), u.CreatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Lets the account in as a Member and mails the person; false when it is not waiting.</summary>
    public async Task<PortalUser?> ApproveAsync(string id, ClaimsPrincipal approver, CancellationToken cancellationToken)
    {
        var user = await Pending().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }

        user.ApprovedAt = clock.GetUtcNow();
        user.ApprovedBy = users.GetUserId(approver);
        records.Audit("AccountApproved", user, new { approvedBy = user.ApprovedBy });
        records.Mail(user, "AccountApproved", new { displayName = user.DisplayName, signInUrl = links.To("/account/sign-in") });
        Check(await records.SaveWithAsync(async () => await users.IsInRoleAsync(user, Roles.Member)
            ? await users.UpdateAsync(user)
            : await users.AddToRoleAsync(user, Roles.Member)));
        return user;
    }

    /// <summary>Turns the account away: it is deactivated, so it can never sign in, and kept for the record.</summary>
    public async Task<PortalUser?> RejectAsync(string id, CancellationToken cancellationToken)
    {
        var user = await Pending().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }

        user.DeactivatedAt = clock.GetUtcNow();
        records.Audit("AccountRejected", user);
        Check(await records.SaveWithAsync(() => users.UpdateAsync(user)));
        return user;
    }

    private IQueryable<PortalUser> Pending() =>
        db.Users.Where(u => u.EmailConfirmed && u.ApprovedAt == null && u.DeactivatedAt == null);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record PendingRegistration(
    string Id, string DisplayName, string Email, string? Organisation, string? JobTitle, string? System, DateTimeOffset RegisteredAt);
