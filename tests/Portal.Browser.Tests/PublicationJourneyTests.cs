using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>
/// A delivered summary shared and measured: the requester agrees to share it with members, the
/// author publishes it to members, a member from another work stream reads it at its stable address
/// while an anonymous visitor cannot, the requester answers the impact form and the coordinator's
/// report counts the answer and writes a case study up from another. Every new page is checked with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicationJourneyTests(BrowserFixture browser, SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private const string Helen = "helen.armstrong@example.org";
    private const string Tomasz = "tomasz.nowak@example.org";
    private const string Rhys = "rhys.carrick@example.org";
    private const string Fiona = "fiona.laidlaw@example.org";
    private const string Priya = "priya.raman@example.org";

    // Delivered in the demo recipe with no impact answer yet; its requester had agreed to the public.
    private const string DeprescribingQuestion = "What approaches to medication review and deprescribing in care homes reduce falls and hospital admissions among residents?";
    private const string DeprescribingTitle = "Medication review and deprescribing in care homes: effects on falls and admissions";

    // Delivered and published to members, with the requester's agreement to the public.
    private const string PeerSupportQuestion = "Does peer support work in community mental health teams improve engagement and reduce readmission for adults with severe mental illness?";
    private const string PeerSupportTitle = "Peer support workers in community mental health teams: engagement and readmission";

    private const string Comment = "We changed the care home medicines review template because of the summary.";
    private const string CaseStudyQuote = "The briefing shaped the LMNS equity and equality action plan";

    [Fact]
    public async Task The_requester_shares_the_author_publishes_to_members_a_member_reads_it_and_the_impact_answer_is_counted()
    {
        var requestId = await RequestIdAsync(DeprescribingQuestion);
        var summaryId = await SummaryIdAsync(DeprescribingQuestion);

        // The requester narrows her agreement from the public to members on the request page.
        await using var helenContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        var helen = await helenContext.NewPageAsync();
        await helen.SignInAsync(Helen, TestSite.DemoPassword);
        await helen.GotoAsync($"/requests/{requestId}");
        var consent = helen.Locator("#sharing");
        await Assertions.Expect(consent.GetByRole(AriaRole.Heading, new() { Name = "Sharing the summary" })).ToBeVisibleAsync();
        await Assertions.Expect(helen.Locator("#sharing-consent")).ToHaveTextAsync("You agreed that the summary may be shared with the public.");
        await helen.AssertNoViolationsAsync();
        await consent.GetByLabel("Share with members").CheckAsync();
        await consent.GetByRole(AriaRole.Button, new() { Name = "Save who may read it" }).ClickAsync();
        await Assertions.Expect(helen.Locator("#sharing-consent")).ToHaveTextAsync("You agreed that the summary may be shared with members.");
        await Assertions.Expect(helen.Locator("#sharing").GetByLabel("Share with members")).ToBeCheckedAsync();
        await helen.AssertNoViolationsAsync();

        // The author publishes to members, the farthest the requester now allows.
        await using var tomaszContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        var tomasz = await tomaszContext.NewPageAsync();
        await tomasz.SignInAsync(Tomasz, TestSite.DemoPassword);
        await tomasz.GotoAsync($"/summaries/{summaryId}");
        var sharing = tomasz.Locator("#sharing");
        await Assertions.Expect(sharing).ToContainTextAsync("The requester agreed to share it with members.");
        await Assertions.Expect(sharing.GetByLabel("Publish to the public")).ToHaveCountAsync(0);
        await Assertions.Expect(tomasz.Locator("#sharing-reused")).ToContainTextAsync("Reused 1 time");
        await tomasz.AssertNoViolationsAsync();
        await sharing.GetByLabel("Publish to members").CheckAsync();
        await sharing.GetByRole(AriaRole.Button, new() { Name = "Save who may read it" }).ClickAsync();
        await Assertions.Expect(tomasz.Locator("#sharing-visibility")).ToHaveTextAsync("Shared with members.");
        var address = tomasz.Locator("#sharing-address").GetByRole(AriaRole.Link);
        var evidencePath = (await address.GetAttributeAsync("href"))!;
        Assert.Matches("^/evidence/[a-z0-9-]+$", evidencePath);
        await tomasz.AssertNoViolationsAsync();

        // A librarian from another work stream reads it at its stable address, with its version, date and citation.
        await using var rhysContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        var rhys = await rhysContext.NewPageAsync();
        await rhys.SignInAsync(Rhys, TestSite.DemoPassword);
        await rhys.GotoAsync(evidencePath);
        await Assertions.Expect(rhys.GetByRole(AriaRole.Heading, new() { Name = DeprescribingTitle, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(rhys.Locator("#evidence-version")).ToHaveTextAsync("1");
        var today = DateTime.UtcNow.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        await Assertions.Expect(rhys.Locator("#evidence-details").GetByRole(AriaRole.Definition).Filter(new() { HasText = today }).First).ToBeVisibleAsync();
        await Assertions.Expect(rhys.GetByRole(AriaRole.Heading, new() { Name = "Cite this" })).ToBeVisibleAsync();
        await Assertions.Expect(rhys.Locator("#evidence-cite")).ToContainTextAsync($"{DeprescribingTitle} [search summary, version 1]");
        await Assertions.Expect(rhys.Locator("#evidence-cite")).ToContainTextAsync(evidencePath);
        await Assertions.Expect(rhys.Locator("#evidence-reused")).ToHaveTextAsync("Reused 1 time");
        await rhys.AssertNoViolationsAsync();
        await rhys.GotoAsync($"{evidencePath}/versions/1");
        await Assertions.Expect(rhys.GetByRole(AriaRole.Heading, new() { Name = DeprescribingTitle, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(rhys.Locator("#evidence-cite")).ToContainTextAsync($"{evidencePath}/versions/1");

        // The listing, filtered to the work stream, marks it as for members only.
        await rhys.GotoAsync("/evidence");
        await rhys.AssertNoViolationsAsync();
        await rhys.GetByLabel("Work stream").SelectOptionAsync(new SelectOptionValue { Label = "Frailty framework" });
        await rhys.GetByRole(AriaRole.Button, new() { Name = "Filter summaries" }).ClickAsync();
        await Assertions.Expect(rhys.GetByRole(AriaRole.Status)).ToContainTextAsync("match the filters");
        var entry = rhys.Locator("#published-summaries > li").Filter(new() { HasText = DeprescribingTitle });
        await Assertions.Expect(entry).ToContainTextAsync("members only");
        await Assertions.Expect(rhys.Locator("#published-summaries")).Not.ToContainTextAsync("Peer support");
        await rhys.AssertNoViolationsAsync();

        // The home page's recent list and the work stream's page list it too.
        await rhys.GotoAsync("/");
        await Assertions.Expect(rhys.GetByRole(AriaRole.Heading, new() { Name = "Recently published evidence" })).ToBeVisibleAsync();
        await Assertions.Expect(rhys.GetByRole(AriaRole.Link, new() { Name = DeprescribingTitle })).ToHaveAttributeAsync("href", evidencePath);
        await rhys.AssertNoViolationsAsync();
        await rhys.GotoAsync("/workstreams/frailty-framework");
        await Assertions.Expect(rhys.GetByRole(AriaRole.Heading, new() { Name = "Published summaries" })).ToBeVisibleAsync();
        await Assertions.Expect(rhys.GetByRole(AriaRole.Link, new() { Name = DeprescribingTitle })).ToHaveAttributeAsync("href", evidencePath);
        await rhys.AssertNoViolationsAsync();

        // An anonymous visitor gets none of it: not at the address, not in the listing.
        await using var anonymousContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        var anonymous = await anonymousContext.NewPageAsync();
        await anonymous.GotoAsync(evidencePath);
        await Assertions.Expect(anonymous).ToHaveURLAsync(new Regex("/account/sign-in\\?returnUrl=" + Regex.Escape(Uri.EscapeDataString(evidencePath)) + "$", RegexOptions.IgnoreCase));
        await Assertions.Expect(anonymous.Locator("body")).Not.ToContainTextAsync(DeprescribingTitle);
        await Assertions.Expect(anonymous.Locator("body")).Not.ToContainTextAsync("Cite this");
        await anonymous.GotoAsync("/evidence");
        await Assertions.Expect(anonymous.Locator("body")).Not.ToContainTextAsync(DeprescribingTitle);

        // The requester answers the impact form: nothing chosen and hours in words first.
        await helen.GotoAsync($"/requests/{requestId}/impact");
        await Assertions.Expect(helen.GetByRole(AriaRole.Heading, new() { Name = "What difference did the evidence make?", Level = 1 })).ToBeVisibleAsync();
        await helen.AssertNoViolationsAsync();
        await helen.GetByLabel("About how many hours did it save you (optional)?").FillAsync("three");
        await helen.GetByRole(AriaRole.Button, new() { Name = "Send your answers" }).ClickAsync();
        var errors = helen.Locator(".nhsuk-error-summary");
        await Assertions.Expect(errors).ToContainTextAsync("Say how you used the evidence, or that you have not used it yet");
        await Assertions.Expect(errors).ToContainTextAsync("Hours saved must be a number, like 2 or 1.5");
        await Assertions.Expect(errors).ToContainTextAsync("Say whether you would recommend the service");
        await Assertions.Expect(helen).ToHaveTitleAsync(new Regex("^Error: "));
        await Assertions.Expect(helen.GetByLabel("About how many hours did it save you (optional)?")).ToHaveValueAsync("three");
        await helen.AssertNoViolationsAsync();

        // Then by keyboard alone, from the error summary's first link.
        await Assertions.Expect(errors).ToBeFocusedAsync();
        var usesLink = errors.GetByRole(AriaRole.Link, new() { Name = "Say how you used the evidence, or that you have not used it yet" });
        var usesAt = (await errors.GetByRole(AriaRole.Link).AllTextContentsAsync()).ToList().FindIndex(l => l.StartsWith("Say how you used", StringComparison.Ordinal));
        await PressTabAsync(helen, usesAt + 1);
        await Assertions.Expect(usesLink).ToBeFocusedAsync();
        await helen.Keyboard.PressAsync("Enter");
        await Assertions.Expect(helen.GetByLabel("I shared it with colleagues")).ToBeFocusedAsync();
        await helen.Keyboard.PressAsync("Tab");
        await helen.Keyboard.PressAsync("Tab");
        await Assertions.Expect(helen.GetByLabel("It informed a decision")).ToBeFocusedAsync();
        await helen.Keyboard.PressAsync("Space");
        await PressTabAsync(helen, 4);
        await Assertions.Expect(helen.GetByLabel("A decision", new() { Exact = true })).ToBeFocusedAsync();
        await helen.Keyboard.PressAsync("Tab");
        await helen.Keyboard.PressAsync("Tab");
        await Assertions.Expect(helen.GetByLabel("A change in practice")).ToBeFocusedAsync();
        await helen.Keyboard.PressAsync("Space");
        await PressTabAsync(helen, 4);
        var hours = helen.GetByLabel("About how many hours did it save you (optional)?");
        await Assertions.Expect(hours).ToBeFocusedAsync();
        await helen.Keyboard.PressAsync("ControlOrMeta+A");
        await helen.Keyboard.TypeAsync("3.5");
        await helen.Keyboard.PressAsync("Tab");
        await Assertions.Expect(helen.GetByLabel("Yes", new() { Exact = true })).ToBeFocusedAsync();
        await helen.Keyboard.PressAsync("Space");
        await helen.Keyboard.PressAsync("Tab");
        await Assertions.Expect(helen.GetByLabel("Anything else you would like to tell us (optional)")).ToBeFocusedAsync();
        await helen.Keyboard.TypeAsync(Comment);
        await helen.Keyboard.PressAsync("Tab");
        await helen.Keyboard.PressAsync("Tab");
        await Assertions.Expect(helen.GetByRole(AriaRole.Button, new() { Name = "Send your answers" })).ToBeFocusedAsync();
        await helen.Keyboard.PressAsync("Enter");

        await Assertions.Expect(helen.GetByRole(AriaRole.Heading, new() { Name = "Thank you for answering the impact form", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(helen.Locator("#answered-on")).ToHaveTextAsync($"You answered on {today}.");
        await helen.AssertNoViolationsAsync();

        // Coming back to the form shows the same page rather than the form again.
        await helen.GotoAsync($"/requests/{requestId}/impact");
        await Assertions.Expect(helen.GetByRole(AriaRole.Heading, new() { Name = "Thank you for answering the impact form", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(helen.GetByRole(AriaRole.Button, new() { Name = "Send your answers" })).ToHaveCountAsync(0);

        // The coordinator's report counts the answer and quotes it.
        await using var priyaContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        var priya = await priyaContext.NewPageAsync();
        await priya.SignInWithTwoFactorAsync(Priya, TestSite.DemoPassword);
        var answeredBefore = await site.Portal.ScalarAsync<long>("SELECT COUNT(*) FROM ImpactAnswers");
        await priya.GotoAsync("/coordination/impact");
        await Assertions.Expect(priya.GetByRole(AriaRole.Heading, new() { Name = "Impact report", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(priya.Locator("[data-figure=answered]")).ToHaveTextAsync(answeredBefore.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var quote = priya.Locator("#quotes + ul > li").Filter(new() { HasText = Comment });
        await Assertions.Expect(quote).ToContainTextAsync(DeprescribingQuestion);
        await priya.AssertNoViolationsAsync();

        // A case study from the answer whose requester agreed to one.
        var consenting = priya.Locator("#quotes + ul > li").Filter(new() { HasText = CaseStudyQuote });
        await consenting.GetByRole(AriaRole.Button, new() { Name = "Start a case study from this answer" }).ClickAsync();
        await Assertions.Expect(priya.GetByRole(AriaRole.Heading, new() { Name = "Edit the case study", Level = 1 })).ToBeVisibleAsync();
        await priya.AssertNoViolationsAsync();
        await priya.GetByLabel("Title").FillAsync(string.Empty);
        await priya.GetByRole(AriaRole.Button, new() { Name = "Save the case study" }).ClickAsync();
        await Assertions.Expect(priya.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(priya).ToHaveTitleAsync(new Regex("^Error: "));
        await priya.AssertNoViolationsAsync();
        await priya.GetByLabel("Title").FillAsync("Community link workers for perinatal mental health");
        await priya.GetByRole(AriaRole.Button, new() { Name = "Save the case study" }).ClickAsync();
        await Assertions.Expect(priya.GetByRole(AriaRole.Heading, new() { Name = "Community link workers for perinatal mental health", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(priya.Locator("#story")).Not.ToBeEmptyAsync();
        await priya.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_author_publishes_to_the_public_without_javascript_and_an_anonymous_visitor_reads_it()
    {
        var summaryId = await SummaryIdAsync(PeerSupportQuestion);

        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress, javaScriptEnabled: false);
        var fiona = await context.NewPageAsync();
        await fiona.SignInAsync(Fiona, TestSite.DemoPassword);
        await fiona.GotoAsync($"/summaries/{summaryId}");
        var sharing = fiona.Locator("#sharing");
        await Assertions.Expect(fiona.Locator("#sharing-visibility")).ToHaveTextAsync("Shared with members.");
        await sharing.GetByLabel("Publish to the public").CheckAsync();
        await sharing.GetByRole(AriaRole.Button, new() { Name = "Save who may read it" }).ClickAsync();
        await Assertions.Expect(fiona.Locator("#sharing-visibility")).ToHaveTextAsync("Shared with the public.");
        var evidencePath = (await fiona.Locator("#sharing-address").GetByRole(AriaRole.Link).GetAttributeAsync("href"))!;

        await using var anonymousContext = await browser.NewContextAsync(site.Portal.BaseAddress, javaScriptEnabled: false);
        var anonymous = await anonymousContext.NewPageAsync();
        await anonymous.GotoAsync(evidencePath);
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Cite this" })).ToBeVisibleAsync();
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = PeerSupportTitle, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(anonymous.Locator("#evidence-cite")).ToContainTextAsync(evidencePath);
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Link, new() { Name = "Open the summary in the portal" })).ToHaveCountAsync(0);
    }

    private async Task<Guid> RequestIdAsync(string question) =>
        Guid.Parse((await site.Portal.ScalarAsync<string>("SELECT Id FROM EvidenceRequests WHERE Question = $q", ("$q", question)))!);

    private async Task<Guid> SummaryIdAsync(string question) =>
        Guid.Parse((await site.Portal.ScalarAsync<string>(
            "SELECT s.Id FROM SearchSummaries s JOIN EvidenceRequests r ON s.RequestId = r.Id WHERE r.Question = $q ORDER BY s.VersionNumber DESC LIMIT 1", ("$q", question)))!);

    private static async Task PressTabAsync(IPage page, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
    }
}
