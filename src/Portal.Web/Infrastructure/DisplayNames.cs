using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Web.Infrastructure;

public static class DisplayNames
{
    /// <summary>The display names of the given users, by id, in one query.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(this PortalDbContext db, IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        return ids.Count == 0
            ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}
