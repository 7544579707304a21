using Portal.Core.Events;

namespace Portal.Core.Geography;

/// <summary>
/// An area in the geography tree: England, an NHS region, a system (ICS), a place (local
/// authority) or a neighbourhood (PCN). Boundaries change, so each area has a validity period.
/// </summary>
public sealed class GeoArea : Entity
{
    private GeoArea()
    {
        Code = Name = string.Empty;
    }

    public GeoArea(string code, string name, GeoLevel level, GeoArea? parent, DateOnly validFrom, DateOnly? validTo, string? odsCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Code = code.Trim();
        Name = name.Trim();
        Level = level;
        Update(name, level, parent, validFrom, validTo, odsCode);
    }

    public int Id { get; private set; }

    /// <summary>The ONS code (e.g. E54000050), or an ODS code where ONS has none.</summary>
    public string Code { get; private set; }

    public string? OdsCode { get; private set; }

    public string Name { get; private set; }

    public GeoLevel Level { get; private set; }

    public int? ParentId { get; private set; }

    public GeoArea? Parent { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public bool IsCurrentOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);

    public void Update(string name, GeoLevel level, GeoArea? parent, DateOnly validFrom, DateOnly? validTo, string? odsCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (validTo is { } end && end < validFrom)
        {
            throw new DomainException($"Area {Code} ends ({end:yyyy-MM-dd}) before it starts ({validFrom:yyyy-MM-dd}).");
        }

        if (parent is not null && parent.Level >= level)
        {
            throw new DomainException($"Area {Code} ({level}) cannot sit under {parent.Code} ({parent.Level}): a parent must be a wider level.");
        }

        Name = name.Trim();
        Level = level;
        Parent = parent;
        ParentId = parent?.Id;
        ValidFrom = validFrom;
        ValidTo = validTo;
        OdsCode = string.IsNullOrWhiteSpace(odsCode) ? null : odsCode.Trim();
    }
}
