using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Data;
using Portal.Data.Identity;

namespace Portal.Web.Infrastructure.Authorization;

/// <summary>
/// Which roles hold which permissions, as stored in the database. Read often and changed rarely,
/// so it is cached briefly; several nodes share the database, so the copy expires.
/// </summary>
public sealed class PermissionGrants(IMemoryCache cache, IServiceScopeFactory scopes, IEnumerable<IPermissionProvider> providers, TimeProvider clock)
{
    private const string CacheKey = "permission-grants";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Every permission the modules declare, in a stable order.</summary>
    public IReadOnlyList<Permission> Declared { get; } =
        providers.SelectMany(p => p.Permissions).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    public async Task<bool> IsGrantedToAnyAsync(string permission, IEnumerable<string> roles)
    {
        var grants = await LoadAsync();
        return roles.Any(role => grants.TryGetValue(role, out var held) && held.Contains(permission));
    }

    public async Task<IReadOnlySet<string>> OfRoleAsync(string role) =>
        (await LoadAsync()).TryGetValue(role, out var held) ? held : new HashSet<string>();

    /// <summary>Replaces the role's permissions. Unknown permission names are refused.</summary>
    public async Task ReplaceAsync(PortalDbContext db, string role, IEnumerable<string> permissions, CancellationToken cancellationToken)
    {
        var wanted = permissions.Distinct(StringComparer.Ordinal).ToList();
        var unknown = wanted.FirstOrDefault(p => Declared.All(d => d.Name != p));
        if (unknown is not null)
        {
            throw new KeyNotFoundException($"There is no permission called '{unknown}'.");
        }

        var current = await db.PermissionGrants.Where(g => g.RoleName == role).ToListAsync(cancellationToken);
        db.PermissionGrants.RemoveRange(current.Where(g => !wanted.Contains(g.Permission)));
        db.PermissionGrants.AddRange(wanted.Where(p => current.All(g => g.Permission != p))
            .Select(p => new PermissionGrant { RoleName = role, Permission = p }));
        await db.SaveChangesAsync(cancellationToken);
        Refresh();
    }

    /// <summary>
    /// Gives each permission seen for the first time its default roles. Later changes by
    /// administrators are kept: a permission is defaulted only once.
    /// </summary>
    public async Task SeedNewPermissionsAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var known = await db.DeclaredPermissions.Select(p => p.Name).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var permission in Declared.Where(p => !known.Contains(p.Name)))
        {
            db.DeclaredPermissions.Add(new DeclaredPermission { Name = permission.Name, FirstDeclaredAt = now });
            db.PermissionGrants.AddRange(permission.DefaultRoles.Select(role => new PermissionGrant { RoleName = role, Permission = permission.Name }));
        }

        await db.SaveChangesAsync(cancellationToken);
        Refresh();
    }

    public void Refresh() => cache.Remove(CacheKey);

    private async Task<Dictionary<string, IReadOnlySet<string>>> LoadAsync() =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var rows = await db.PermissionGrants.AsNoTracking().ToListAsync();
            return rows.GroupBy(g => g.RoleName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(x => x.Permission).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        }))!;
}
