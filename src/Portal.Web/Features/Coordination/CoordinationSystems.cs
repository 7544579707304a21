using Microsoft.EntityFrameworkCore;
using Portal.Core.Geography;
using Portal.Data;
using Portal.Theming.TagHelpers;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Coordination;

/// <summary>A system (ICS) as the coordinator's filters name it: by its ONS code in addresses.</summary>
public sealed record SystemChoice(int Id, string Code, string Name);

/// <summary>The systems the board and the report can be filtered by.</summary>
internal static class CoordinationSystems
{
    /// <summary>The systems that have work streams, by name: the only ones with requests to show.</summary>
    public static async Task<IReadOnlyList<SystemChoice>> SystemsWithWorkStreamsAsync(this PortalDbContext db, CancellationToken cancellationToken) =>
        await db.GeoAreas.AsNoTracking()
            .Where(a => a.Level == GeoLevel.System && db.WorkStreams.Any(w => w.SystemId == a.Id))
            .OrderBy(a => a.Name)
            .Select(a => new SystemChoice(a.Id, a.Code, a.Name))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Reads the System filter: empty is every system; a code that names no system is a problem for
    /// the field, so a mistyped address says so instead of quietly showing everything.
    /// </summary>
    public static async Task<(SystemChoice? System, FieldProblem? Problem)> ReadSystemFilterAsync(
        this PortalDbContext db, string? code, string field, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return (null, null);
        }

        var trimmed = code.Trim();
        var system = await db.GeoAreas.AsNoTracking()
            .Where(a => a.Level == GeoLevel.System && a.Code == trimmed)
            .Select(a => new SystemChoice(a.Id, a.Code, a.Name))
            .FirstOrDefaultAsync(cancellationToken);
        return system is null
            ? (null, new FieldProblem(field, "Choose a system from the list"))
            : (system, null);
    }

    public static IEnumerable<SelectOption> Options(IReadOnlyList<SystemChoice> systems) =>
        [new SelectOption(string.Empty, "All systems"), .. systems.Select(s => new SelectOption(s.Code, s.Name))];
}
