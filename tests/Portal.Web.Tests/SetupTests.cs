using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>The first-run setup page, its bad input, and that it never runs twice.</summary>
public sealed class SetupTests
{
    private static Dictionary<string, string> ValidSetup(string recipe = "stem-club-north-east") => new()
    {
        ["SiteName"] = "STEM Club North East",
        ["Recipe"] = recipe,
        ["AdminEmail"] = "lead.admin@example.org",
        ["AdminPassword"] = "a long enough passphrase",
        ["ConfirmPassword"] = "a long enough passphrase",
    };

    [Fact]
    public async Task An_empty_site_sends_every_page_to_setup()
    {
        await using var portal = await PortalSites.StartEmptySiteAsync();
        using var client = portal.CreateClient();

        using var home = await client.GetAsync("/");
        using var admin = await client.GetAsync("/admin/site");
        using var setup = await client.GetAsync("/setup");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/setup", home.Headers.Location?.OriginalString);
        Assert.Equal("/setup", admin.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var html = await setup.Content.ReadAsStringAsync();
        Assert.Contains("Set up the portal", html, StringComparison.Ordinal);
        Assert.Contains("value=\"stem-club-north-east\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"blank\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_with_bad_input_names_every_problem_and_sets_nothing_up()
    {
        await using var portal = await PortalSites.StartEmptySiteAsync();
        using var client = portal.CreateClient();

        using var response = await client.PostFormAsync("/setup", new Dictionary<string, string>
        {
            ["SiteName"] = "  ",
            ["Recipe"] = "no-such-recipe",
            ["AdminEmail"] = "not-an-email",
            ["AdminPassword"] = "short",
            ["ConfirmPassword"] = "different",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("Enter a site name", html, StringComparison.Ordinal);
        Assert.Contains("There is no recipe called &#x27;no-such-recipe&#x27;", html, StringComparison.Ordinal);
        Assert.Contains("Enter an email address in the correct format", html, StringComparison.Ordinal);
        Assert.Contains("Password must be 12 characters or more", html, StringComparison.Ordinal);
        Assert.Contains("The passwords do not match", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"short\"", html, StringComparison.Ordinal);
        using var stillEmpty = await client.GetAsync("/");
        Assert.Equal("/setup", stillEmpty.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_password_over_128_characters_is_refused()
    {
        await using var portal = await PortalSites.StartEmptySiteAsync();
        using var client = portal.CreateClient();
        var setup = ValidSetup("blank");
        setup["AdminPassword"] = setup["ConfirmPassword"] = new string('p', 129);

        using var response = await client.PostFormAsync("/setup", setup);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("128 characters or fewer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_without_an_antiforgery_token_is_refused()
    {
        await using var portal = await PortalSites.StartEmptySiteAsync();
        using var client = portal.CreateClient();

        using var response = await client.PostAsync("/setup", new FormUrlEncodedContent(ValidSetup()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var stillEmpty = await client.GetAsync("/");
        Assert.Equal("/setup", stillEmpty.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Setup_shows_the_generated_demo_password_once_keeps_it_owner_only_and_is_refused_the_second_time()
    {
        await using var portal = await PortalSites.StartEmptySiteAsync();
        using var client = portal.CreateClient();

        using var done = await client.PostFormAsync("/setup", ValidSetup());
        var html = await done.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("The portal is set up", html, StringComparison.Ordinal);
        var file = Path.Combine(portal.DataPath, "demo-password.txt");
        var password = (await File.ReadAllTextAsync(file)).Trim();
        Assert.Equal(20, password.Length);
        Assert.Contains($"id=\"demo-password\">{password}<", html, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.DoesNotContain(password, portal.Output, StringComparison.Ordinal);

        using var again = await client.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var second = ValidSetup("blank");
        second["SiteName"] = "Someone else's site";
        using var secondPost = await client.PostFormAsync("/account/sign-in", "/setup", second);
        Assert.Equal(HttpStatusCode.Conflict, secondPost.StatusCode);

        using var demoUser = portal.CreateClient();
        using var signIn = await demoUser.SignInAsync(TestSite.LibrarianEmail, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var home = await demoUser.GetAsync("/");
        var homeHtml = await home.Content.ReadAsStringAsync();
        Assert.Contains("STEM Club North East", homeHtml, StringComparison.Ordinal);
        Assert.Contains("Frailty framework", homeHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_recipe_is_reported_by_name_and_step_and_leaves_the_site_empty()
    {
        var recipes = TestPaths.NewTempFolder("recipes");
        File.Copy(Path.Combine(TestPaths.RecipesFolder, "blank.recipe.json"), Path.Combine(recipes, "blank.recipe.json"));
        await File.WriteAllTextAsync(Path.Combine(recipes, "not-json.recipe.json"), "{ \"name\": \"not-json\", \"steps\": [ ");
        await File.WriteAllTextAsync(Path.Combine(recipes, "odd-step.recipe.json"), """
            { "name": "odd-step", "issetuprecipe": true, "steps": [
              { "name": "Topics", "topics": [ { "key": "frailty", "name": "Frailty", "parent": null } ] },
              { "name": "Teleport", "to": "Mars" } ] }
            """);
        await File.WriteAllTextAsync(Path.Combine(recipes, "bad-parent.recipe.json"), """
            { "name": "bad-parent", "issetuprecipe": true, "steps": [
              { "name": "Topics", "topics": [ { "key": "frailty", "name": "Frailty", "parent": null } ] },
              { "name": "Topics", "topics": [ { "key": "falls", "name": "Falls", "parent": "nowhere" } ] } ] }
            """);
        await using var portal = await PortalSites.StartEmptySiteAsync(new Dictionary<string, string> { ["Portal:Recipes:Path"] = recipes });
        using var client = portal.CreateClient();

        foreach (var (recipe, expected) in new[]
                 {
                     ("not-json", "Recipe &#x27;not-json&#x27; is not valid JSON"),
                     ("odd-step", "Step 2 (Teleport) of recipe &#x27;odd-step&#x27; is unknown"),
                     ("bad-parent", "Step 2 (Topics) of recipe &#x27;bad-parent&#x27; failed: Topic falls names parent nowhere"),
                 })
        {
            using var response = await client.PostFormAsync("/setup", ValidSetup(recipe));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }

        // Nothing was half-written: the site is still empty and a good recipe still sets it up.
        using var good = await client.PostFormAsync("/setup", ValidSetup("blank"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.False(File.Exists(Path.Combine(portal.DataPath, "demo-password.txt")));
        TestPaths.DeleteQuietly(recipes);
    }

    [Fact]
    public async Task Setup_from_configuration_with_an_unknown_recipe_stops_the_start_with_the_reason()
    {
        var settings = new Dictionary<string, string>(PortalSites.SetupSettings) { ["Portal:Setup:Recipe"] = "missing-recipe" };
        await using var portal = await PortalProcess.StartAsync(TestPaths.NewTempFolder("bad-config"), settings, waitUntilReady: false);

        var exitCode = await portal.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("There is no recipe called 'missing-recipe'", portal.Output, StringComparison.Ordinal);
    }
}
