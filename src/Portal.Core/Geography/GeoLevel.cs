namespace Portal.Core.Geography;

/// <summary>The levels of the geography tree, from the widest to the narrowest.</summary>
public enum GeoLevel
{
    Country = 0,
    Region = 1,
    System = 2,
    Place = 3,
    Neighbourhood = 4,
}
