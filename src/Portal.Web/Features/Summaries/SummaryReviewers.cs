using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Theming.TagHelpers;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// Who may peer review a search: people whose accounts can use the portal and who hold a role
/// granted ReviewSummaries (librarians, unless an administrator changed the grants).
/// </summary>
public sealed class SummaryReviewers(PortalDbContext db, PermissionGrants grants)
{
    /// <summary>The reviewers to offer, by name, leaving out the people given (the authors, the requester).</summary>
    public async Task<IReadOnlyList<SelectOption>> ChoicesAsync(IReadOnlyCollection<string> except, CancellationToken cancellationToken)
    {
        var roles = await RolesThatReviewAsync(cancellationToken);
        var people = await (from user in db.Users.AsNoTracking()
                            join link in db.UserRoles on user.Id equals link.UserId
                            join role in db.Roles on link.RoleId equals role.Id
                            where roles.Contains(role.Name!) && user.EmailConfirmed && user.ApprovedAt != null && user.DeactivatedAt == null && !except.Contains(user.Id)
                            select new { user.Id, user.DisplayName }).Distinct().ToListAsync(cancellationToken);
        return people.Select(p => new SelectOption(p.Id, p.DisplayName)).OrderBy(o => o.Text, StringComparer.CurrentCulture).ToList();
    }

    public async Task<bool> MayReviewAsync(string userId, CancellationToken cancellationToken)
    {
        var roles = await RolesThatReviewAsync(cancellationToken);
        return await (from user in db.Users.AsNoTracking()
                      join link in db.UserRoles on user.Id equals link.UserId
                      join role in db.Roles on link.RoleId equals role.Id
                      where user.Id == userId && roles.Contains(role.Name!) && user.EmailConfirmed && user.ApprovedAt != null && user.DeactivatedAt == null
                      select user.Id).AnyAsync(cancellationToken);
    }

    private async Task<List<string>> RolesThatReviewAsync(CancellationToken cancellationToken)
    {
        var names = await db.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync(cancellationToken);
        var holding = new List<string>();
        foreach (var name in names)
        {
            if ((await grants.OfRoleAsync(name)).Contains(SummariesPermissions.ReviewSummaries.Name))
            {
                holding.Add(name);
            }
        }

        return holding;
    }
}
