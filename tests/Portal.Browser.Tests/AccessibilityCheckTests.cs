using Microsoft.Playwright;
using Xunit.Sdk;

namespace Portal.Browser.Tests;

/// <summary>The axe check itself: it must fail on a page that breaks WCAG, or every page "passing" means nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityCheckTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_axe_check_fails_on_an_image_without_alternative_text_and_an_unlabelled_field()
    {
        await using var context = await browser.NewContextAsync(new Uri("http://127.0.0.1/"));
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head><body><main><h1>Broken</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><input type=\"text\"></main></body></html>");

        var failure = await Assert.ThrowsAsync<TrueException>(page.AssertNoViolationsAsync);

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
    }
}
