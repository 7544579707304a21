using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>A demo site whose search index the worker builds (and keeps in step) every second.</summary>
public sealed class SearchJourneySiteFixture : SetUpSiteFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Portal:Search:PollInterval"] = "00:00:01",
    };
}

/// <summary>
/// A member searches from the header box, narrows by a facet and opens a hit with the words marked;
/// no results and too many words are explained; all by keyboard, with axe on each page, and again
/// with JavaScript off.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchJourneyTests(BrowserFixture browser, SearchJourneySiteFixture site) : IClassFixture<SearchJourneySiteFixture>
{
    private const string Member = TestSite.MemberEmail;

    // Published to the public in the demo recipe.
    private const string DeprescribingTitle = "Medication review and deprescribing in care homes: effects on falls and admissions";

    [Fact]
    public async Task A_member_searches_narrows_by_type_and_opens_a_hit_with_the_words_marked()
    {
        await WaitForIndexAsync();
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Member, TestSite.DemoPassword);
        await page.GotoAsync("/");

        // The header's search box, by keyboard.
        await TabToAsync(page, page.GetByRole(AriaRole.Searchbox, new() { Name = "Search STEM Club Test" }));
        await page.Keyboard.TypeAsync("frailty falls prevention");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=frailty\+falls\+prevention$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Search", Level = 1 })).ToBeVisibleAsync();
        var results = page.GetByRole(AriaRole.Region, new() { Name = "frailty falls prevention" });
        await Assertions.Expect(results.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(new Regex("^1 result for ‘frailty falls prevention’$"));
        await Assertions.Expect(results.GetByRole(AriaRole.Link, new() { Name = "Frailty framework" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Search summaries, work streams and requests")).ToHaveValueAsync("frailty falls prevention");
        await page.AssertNoViolationsAsync();

        // Wider words on the page's own form: a summary and a work stream.
        await page.GetByLabel("Search summaries, work streams and requests").FillAsync("falls care homes");
        await page.GetByLabel("Search summaries, work streams and requests").PressAsync("Enter");
        results = page.GetByRole(AriaRole.Region, new() { Name = "falls care homes" });
        await Assertions.Expect(results.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(new Regex(@"^\d+ results for ‘falls care homes’$"));
        await Assertions.Expect(results.Locator("mark").Filter(new() { HasTextRegex = new Regex("^falls$", RegexOptions.IgnoreCase) }).First).ToBeVisibleAsync();
        await Assertions.Expect(results.Locator("h3 a mark").Filter(new() { HasTextRegex = new Regex("^care( homes?)?$", RegexOptions.IgnoreCase) }).First).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        // Narrow by type: the chosen value is shown, with a way to remove it.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Search summaries \(1 result ?\)$") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=falls%20care%20homes&type=summary$"));
        results = page.GetByRole(AriaRole.Region, new() { Name = "falls care homes" });
        await Assertions.Expect(results.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("1 result for ‘falls care homes’");
        await Assertions.Expect(page.GetByText("Type: Search summaries")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Remove type Search summaries" })).ToBeVisibleAsync();
        await Assertions.Expect(results.GetByRole(AriaRole.Link, new() { Name = "Frailty framework" })).ToHaveCountAsync(0);
        var hit = results.GetByRole(AriaRole.Link, new() { Name = DeprescribingTitle });
        await Assertions.Expect(hit.Locator("mark").First).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        // Open the hit, by keyboard.
        await TabToAsync(page, hit);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/evidence/[a-z0-9-]+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = DeprescribingTitle, Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task No_results_and_too_many_words_are_explained_and_the_error_is_reached_by_keyboard()
    {
        await WaitForIndexAsync();
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Member, TestSite.DemoPassword);

        await page.GotoAsync("/search?q=zebra+quokka");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "0 results for ‘zebra quokka’" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No results match your search.")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Search summaries, work streams and requests").FillAsync(string.Join(' ', Enumerable.Repeat("falls", 100)));
        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator("#maincontent").GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync(),
            r => r.Url.Contains("/search?", StringComparison.Ordinal));
        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        var errors = page.Locator(".nhsuk-error-summary");
        await Assertions.Expect(errors).ToContainTextAsync("Search words must be 500 characters or fewer");
        await Assertions.Expect(page.Locator("#q-error")).ToContainTextAsync("Search words must be 500 characters or fewer");
        await Assertions.Expect(page.GetByRole(AriaRole.Region)).ToHaveCountAsync(0);
        await page.AssertNoViolationsAsync();

        // The error summary has focus; its link takes the keyboard to the field.
        await Assertions.Expect(errors).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(errors.GetByRole(AriaRole.Link)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("Search summaries, work streams and requests")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Search_works_with_javascript_off()
    {
        await WaitForIndexAsync();
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress, javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/evidence");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search STEM Club Test" }).FillAsync("falls");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=falls$"));
        var results = page.GetByRole(AriaRole.Region, new() { Name = "falls" });
        await Assertions.Expect(results.GetByRole(AriaRole.Link, new() { Name = DeprescribingTitle })).ToBeVisibleAsync();
        // A visitor finds public summaries only.
        await Assertions.Expect(results.GetByRole(AriaRole.Link, new() { Name = "Frailty framework" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Sort by newest first" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Sorted by newest first.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Falls prevention \(\d+ results? ?\)$") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"topic=Falls%20prevention&sort=newest$"));
        await Assertions.Expect(page.GetByText("Topic: Falls prevention")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Remove topic Falls prevention" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=falls&sort=newest$"));
        await page.GetByRole(AriaRole.Link, new() { Name = DeprescribingTitle }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = DeprescribingTitle, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Presses Tab until <paramref name="target"/> has focus, as someone using a keyboard would.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {target}.");
    }

    /// <summary>The worker builds the index after start-up: wait (with a deadline) until the public summary is found.</summary>
    private async Task WaitForIndexAsync()
    {
        using var client = site.Portal.CreateClient();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(120);
        while (true)
        {
            using var response = await client.GetAsync("/api/v1/search?q=deprescribing");
            if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32() > 0)
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"The index was not built in time: {(int)response.StatusCode}.");
            await Task.Delay(500);
        }
    }
}
