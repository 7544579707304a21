using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>
/// Volunteer librarians at work: two race to claim the same request, the winner asks the
/// requester a question and gets an answer, and a coordinator hands the request to the other.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LibrarianJourneyTests(BrowserFixture browser, SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private const string Helen = "helen.armstrong@example.org";
    private const string Tomasz = "tomasz.nowak@example.org";
    private const string Aisha = "aisha.mahmood@example.org";
    private const string Question = "What is the evidence that multicomponent exercise programmes reduce falls in frail older people living at home?";

    private static readonly Dictionary<string, string> Names = new()
    {
        [Tomasz] = "Tomasz Nowak",
        [Aisha] = "Aisha Mahmood",
    };

    [Fact]
    public async Task Two_librarians_claim_at_once_one_wins_asks_the_requester_and_a_coordinator_reassigns_it()
    {
        var path = $"/requests/{Guid.Parse((await site.Portal.ScalarAsync<string>("SELECT Id FROM EvidenceRequests WHERE Question = $q", ("$q", Question)))!)}";
        await using var tomaszContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        await using var aishaContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        var pages = new Dictionary<string, IPage>
        {
            [Tomasz] = await tomaszContext.NewPageAsync(),
            [Aisha] = await aishaContext.NewPageAsync(),
        };
        foreach (var (email, page) in pages)
        {
            await page.SignInAsync(email, TestSite.DemoPassword);
            await page.GotoAsync(path);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Take this request on" })).ToBeVisibleAsync();
        }

        await pages[Tomasz].AssertNoViolationsAsync();

        // Both press the button before either page has come back.
        await Task.WhenAll(pages.Values.Select(p => p.GetByRole(AriaRole.Button, new() { Name = "Claim this request" }).ClickAsync()));
        foreach (var page in pages.Values)
        {
            await Assertions.Expect(page.Locator("#claim-notice")).ToBeVisibleAsync();
        }

        var winner = await pages[Tomasz].Locator("#claim-notice-title").TextContentAsync() == "Success" ? Tomasz : Aisha;
        var loser = winner == Tomasz ? Aisha : Tomasz;
        await Assertions.Expect(pages[winner].Locator("#claim-notice-title")).ToHaveTextAsync("Success");
        await Assertions.Expect(pages[loser].Locator("#claim-notice-title")).ToHaveTextAsync("Important");
        await Assertions.Expect(pages[loser].Locator("#claim-notice")).ToContainTextAsync($"{Names[winner]} claimed this request");
        await Assertions.Expect(pages[loser].GetByRole(AriaRole.Button, new() { Name = "Claim this request" })).ToHaveCountAsync(0);
        await pages[loser].AssertNoViolationsAsync();
        await pages[winner].AssertNoViolationsAsync();

        // The winner asks the requester a question; the request waits for her.
        var librarian = pages[winner];
        await librarian.GetByText("Ask the requester a question").ClickAsync();
        await librarian.GetByLabel("Your question for the requester").FillAsync("Should the search include care home residents, or only people living in their own homes?");
        await librarian.GetByRole(AriaRole.Button, new() { Name = "Send question" }).ClickAsync();
        await Assertions.Expect(librarian.Locator(".nhsuk-tag").First).ToHaveTextAsync("Awaiting requester");
        await Assertions.Expect(librarian.Locator("#conversation")).ToContainTextAsync("Should the search include care home residents");
        await librarian.AssertNoViolationsAsync();

        await using var helenContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        var helen = await helenContext.NewPageAsync();
        await helen.SignInAsync(Helen, TestSite.DemoPassword);
        await helen.GotoAsync(path);
        await Assertions.Expect(helen.GetByRole(AriaRole.Heading, new() { Name = "A question for you" })).ToBeVisibleAsync();
        await Assertions.Expect(helen.Locator("#open-question")).ToContainTextAsync("care home residents");
        await helen.AssertNoViolationsAsync();
        await helen.GetByLabel("Your answer").FillAsync("Only people living in their own homes, please: care homes have their own programme.");
        await helen.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await Assertions.Expect(helen.Locator(".nhsuk-tag").First).ToHaveTextAsync("Claimed");
        await Assertions.Expect(helen.Locator("#conversation")).ToContainTextAsync("care homes have their own programme");

        await librarian.ReloadAsync();
        await Assertions.Expect(librarian.Locator(".nhsuk-tag").First).ToHaveTextAsync("Claimed");
        await Assertions.Expect(librarian.Locator("#conversation")).ToContainTextAsync("care homes have their own programme");

        // A coordinator gives the request to the librarian who lost the race.
        await using var coordinatorContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        var coordinator = await coordinatorContext.NewPageAsync();
        await coordinator.SignInWithTwoFactorAsync(TestSite.CoordinatorEmail, TestSite.DemoPassword);
        await coordinator.GotoAsync(path);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Reassign to another librarian" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Reassign"));
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByLabel(Names[loser]).CheckAsync();
        await coordinator.GetByLabel("Why are you reassigning it?").FillAsync($"{Names[winner]} is away next week and the board meets then.");
        await coordinator.Locator("form[action$='/assign'] button[type=submit]").ClickAsync();

        await Assertions.Expect(coordinator).ToHaveURLAsync(new Regex($"{Regex.Escape(path)}$"));
        var timeline = coordinator.Locator(".app-timeline__item");
        await Assertions.Expect(timeline.Last).ToContainTextAsync(Names[loser]);
        await Assertions.Expect(timeline.Last).ToContainTextAsync("is away next week");
        await coordinator.AssertNoViolationsAsync();

        await pages[loser].ReloadAsync();
        await Assertions.Expect(pages[loser].GetByRole(AriaRole.Heading, new() { Name = "Your search" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_librarian_and_coordinator_pages_have_no_accessibility_violations()
    {
        await using var librarianContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        var librarian = await librarianContext.NewPageAsync();
        await librarian.SignInAsync(TestSite.LibrarianEmail, TestSite.DemoPassword);
        foreach (var (path, heading) in new[] { ("/librarians/me", "Your librarian profile"), ("/librarians/me/matches", "Requests for me") })
        {
            await librarian.GotoAsync(path);
            await Assertions.Expect(librarian.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await librarian.AssertNoViolationsAsync();
        }

        // A profile saved with a mistake shows the error summary, which must pass too.
        await librarian.GotoAsync("/librarians/me");
        await librarian.Locator("#Capacity").FillAsync("-1");
        await librarian.Locator("form[action='/librarians/me'] button[type=submit]").ClickAsync();
        await Assertions.Expect(librarian.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await librarian.AssertNoViolationsAsync();

        await using var coordinatorContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        var coordinator = await coordinatorContext.NewPageAsync();
        await coordinator.SignInWithTwoFactorAsync(TestSite.CoordinatorEmail, TestSite.DemoPassword);
        foreach (var path in new[] { "/coordination", "/coordination/librarians", "/coordination/activity" })
        {
            await coordinator.GotoAsync(path);
            await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await coordinator.AssertNoViolationsAsync();
        }
    }
}
