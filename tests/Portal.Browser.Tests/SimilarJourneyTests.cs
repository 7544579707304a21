using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>A portal whose search index catches up every second.</summary>
public sealed class SimilarJourneySiteFixture : SetUpSiteFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Portal:Search:PollInterval"] = "00:00:01",
    };
}

/// <summary>
/// "Searched before?": a lead writing a question that a published summary already answers sees
/// that summary suggested on the form — as she types with JavaScript, with the check button
/// without it — and the form with its suggestions passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SimilarJourneyTests(BrowserFixture browser, SimilarJourneySiteFixture site) : IClassFixture<SimilarJourneySiteFixture>
{
    private const string Helen = "helen.armstrong@example.org";

    // Published to the public in the demo recipe: "What approaches to medication review and deprescribing in care homes reduce falls and hospital admissions among residents?"
    private const string DeprescribingTitle = "Medication review and deprescribing in care homes: effects on falls and admissions";

    // The same question as a lead might write it afresh.
    private const string Reworded = "Does reviewing and deprescribing the medicines of care home residents cut their falls and hospital admissions?";

    private const string CheckButton = "Check for summaries that may already answer this";

    [Fact]
    public async Task A_lead_typing_a_question_already_answered_sees_the_summary_suggested_as_she_types()
    {
        await WaitForIndexAsync();
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Helen, TestSite.DemoPassword);
        await page.GotoAsync("/requests/new");
        var results = page.Locator("#similar-summaries-results");
        await Assertions.Expect(results).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(results).ToBeEmptyAsync();

        // A few words are not enough to ask; the whole question is.
        var question = page.GetByLabel("What do you need evidence about?");
        await question.PressSequentiallyAsync("Does reviewing", new() { Delay = 20 });
        await page.WaitForTimeoutAsync(1_000);
        await Assertions.Expect(results).ToBeEmptyAsync();
        await question.PressSequentiallyAsync(Reworded["Does reviewing".Length..], new() { Delay = 20 });

        var suggestion = results.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(DeprescribingTitle)) });
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        await Assertions.Expect(suggestion).ToHaveAttributeAsync("target", "_blank");
        await Assertions.Expect(suggestion).ToContainTextAsync("(opens in a new tab)");
        StringAssert(await suggestion.GetAttributeAsync("href"), "/evidence/");
        await Assertions.Expect(results).ToContainTextAsync("If one of these answers your question, you may not need a new search.");
        await Assertions.Expect(question).ToHaveValueAsync(Reworded);
        await page.AssertNoViolationsAsync();

        // The button shows the same, from the server, and keeps what was typed.
        await page.GetByLabel("Geography (optional)").FillAsync("Care homes in the North East");
        await page.GetByRole(AriaRole.Button, new() { Name = CheckButton }).ClickAsync();
        await Assertions.Expect(page.Locator("#similar-summaries-results").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(DeprescribingTitle)) })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("What do you need evidence about?")).ToHaveValueAsync(Reworded);
        await Assertions.Expect(page.GetByLabel("Geography (optional)")).ToHaveValueAsync("Care homes in the North East");
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Without_javascript_the_check_button_shows_the_summary_and_keeps_the_form()
    {
        await WaitForIndexAsync();
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress, javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Helen, TestSite.DemoPassword);
        await page.GotoAsync("/requests/new");
        await page.GetByLabel("What do you need evidence about?").FillAsync(Reworded);
        await page.GetByLabel("Work stream").SelectOptionAsync(new SelectOptionValue { Label = "Frailty framework" });

        await page.GetByRole(AriaRole.Button, new() { Name = CheckButton }).ClickAsync();

        var results = page.Locator("#similar-summaries-results");
        await Assertions.Expect(results.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(DeprescribingTitle)) })).ToBeVisibleAsync();
        await Assertions.Expect(results).ToContainTextAsync("If one of these answers your question, you may not need a new search.");
        await Assertions.Expect(page.GetByLabel("What do you need evidence about?")).ToHaveValueAsync(Reworded);
        await Assertions.Expect(page.GetByLabel("Work stream")).ToHaveValueAsync((await FrailtyIdAsync()).ToString());
        Assert.EndsWith("/requests/new/similar#similar-summaries", page.Url, StringComparison.Ordinal);
    }

    private static void StringAssert(string? actual, string start) => Assert.StartsWith(start, actual ?? string.Empty, StringComparison.Ordinal);

    private async Task<Guid> FrailtyIdAsync() =>
        Guid.Parse((await site.Portal.ScalarAsync<string>("SELECT Id FROM WorkStreams WHERE Key = 'frailty-framework'"))!);

    /// <summary>The index is built by the background worker after start-up: wait until the reworded question finds the summary.</summary>
    private async Task WaitForIndexAsync()
    {
        using var client = site.Portal.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync($"/api/v1/search/similar?text={Uri.EscapeDataString(Reworded)}");
            if (response.StatusCode == HttpStatusCode.OK
                && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("title").GetString() == DeprescribingTitle))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The index did not find \"{DeprescribingTitle}\" within a minute (last answer {(int)response.StatusCode}).");
            await Task.Delay(250);
        }
    }
}
