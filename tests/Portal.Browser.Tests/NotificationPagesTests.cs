using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>The notifications list and the email settings in a real browser: reached from the header, and accessible.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationPagesTests(BrowserFixture browser, SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    [Fact]
    public async Task The_notification_pages_are_reached_from_the_header_and_have_no_accessibility_violations()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SignInAsync(TestSite.LibrarianEmail, TestSite.DemoPassword);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Link, new() { NameRegex = new("^Notifications") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Link, new() { Name = "Email and notification settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email and notification settings", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Group, new() { Name = "Requests that match your librarian profile" }).GetByLabel("In the weekly digest").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your email and notification settings have been saved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Requests that match your librarian profile" }).GetByLabel("In the weekly digest")).ToBeCheckedAsync();
        await page.AssertNoViolationsAsync();
    }
}
