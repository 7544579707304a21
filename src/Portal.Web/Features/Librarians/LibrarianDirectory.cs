using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Requests;
using Portal.Data;

namespace Portal.Web.Features.Librarians;

/// <summary>
/// Who the librarians are and how much work each holds: shared by matching, claiming, assigning
/// and the coordinator's capacity view so they all count the same way.
/// </summary>
public sealed class LibrarianDirectory(PortalDbContext db)
{
    /// <summary>The states in which a request occupies its claimant.</summary>
    public static readonly RequestState[] HeldStates = [RequestState.Claimed, RequestState.AwaitingRequester, RequestState.InReview];

    /// <summary>The ids of people in the Librarian role whose accounts may use the portal.</summary>
    public async Task<IReadOnlyList<string>> ActiveLibrarianIdsAsync(CancellationToken cancellationToken) =>
        await (from user in db.Users
               join link in db.UserRoles on user.Id equals link.UserId
               join role in db.Roles on link.RoleId equals role.Id
               where role.Name == Roles.Librarian && user.EmailConfirmed && user.ApprovedAt != null && user.DeactivatedAt == null
               select user.Id).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);

    public async Task<bool> IsActiveLibrarianAsync(string userId, CancellationToken cancellationToken) =>
        await (from user in db.Users
               join link in db.UserRoles on user.Id equals link.UserId
               join role in db.Roles on link.RoleId equals role.Id
               where user.Id == userId && role.Name == Roles.Librarian && user.EmailConfirmed && user.ApprovedAt != null && user.DeactivatedAt == null
               select user.Id).AnyAsync(cancellationToken);

    /// <summary>How many requests each librarian holds as claimant now; librarians holding none are absent.</summary>
    public async Task<IReadOnlyDictionary<string, int>> OpenClaimsAsync(CancellationToken cancellationToken) =>
        await db.EvidenceRequests.AsNoTracking()
            .Where(r => r.ClaimantId != null && HeldStates.Contains(r.State))
            .GroupBy(r => r.ClaimantId!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public Task<int> OpenClaimsOfAsync(string userId, CancellationToken cancellationToken) =>
        db.EvidenceRequests.CountAsync(r => r.ClaimantId == userId && HeldStates.Contains(r.State), cancellationToken);

    /// <summary>The librarian's profile, or a new one with the defaults (2 searches at a time) when they have not filled it in.</summary>
    public async Task<Core.Librarians.LibrarianProfile> ProfileOrDefaultAsync(string userId, bool tracked, CancellationToken cancellationToken)
    {
        // Topics and time away are two owned collections: one query each rather than their product.
        var profiles = (tracked ? db.LibrarianProfiles : db.LibrarianProfiles.AsNoTracking()).AsSplitQuery();
        return await profiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken) ?? new Core.Librarians.LibrarianProfile(userId);
    }
}
