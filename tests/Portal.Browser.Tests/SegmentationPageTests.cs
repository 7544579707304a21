using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>The segmentation pages in a real browser: charts with their tables, and the upload form, meet WCAG 2.2 AA.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SegmentationPageTests(BrowserFixture browser, SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    [Fact]
    public async Task The_output_page_shows_each_chart_with_its_table_and_passes_the_accessibility_check()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SignInAsync(TestSite.MemberEmail, TestSite.DemoPassword);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Segmentation" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("synthetic demonstration") }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Population segmentation");
        foreach (var chart in new[] { "Cost concentration: people ranked by cost", "Cost concentration: people ranked by risk score",
            "Share of population and share of cost by segment", "Cost per head by setting", "Multimorbidity by age band and deprivation" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = chart })).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download these figures (CSV)" })).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByText("Frailty framework", new() { Exact = true })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_upload_form_explains_what_is_missing_and_passes_the_accessibility_check()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SignInAsync("daniel.okafor@example.org", TestSite.DemoPassword);

        await page.GotoAsync("/segmentation/upload");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and publish" }).ClickAsync();

        var summary = page.Locator(".nhsuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter a title");
        await Assertions.Expect(summary).ToContainTextAsync("Choose a file to upload");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await page.AssertNoViolationsAsync();
    }
}
