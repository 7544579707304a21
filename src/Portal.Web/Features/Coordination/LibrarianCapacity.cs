using Microsoft.EntityFrameworkCore;
using Portal.Core.Librarians;
using Portal.Data;
using Portal.Web.Features.Librarians;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Coordination;

/// <summary>A librarian as a coordinator sees them: where they work, how much room they have, when they are away.</summary>
public sealed record LibrarianRow(
    string UserId,
    string Name,
    string? System,
    string? Service,
    string? Organisation,
    int Capacity,
    int OpenClaims,
    int? HoursPerMonth,
    TimeAway? AwayNow,
    TimeAway? AwaySoon,
    bool OffersMentoring,
    bool SeeksMentoring,
    bool HasProfile)
{
    public int FreePlaces => Math.Max(0, Capacity - OpenClaims);

    public bool HasRoom => OpenClaims < Capacity;
}

/// <summary>
/// Every active librarian with their capacity and open claims, counted the way claiming counts
/// them (<see cref="LibrarianDirectory"/>), for the capacity view and the assign page.
/// </summary>
public sealed class LibrarianCapacity(PortalDbContext db, LibrarianDirectory directory, TimeProvider clock)
{
    /// <summary>Time away starting within this many days shows as "away soon".</summary>
    public const int SoonDays = 30;

    public async Task<IReadOnlyList<LibrarianRow>> AllAsync(CancellationToken cancellationToken)
    {
        var ids = (await directory.ActiveLibrarianIdsAsync(cancellationToken)).ToList();
        var claims = await directory.OpenClaimsAsync(cancellationToken);
        var profiles = await db.LibrarianProfiles.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        var systemIds = profiles.Values.Select(p => p.SystemId).OfType<int>().Distinct().ToList();
        var systems = await db.GeoAreas.AsNoTracking().Where(a => systemIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var names = await db.DisplayNamesAsync(ids, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        return ids.Select(id =>
        {
            var profile = profiles.GetValueOrDefault(id);
            var known = profile ?? new LibrarianProfile(id);
            return new LibrarianRow(
                id,
                names.GetValueOrDefault(id, "Unknown"),
                known.SystemId is { } system ? systems.GetValueOrDefault(system) : null,
                known.Service,
                known.Organisation,
                known.Capacity,
                claims.GetValueOrDefault(id),
                known.HoursPerMonth,
                known.TimeAway.Where(a => a.From <= today && today <= a.To).MaxBy(a => a.To),
                known.TimeAway.Where(a => a.From > today && a.From <= today.AddDays(SoonDays)).MinBy(a => a.From),
                known.OffersMentoring,
                known.SeeksMentoring,
                profile is not null);
        }).OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The ways the capacity view can be ordered, by the name used in its address.</summary>
    public static IReadOnlyList<LibrarianRow> Sorted(IReadOnlyList<LibrarianRow> rows, string? sort) => sort switch
    {
        "name" => rows,
        "system" => rows.OrderBy(r => r.System ?? "\uffff", StringComparer.CurrentCulture).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList(),
        "service" => rows.OrderBy(r => r.Service ?? "\uffff", StringComparer.CurrentCulture).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList(),
        _ => rows.OrderByDescending(r => r.AwayNow is null).ThenByDescending(r => r.FreePlaces).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList(),
    };
}
