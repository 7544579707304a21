using Portal.Core.Geography;

namespace Portal.Core.Tests;

public class GeoAreaTests
{
    [Fact]
    public void A_place_sits_under_a_system()
    {
        var system = Areas.System();

        var place = Areas.Place(system);

        Assert.Same(system, place.Parent);
        Assert.Equal(GeoLevel.Place, place.Level);
    }

    [Theory]
    [InlineData(GeoLevel.System)]
    [InlineData(GeoLevel.Place)]
    [InlineData(GeoLevel.Neighbourhood)]
    public void A_parent_of_the_same_or_a_narrower_level_is_refused(GeoLevel parentLevel)
    {
        var parent = new GeoArea("P1", "Parent", parentLevel, null, Areas.Start, null, null);

        var refused = Assert.Throws<DomainException>(
            () => new GeoArea("C1", "Child", GeoLevel.System, parent, Areas.Start, null, null));

        Assert.Contains("C1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("a parent must be a wider level", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_validity_period_cannot_end_before_it_starts()
    {
        var refused = Assert.Throws<DomainException>(
            () => new GeoArea("E06000047", "County Durham", GeoLevel.Place, null, new DateOnly(2020, 4, 1), new DateOnly(2020, 3, 31), null));

        Assert.Contains("ends (2020-03-31) before it starts (2020-04-01)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_validity_period_may_last_a_single_day()
    {
        var day = new DateOnly(2023, 3, 31);

        var area = new GeoArea("E07000026", "Allerdale", GeoLevel.Place, null, day, day, null);

        Assert.True(area.IsCurrentOn(day));
    }

    [Fact]
    public void A_refused_update_leaves_the_area_as_it_was()
    {
        var system = Areas.System();
        var place = Areas.Place(system);
        var neighbourhood = new GeoArea("EX-PCN-001", "Inner West PCN", GeoLevel.Neighbourhood, null, Areas.Start, null, null);

        Assert.Throws<DomainException>(
            () => place.Update("Renamed", GeoLevel.Place, neighbourhood, Areas.Start, null, "X1"));

        Assert.Equal("Gateshead", place.Name);
        Assert.Same(system, place.Parent);
        Assert.Null(place.OdsCode);
    }

    [Theory]
    [InlineData("2009-03-31", false)]
    [InlineData("2009-04-01", true)]
    [InlineData("2015-06-15", true)]
    [InlineData("2023-03-31", true)]
    [InlineData("2023-04-01", false)]
    public void An_area_is_current_only_within_its_validity_period(string day, bool current)
    {
        var area = new GeoArea("E07000030", "Eden", GeoLevel.Place, null, new DateOnly(2009, 4, 1), new DateOnly(2023, 3, 31), null);

        Assert.Equal(current, area.IsCurrentOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void An_area_without_an_end_stays_current()
    {
        var area = Areas.System();

        Assert.False(area.IsCurrentOn(Areas.Start.AddDays(-1)));
        Assert.True(area.IsCurrentOn(new DateOnly(2099, 12, 31)));
    }
}
