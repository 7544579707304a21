using Portal.Core.Geography;

namespace Portal.Core.Tests;

/// <summary>Small geography for the domain tests: areas are built in memory, never saved.</summary>
internal static class Areas
{
    public static readonly DateOnly Start = new(2022, 7, 1);

    public static GeoArea England() => new("E92000001", "England", GeoLevel.Country, null, new DateOnly(2009, 1, 1), null, null);

    public static GeoArea Region(GeoArea? country = null) =>
        new("E40000012", "North East and Yorkshire", GeoLevel.Region, country ?? England(), Start, null, "Y63");

    public static GeoArea System(GeoArea? region = null) =>
        new("E54000050", "NHS North East and North Cumbria ICB", GeoLevel.System, region ?? Region(), Start, null, "QHM");

    public static GeoArea Place(GeoArea? system) =>
        new("E08000037", "Gateshead", GeoLevel.Place, system, new DateOnly(2013, 4, 1), null, null);
}
