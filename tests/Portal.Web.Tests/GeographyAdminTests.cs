using System.Globalization;
using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>The geography tree pages: add and change areas; the areas' own rules refuse bad changes.</summary>
public sealed class GeographyAdminTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private PortalProcess Portal => site.Portal;

    private async Task<string> IdOfAsync(string code) =>
        (await Portal.ScalarAsync<long>("SELECT Id FROM GeoAreas WHERE Code = $c", ("$c", code))).ToString(CultureInfo.InvariantCulture);

    private async Task<Dictionary<string, string>> AreaAsync(string code, string level = "Place", string parent = "E54000050") => new()
    {
        ["Code"] = code,
        ["Name"] = "Testshire",
        ["Level"] = level,
        ["ParentId"] = await IdOfAsync(parent),
        ["OdsCode"] = "",
        ["ValidFrom"] = "2009-04-01",
        ["ValidTo"] = "",
    };

    private Task<long> AreasAsync() => Portal.ScalarAsync<long>("SELECT COUNT(*) FROM GeoAreas");

    [Fact]
    public async Task A_coordinator_adds_a_place_under_a_system_and_sees_it_in_the_tree()
    {
        using var coordinator = Portal.CreateClient();
        await coordinator.SignInAsCoordinatorAsync();

        using var saved = await coordinator.PostFormAsync("/admin/geography/new", await AreaAsync("E06000999"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var tree = await coordinator.GetStringAsync("/admin/geography");
        Assert.Contains("Testshire (E06000999) has been saved.", tree, StringComparison.Ordinal);
        Assert.Contains("Place, E06000999, from 1 Apr 2009", tree, StringComparison.Ordinal);
        Assert.Equal(await IdOfAsync("E54000050"), (await Portal.ScalarAsync<long>("SELECT ParentId FROM GeoAreas WHERE Code = 'E06000999'")).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_parent_of_the_wrong_level_is_refused_with_the_reason_and_nothing_is_saved()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        var before = await AreasAsync();

        using var response = await admin.PostFormAsync("/admin/geography/new", await AreaAsync("E99000001", level: "Region", parent: "E08000037"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("<a href=\"#ParentId\">Area E99000001 (Region) cannot sit under E08000037 (Place): a parent must be a wider level.</a>", html, StringComparison.Ordinal);
        Assert.Equal(before, await AreasAsync());
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused_and_nothing_is_changed()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        var id = await IdOfAsync("E06000005");
        var form = await AreaAsync("ignored");
        form["Name"] = "Darlington renamed";
        form["ValidFrom"] = "2024-01-01";
        form["ValidTo"] = "2023-01-01";

        using var response = await admin.PostFormAsync($"/admin/geography/{id}", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("<a href=\"#ValidTo\">Area E06000005 ends (2023-01-01) before it starts (2024-01-01).</a>", html, StringComparison.Ordinal);
        Assert.Equal("Darlington", await Portal.ScalarAsync<string>("SELECT Name FROM GeoAreas WHERE Code = 'E06000005'"));
    }

    [Fact]
    public async Task A_duplicate_code_is_refused()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        var before = await AreasAsync();

        using var response = await admin.PostFormAsync("/admin/geography/new", await AreaAsync("e54000050", level: "System", parent: "E40000012"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Enter a different code: NHS North East and North Cumbria ICB already uses e54000050", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await AreasAsync());
    }

    [Fact]
    public async Task Missing_and_malformed_fields_are_named()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();

        using var response = await admin.PostFormAsync("/admin/geography/new", new Dictionary<string, string>
        {
            ["Level"] = "Galaxy", ["ParentId"] = "987654", ["ValidFrom"] = "2022-13-45", ["ValidTo"] = "soon",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("<a href=\"#Code\">Enter the area&#x27;s ONS code</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Name\">Enter the area&#x27;s name</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Level\">Choose the area&#x27;s level</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#ParentId\">Choose a parent from the list</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#ValidFrom\">The start date must be a real date, like 2022-07-01</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#ValidTo\">The end date must be a real date, like 2022-06-30</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_area_is_renamed_and_cannot_become_narrower_than_the_areas_under_it()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        var id = await IdOfAsync("E54000050");
        var form = await AreaAsync("ignored", level: "System", parent: "E40000012");
        form["Name"] = "NHS North East and North Cumbria";
        form["OdsCode"] = "QHM";
        form["ValidFrom"] = "2022-07-01";

        using var narrower = await admin.PostFormAsync($"/admin/geography/{id}", new Dictionary<string, string>(form) { ["Level"] = "Neighbourhood" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, narrower.StatusCode);
        Assert.Contains("Choose a wider level than Place", await narrower.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var renamed = await admin.PostFormAsync($"/admin/geography/{id}", form);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("NHS North East and North Cumbria", await Portal.ScalarAsync<string>("SELECT Name FROM GeoAreas WHERE Code = 'E54000050'"));
        using var missing = await admin.GetAsync("/admin/geography/987654");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
