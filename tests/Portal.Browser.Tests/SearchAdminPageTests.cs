using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>The search administration pages: reached from Administration, accessible, and usable without JavaScript.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchAdminPageTests(BrowserFixture browser, SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    [Fact]
    public async Task An_administrator_finds_search_under_administration_asks_for_a_rebuild_and_mends_a_synonym_rule()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SignInAsAdministratorAsync();

        await page.OpenAdministrationPageAsync("Search");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Search", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rebuild the index" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter why the index should be rebuilt");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Why rebuild?").FillAsync("Restored last night's backup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rebuild the index" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-inset-text[role=status]")).ToContainTextAsync("The rebuild has been asked for");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change the health synonyms" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Health synonyms", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Synonym rules").FillAsync("kidney, renal\nalone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save synonyms" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Line 2:");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Synonym rules").FillAsync("kidney, renal\nalone, by oneself");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save synonyms" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-inset-text[role=status]")).ToContainTextAsync("The synonyms have been saved");
        await Assertions.Expect(page.GetByLabel("Synonym rules")).ToHaveValueAsync("kidney, renal\nalone, by oneself");
    }

    [Fact]
    public async Task Without_javascript_the_rebuild_form_works()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress, javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await page.SignInAsAdministratorAsync();

        await page.GotoAsync("/admin/search");
        await page.GetByLabel("Why rebuild?").FillAsync("Results look out of date");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rebuild the index" }).ClickAsync();

        await Assertions.Expect(page.Locator(".nhsuk-inset-text[role=status]")).ToContainTextAsync("The rebuild has been asked for");
    }
}
