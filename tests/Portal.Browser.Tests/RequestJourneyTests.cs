using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>A work stream lead asks for evidence: the form, the short-deadline warning, the request page and the dashboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RequestJourneyTests(BrowserFixture browser, SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private const string Helen = "helen.armstrong@example.org";

    private static async Task FillRequestAsync(IPage page, string question, int deadlineInDays)
    {
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(deadlineInDays);
        await page.GetByLabel("Work stream").SelectOptionAsync(new SelectOptionValue { Label = "Frailty framework" });
        await page.GetByLabel("What do you need evidence about?").FillAsync(question);
        await page.GetByLabel("PICO", new() { Exact = true }).CheckAsync();
        await page.Locator("#Pico_Population").FillAsync("Adults over 75 living at home with moderate frailty");
        await page.Locator("#Pico_Intervention").FillAsync("Group strength and balance classes");
        await page.Locator("#Pico_Outcomes").FillAsync("Falls, fractures and admissions");
        await page.GetByLabel("Reading list").CheckAsync();
        await page.Locator("#Deadline").FillAsync(deadline.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Deadline-month").FillAsync(deadline.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Deadline-year").FillAsync(deadline.Year.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_lead_drafts_a_PICO_question_is_warned_about_a_short_deadline_submits_and_sees_it_on_the_dashboard()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();
        const string question = "Do group strength and balance classes reduce falls in people over 75 living at home?";

        await page.SignInAsync(Helen, TestSite.DemoPassword);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "My requests" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My requests", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Request evidence" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Request evidence", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        await FillRequestAsync(page, question, deadlineInDays: 3);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();

        var summary = page.Locator(".nhsuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("A reading list usually takes at least 7 days");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Assertions.Expect(page.GetByLabel("What do you need evidence about?")).ToHaveValueAsync(question);
        await page.AssertNoViolationsAsync();
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Reason for a short deadline")).ToBeFocusedAsync();
        await page.GetByLabel("Reason for a short deadline").FillAsync("The programme board meets on Friday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Evidence request", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".nhsuk-tag").First).ToHaveTextAsync("Draft");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit request" }).ClickAsync();

        await Assertions.Expect(page.Locator(".nhsuk-tag").First).ToHaveTextAsync("Submitted");
        var timeline = page.Locator(".app-timeline__item");
        await Assertions.Expect(timeline).ToHaveCountAsync(2);
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("Saved as a draft");
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("Helen Armstrong");
        await Assertions.Expect(timeline.Nth(1)).ToContainTextAsync("Submitted the request");
        await Assertions.Expect(page.GetByText("The programme board meets on Friday.")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the request" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit your request" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        await page.GotoAsync("/requests/mine");
        await Assertions.Expect(page.Locator("#state-Submitted")).ToContainTextAsync("Submitted");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = question })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_work_stream_pages_pass_axe()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Helen, TestSite.DemoPassword);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Work streams" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Status").SelectOptionAsync("Active");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter work streams" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("Status=Active"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Frailty framework" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Published summaries" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit this work stream" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/workstreams/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create work stream" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a title");
        await page.AssertNoViolationsAsync();

        // A request in every state the recipe made, as the lead sees it.
        await page.GotoAsync("/requests/mine");
        await page.GetByRole(AriaRole.Link, new() { Name = "How accurate is the electronic Frailty Index" }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("Overdue").First).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_request_form_works_without_javascript()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress, javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        const string question = "Does home-based exercise after a hip fracture restore walking ability?";

        await page.SignInAsync(Helen, TestSite.DemoPassword);
        await page.GotoAsync("/requests/new");
        await FillRequestAsync(page, question, deadlineInDays: 30);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit request" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Evidence request", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(question).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".nhsuk-tag").First).ToHaveTextAsync("Submitted");
        await page.GotoAsync("/workstreams?topic=maternal-choice");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Maternal choice in perinatal care" })).ToBeVisibleAsync();
    }
}
