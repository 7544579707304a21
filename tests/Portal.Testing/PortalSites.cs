namespace Portal.Testing;

/// <summary>
/// Setup is slow (migrations, recipe, password hashing), so it runs once per test run: the set-up
/// data folder is kept as a template and every test class starts a portal on its own copy.
/// </summary>
public static class PortalSites
{
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    public static IReadOnlyDictionary<string, string> SetupSettings { get; } = new Dictionary<string, string>
    {
        ["Portal:Setup:SiteName"] = TestSite.SiteName,
        ["Portal:Setup:Recipe"] = TestSite.Recipe,
        ["Portal:Setup:AdminEmail"] = TestSite.AdminEmail,
        ["Portal:Setup:AdminPassword"] = TestSite.AdminPassword,
        ["Portal:Setup:DemoPassword"] = TestSite.DemoPassword,
        ["Portal:Setup:AdminApiToken"] = TestSite.AdminApiToken,
    };

    /// <summary>A portal on a fresh copy of the set-up site.</summary>
    public static async Task<PortalProcess> StartSetUpSiteAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var template = await Template.Value;
        var dataPath = TestPaths.NewTempFolder("site");
        TestPaths.CopyFolder(template, dataPath);
        return await PortalProcess.StartAsync(dataPath, settings);
    }

    /// <summary>A portal on an empty data folder: it shows the setup page.</summary>
    public static Task<PortalProcess> StartEmptySiteAsync(IReadOnlyDictionary<string, string>? settings = null) =>
        PortalProcess.StartAsync(TestPaths.NewTempFolder("empty"), settings);

    private static async Task<string> CreateTemplateAsync()
    {
        var dataPath = TestPaths.NewTempFolder("template");
        await using var portal = await PortalProcess.StartAsync(dataPath, SetupSettings);
        await portal.StopAsync();
        return dataPath;
    }
}
