using Microsoft.EntityFrameworkCore;
using Portal.Core.Geography;
using Portal.Data;

namespace Portal.Recipes.Steps;

/// <summary>"Geography": areas of the geography tree, matched by code; a parent must come before its children.</summary>
internal sealed class GeographyStep(PortalDbContext db) : IRecipeStepHandler
{
    public string StepName => "Geography";

    private sealed record Data(IReadOnlyList<Area> Areas);

    private sealed record Area(string Code, string Name, GeoLevel Level, string? Parent, DateOnly ValidFrom, DateOnly? ValidTo, string? OdsCode);

    public async Task ExecuteAsync(RecipeStep step, RecipeContext context, CancellationToken cancellationToken)
    {
        var data = StepData.Read<Data>(step);
        var known = await db.GeoAreas.ToDictionaryAsync(a => a.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var area in data.Areas)
        {
            GeoArea? parent = null;
            if (area.Parent is not null && !known.TryGetValue(area.Parent, out parent))
            {
                throw new KeyNotFoundException($"Area {area.Code} names parent {area.Parent}, which is not defined before it.");
            }

            if (known.TryGetValue(area.Code, out var existing))
            {
                existing.Update(area.Name, area.Level, parent, area.ValidFrom, area.ValidTo, area.OdsCode);
            }
            else
            {
                var created = new GeoArea(area.Code, area.Name, area.Level, parent, area.ValidFrom, area.ValidTo, area.OdsCode);
                db.GeoAreas.Add(created);
                known[created.Code] = created;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
