using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Geography;
using Portal.Data;
using Portal.Theming.TagHelpers;

namespace Portal.Web.Features.Admin.Geography;

/// <summary>Adds and changes areas through GeoArea's own rules; broken rules become field errors.</summary>
public sealed class GeographyEditor(PortalDbContext db)
{
    private const string DateFormat = "yyyy-MM-dd";

    public async Task<IReadOnlyList<GeoTreeNode>> TreeAsync(CancellationToken cancellationToken)
    {
        var areas = await db.GeoAreas.AsNoTracking().OrderBy(a => a.Level).ThenBy(a => a.Name).ThenBy(a => a.ValidFrom).ToListAsync(cancellationToken);
        var children = areas.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value);
        GeoTreeNode Node(GeoArea area) => new(area, children[area.Id].Select(Node).ToList());
        return areas.Where(a => a.ParentId is null).Select(Node).ToList();
    }

    public async Task<GeoAreaRequest?> FormForAsync(int id, CancellationToken cancellationToken) =>
        await db.GeoAreas.AsNoTracking().Where(a => a.Id == id).Select(a => new GeoAreaRequest
        {
            Code = a.Code,
            Name = a.Name,
            Level = a.Level.ToString(),
            ParentId = a.ParentId.HasValue ? a.ParentId.Value.ToString(CultureInfo.InvariantCulture) : null,
            OdsCode = a.OdsCode,
            ValidFrom = a.ValidFrom.ToString(DateFormat, CultureInfo.InvariantCulture),
            ValidTo = a.ValidTo.HasValue ? a.ValidTo.Value.ToString(DateFormat, CultureInfo.InvariantCulture) : null,
        }).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<SelectOption>> ParentOptionsAsync(int? editing, CancellationToken cancellationToken)
    {
        var areas = await db.GeoAreas.AsNoTracking().Where(a => a.Id != editing).OrderBy(a => a.Level).ThenBy(a => a.Name).ThenBy(a => a.ValidFrom).ToListAsync(cancellationToken);
        return [new SelectOption(string.Empty, "None: this area is at the top of the tree"), .. areas.Select(a => new SelectOption(a.Id.ToString(CultureInfo.InvariantCulture), Describe(a)))];
    }

    /// <summary>Saves a new area (id null) or changes one. Returns the area's id, or null with errors in the model state.</summary>
    public async Task<int?> SaveAsync(int? id, GeoAreaRequest request, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        GeoArea? area = null;
        if (id is not null)
        {
            area = await db.GeoAreas.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new KeyNotFoundException($"No area {id}.");
        }

        var code = area?.Code ?? request.Code?.Trim();
        if (area is null)
        {
            if (string.IsNullOrEmpty(code))
            {
                modelState.AddModelError(nameof(request.Code), "Enter the area's ONS code");
            }
            else if (code.Length > 20)
            {
                modelState.AddModelError(nameof(request.Code), "Code must be 20 characters or fewer");
            }
            else if (await CodeTakenAsync(code, cancellationToken) is { } other)
            {
                modelState.AddModelError(nameof(request.Code), $"Enter a different code: {other} already uses {code}");
            }
        }

        var name = Text(modelState, nameof(request.Name), request.Name, "Enter the area's name", 200, "Name must be 200 characters or fewer");
        var odsCode = Text(modelState, nameof(request.OdsCode), request.OdsCode, null, 20, "ODS code must be 20 characters or fewer");
        GeoLevel? level = Enum.TryParse<GeoLevel>(request.Level, out var parsedLevel) && Enum.IsDefined(parsedLevel) ? parsedLevel : null;
        if (level is null)
        {
            modelState.AddModelError(nameof(request.Level), "Choose the area's level");
        }

        GeoArea? parent = null;
        if (!string.IsNullOrEmpty(request.ParentId))
        {
            parent = int.TryParse(request.ParentId, NumberStyles.None, CultureInfo.InvariantCulture, out var parentId)
                ? await db.GeoAreas.SingleOrDefaultAsync(a => a.Id == parentId, cancellationToken)
                : null;
            if (parent is null)
            {
                modelState.AddModelError(nameof(request.ParentId), "Choose a parent from the list");
            }
        }

        var validFrom = Date(modelState, nameof(request.ValidFrom), request.ValidFrom, "Enter the date the area starts", "The start date must be a real date, like 2022-07-01");
        var validTo = Date(modelState, nameof(request.ValidTo), request.ValidTo, null, "The end date must be a real date, like 2022-06-30");
        if (area is not null && level is not null)
        {
            var narrowest = await db.GeoAreas.Where(a => a.ParentId == area.Id).Select(a => (GeoLevel?)a.Level).MinAsync(cancellationToken);
            if (narrowest is { } childLevel && childLevel <= level)
            {
                modelState.AddModelError(nameof(request.Level), $"Choose a wider level than {childLevel}: areas of that level sit under this one");
            }
        }

        if (modelState.ErrorCount > 0)
        {
            return null;
        }

        try
        {
            if (area is null)
            {
                area = new GeoArea(code!, name!, level!.Value, parent, validFrom!.Value, validTo, odsCode);
                db.GeoAreas.Add(area);
            }
            else
            {
                area.Update(name!, level!.Value, parent, validFrom!.Value, validTo, odsCode);
            }
        }
        catch (DomainException ex)
        {
            // The entity names the broken rule; put it by the field that breaks it.
            modelState.AddModelError(validTo < validFrom ? nameof(request.ValidTo) : nameof(request.ParentId), ex.Message);
            db.ChangeTracker.Clear();
            return null;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (id is null)
        {
            // Someone added the same code between our check and our insert.
            modelState.AddModelError(nameof(request.Code), $"Enter a different code: another area already uses {code}");
            db.ChangeTracker.Clear();
            return null;
        }

        return area.Id;
    }

    public static string Describe(GeoArea area) =>
        $"{area.Name} ({area.Code}, {area.Level}{(area.ValidTo is { } end ? $", ended {end.ToString(DateFormat, CultureInfo.InvariantCulture)}" : string.Empty)})";

    private async Task<string?> CodeTakenAsync(string code, CancellationToken cancellationToken)
    {
        var upper = code.ToUpperInvariant();
        // EF Core translates ToUpper on every provider; string.Equals with a comparison it cannot.
#pragma warning disable CA1862
        return await db.GeoAreas.AsNoTracking().Where(a => a.Code.ToUpper() == upper).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
#pragma warning restore CA1862
    }

    private static string? Text(ModelStateDictionary modelState, string field, string? value, string? requiredMessage, int maximum, string tooLong)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is null && requiredMessage is not null)
        {
            modelState.AddModelError(field, requiredMessage);
        }
        else if (trimmed?.Length > maximum)
        {
            modelState.AddModelError(field, tooLong);
        }

        return trimmed;
    }

    private static DateOnly? Date(ModelStateDictionary modelState, string field, string? value, string? requiredMessage, string invalidMessage)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (requiredMessage is not null)
            {
                modelState.AddModelError(field, requiredMessage);
            }

            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        modelState.AddModelError(field, invalidMessage);
        return null;
    }
}

public sealed class GeoAreaRequest
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Level { get; set; }

    public string? ParentId { get; set; }

    public string? OdsCode { get; set; }

    public string? ValidFrom { get; set; }

    public string? ValidTo { get; set; }
}

public sealed record GeoTreeNode(GeoArea Area, IReadOnlyList<GeoTreeNode> Children);
