using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>A newcomer's first visit: the setup page, its errors, and the site it creates.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SetupJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_newcomer_sets_up_the_site_from_the_north_east_recipe_and_signs_in()
    {
        await using var portal = await PortalSites.StartEmptySiteAsync();
        await using var context = await browser.NewContextAsync(portal.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        Assert.EndsWith("/setup", page.Url, StringComparison.Ordinal);
        await page.AssertNoViolationsAsync();

        // First with mistakes: the error summary lists them and links to each field.
        await page.GetByLabel("Administrator email address").FillAsync("not an email");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up the portal" }).ClickAsync();
        var summary = page.Locator(".nhsuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter a site name");
        await Assertions.Expect(summary).ToContainTextAsync("Enter an email address in the correct format");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await page.AssertNoViolationsAsync();
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter a site name" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Site name")).ToBeFocusedAsync();

        await page.GetByLabel("Site name").FillAsync("STEM Club North East");
        await page.GetByLabel("STEM Club — North East and North Cumbria").CheckAsync();
        await page.GetByLabel("Administrator email address").FillAsync("first.admin@example.org");
        await page.GetByLabel("Administrator password").FillAsync("first admin passphrase");
        await page.GetByLabel("Confirm password").FillAsync("first admin passphrase");
        // Setup runs the whole demo recipe (every demo password hashed, summaries rendered) before it
        // answers; on two busy cores that can take longer than a click's usual wait.
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up the portal" }).ClickAsync(new() { Timeout = 90_000 });

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The portal is set up" })).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("#demo-password")).ToHaveTextAsync(new Regex("^[A-Za-z0-9]{20}$"));
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        // The first administrator sets up two-factor sign-in before anything else.
        await page.SignInAsync("first.admin@example.org", "first admin passphrase");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up two-factor authentication" })).ToBeVisibleAsync();
        await page.EnrolInTwoFactorAsync("first.admin@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Work streams" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Frailty framework", Exact = true })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        TestPaths.DeleteQuietly(portal.DataPath);
    }
}
