using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Data;
using Portal.Theming;

namespace Portal.Web.Features.Site;

/// <summary>
/// The site settings as pages need them, read once per few seconds rather than per request.
/// Several nodes may share a database, so the copy expires instead of living forever.
/// </summary>
public sealed class SiteContext(IMemoryCache cache, IServiceScopeFactory scopes) : ISiteContext
{
    private const string CacheKey = "site-snapshot";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public SiteSnapshot Current => cache.GetOrCreate(CacheKey, entry =>
    {
        entry.AbsoluteExpirationRelativeToNow = Lifetime;
        return Load();
    })!;

    /// <summary>Forgets the cached copy after this node changed the settings.</summary>
    public void Refresh() => cache.Remove(CacheKey);

    private SiteSnapshot Load()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var settings = db.SiteSettings.AsNoTracking().SingleOrDefault();
        return settings is null
            ? SiteSnapshot.NotSetUp
            : new SiteSnapshot(true, settings.SiteName, settings.Theme);
    }
}
