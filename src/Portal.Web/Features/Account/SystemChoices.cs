using Microsoft.EntityFrameworkCore;
using Portal.Core.Geography;
using Portal.Data;
using Portal.Theming.TagHelpers;

namespace Portal.Web.Features.Account;

/// <summary>The systems (ICSs) a person may say they work in: those current today.</summary>
public sealed class SystemChoices(PortalDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<SelectOption>> OptionsAsync(CancellationToken cancellationToken)
    {
        var systems = await CurrentAsync(cancellationToken);
        return [new SelectOption(string.Empty, "Not part of a system listed here"), .. systems.Select(s => new SelectOption(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name))];
    }

    public async Task<bool> IsCurrentSystemAsync(int id, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).Any(s => s.Id == id);

    private async Task<List<GeoArea>> CurrentAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await db.GeoAreas.AsNoTracking()
            .Where(a => a.Level == GeoLevel.System && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today))
            .OrderBy(a => a.Name)
            .ToListAsync(cancellationToken);
    }
}
