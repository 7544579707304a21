namespace Portal.Web.Features.Site;

/// <summary>
/// Sets the site up at start-up from configuration (Portal:Setup:*) when it is not set up yet:
/// for demos, containers and tests. Bad settings stop the start with the reasons.
/// </summary>
public static class ConfiguredSetup
{
    public static async Task RunConfiguredSetupAsync(this WebApplication app)
    {
        var section = app.Configuration.GetSection("Portal:Setup");
        var request = new SetupRequest
        {
            SiteName = section["SiteName"],
            Recipe = section["Recipe"],
            AdminEmail = section["AdminEmail"],
            AdminPassword = section["AdminPassword"],
        };
        if (request.Recipe is null && request.AdminEmail is null)
        {
            return;
        }

        request.SiteName ??= "STEM Portal";
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<SiteSetup>().RunAsync(request);
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConfiguredSetup));
        if (result.Succeeded)
        {
            logger.LogInformation("Site set up from configuration with recipe {Recipe}", request.Recipe);
            if (result.ShownDemoPassword is not null)
            {
                logger.LogWarning("The demo users' password was generated and written to {File} in the data folder", SiteSetup.DemoPasswordFileName);
            }
        }
        else if (!result.WasAlreadySetUp)
        {
            throw new InvalidOperationException(
                "Setup from configuration (Portal:Setup) failed: " + string.Join(" ", result.Errors.Select(e => $"{e.Field}: {e.Message}.")));
        }
    }
}
