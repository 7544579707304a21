using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>Signing in and out, failures and lockout, role-aware navigation, keyboard and no-JavaScript use.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInAndNavigationTests(BrowserFixture browser, SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    [Fact]
    public async Task The_administrator_signs_in_finds_site_settings_under_administration_and_signs_out()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.AssertNoViolationsAsync();
        await page.SignInAsAdministratorAsync();
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        await page.ClickMenuLinkAsync("Administration");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administration", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Site settings" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Site settings", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" })).ToContainTextAsync("Administration");
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveAttributeAsync("aria-current", "page");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_member_is_not_offered_site_settings_and_is_refused_them()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();

        await page.SignInAsync(TestSite.MemberEmail, TestSite.DemoPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Work streams" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);

        var response = await page.GotoAsync("/admin/site");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this page" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_failed_sign_in_explains_itself_and_five_lock_the_account()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();

        await page.SignInAsync("rhys.carrick@example.org", "this is not the password");
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a correct email address and password");
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync("rhys.carrick@example.org");
        await Assertions.Expect(page.GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        await page.AssertNoViolationsAsync();

        for (var attempt = 2; attempt <= 5; attempt++)
        {
            await page.SignInAsync("rhys.carrick@example.org", $"wrong password {attempt}");
        }

        await page.SignInAsync("rhys.carrick@example.org", TestSite.DemoPassword);
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("This account is locked");
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_for_the_keyboard_and_leads_to_the_content()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        Assert.EndsWith("#maincontent", page.Url, StringComparison.Ordinal);
        // Keyboard alone: type, tab to the button, press Enter.
        await page.GetByLabel("Email address").FocusAsync();
        await page.Keyboard.TypeAsync(TestSite.LibrarianEmail);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(TestSite.DemoPassword);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Signing_in_and_changing_the_theme_work_without_javascript()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress, javaScriptEnabled: false);
        var page = await context.NewPageAsync();

        await page.SignInAsAdministratorAsync();
        await page.GotoAsync("/admin/site");
        await page.GetByLabel("StemTheme (default)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save theme" }).ClickAsync();

        await Assertions.Expect(page.GetByText("The theme has been changed.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_not_found_page_passes_axe()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/no/such/page");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
    }
}
