using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>
/// A search summary from start to delivery: the librarian holding a request writes it up, imports
/// references from a RIS file, asks a colleague for a peer review, the reviewer completes the PRESS
/// form, the librarian delivers and the requester reads it. Every summary page is checked with axe
/// as each person sees it, with and without errors showing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SummaryJourneyTests(BrowserFixture browser, SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private const string Helen = "helen.armstrong@example.org";
    private const string Fiona = "fiona.laidlaw@example.org";
    private const string Lena = "lena.hartley@example.org";
    private const string Rhys = "rhys.carrick@example.org";

    // Claimed in the demo recipe and without a summary yet: one for each test, so neither depends on the other.
    private const string EfiQuestion = "How accurate is the electronic Frailty Index for identifying moderate and severe frailty in general practice populations?";
    private const string PeerSupportQuestion = "Do breastfeeding peer supporters increase breastfeeding at six to eight weeks among young mothers in areas of high deprivation?";

    private const string Title = "Accuracy of the electronic Frailty Index in general practice";

    private const string Findings = """
        # How well the eFI identifies frailty

        The eFI was developed and validated in **UK general practice** records.[^1] It predicts mortality,
        admission and care home entry, but it is less accurate for identifying frailty in one person.

        | Study | Population | Result |
        | --- | --- | --- |
        | Clegg 2016 | 931,541 people aged 65 to 95 | Good prediction of mortality and admission |
        | Brundle 2019 | 505 people aged 75 and over | Fair agreement with the frailty phenotype |

        [^1]: Development cohort of the ResearchOne database.
        """;

    // Three records as a citation manager exports them; the second lost its type line, so it is refused
    // and the other two still come in.
    private const string Ris = """
        TY  - JOUR
        AU  - Clegg, Andrew
        AU  - Bates, Chris
        AU  - Young, John
        TI  - Development and validation of an electronic frailty index using routine primary care electronic health record data
        JO  - Age and Ageing
        PY  - 2016
        VL  - 45
        IS  - 3
        SP  - 353
        EP  - 360
        DO  - 10.1093/ageing/afw039
        DB  - Ovid MEDLINE(R)
        ER  - 
        TI  - A record whose type line was lost in the export
        AU  - Someone, Anne
        PY  - 2020
        ER  - 
        TY  - JOUR
        AU  - Brundle, Caroline
        AU  - Heaven, Anne
        TI  - Convergent validity of the electronic frailty index
        JO  - Age and Ageing
        PY  - 2019
        VL  - 48
        IS  - 1
        SP  - 152
        EP  - 156
        DO  - 10.1093/ageing/afy162
        DB  - Embase
        ER  - 

        """;

    [Fact]
    public async Task A_librarian_writes_and_imports_a_reviewer_approves_on_the_PRESS_form_and_the_requester_reads_the_delivered_summary()
    {
        var requestPath = await RequestPathAsync(EfiQuestion);
        await using var fionaContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        var fiona = await fionaContext.NewPageAsync();
        await fiona.SignInAsync(Fiona, TestSite.DemoPassword);

        // The request page offers the claimant a summary.
        await fiona.GotoAsync(requestPath);
        var section = fiona.Locator("#summary");
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Search summary" })).ToBeVisibleAsync();
        await fiona.AssertNoViolationsAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = "Start the search summary" }).ClickAsync();

        // The edit page, first with mistakes: each is listed in the order of the boxes and shown beside its box.
        await Assertions.Expect(fiona.GetByRole(AriaRole.Heading, new() { Name = "Edit the search summary", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(fiona.GetByLabel("Title")).ToHaveValueAsync(EfiQuestion);
        await fiona.AssertNoViolationsAsync();
        var nextYear = (DateTime.UtcNow.Year + 1).ToString(CultureInfo.InvariantCulture);
        var summaryPath = Regex.Replace(new Uri(fiona.Url).AbsolutePath, "/edit$", string.Empty);
        await FillSourceAsync(fiona, 0, "MEDLINE", "Ovid", "-5",
            "exp Frail Elderly/\nfrail*.ti,ab.\n(electronic frailty index or efi).ti,ab.\n1 or 2\n3 and 4\nlimit 5 to yr=\"2014-Current\"");
        await fiona.GetByLabel("Title").FillAsync(Title);
        await fiona.GetByLabel("Question").FillAsync(string.Empty);
        await FillDateAsync(fiona, "#ReviewDate", "31", "2", nextYear);
        await fiona.GetByLabel("Years covered (optional)").FillAsync("1946 to March week 2 2026");
        await fiona.GetByLabel("Limits and filters (optional)").First.FillAsync("English language; 2014 onwards");
        await fiona.GetByLabel("Records found (optional)").FillAsync("412");
        await fiona.GetByLabel("Records selected (optional)").FillAsync("2");
        await fiona.GetByLabel("Key findings").FillAsync(Findings);
        await fiona.GetByLabel("Caveats (optional)").FillAsync("The evidence found has not been critically appraised.");
        await fiona.GetByLabel("CC BY 4.0", new() { Exact = true }).CheckAsync();
        await fiona.GetByRole(AriaRole.Button, new() { Name = "Save the summary" }).ClickAsync();

        var errors = fiona.Locator(".nhsuk-error-summary");
        await Assertions.Expect(errors.GetByRole(AriaRole.Link)).ToHaveTextAsync(new Regex[] { new("^Enter the question"), new("^The hits for source 1 must be 0 or more"), new("^Review date") });
        await Assertions.Expect(fiona).ToHaveTitleAsync(new Regex("^Error: "));
        await Assertions.Expect(fiona.Locator("#Sources_0__Hits-error")).ToContainTextAsync("must be 0 or more");
        await Assertions.Expect(fiona.GetByLabel("Key findings")).ToHaveValueAsync(Findings);
        await fiona.AssertNoViolationsAsync();
        await fiona.GetByLabel("Question").FillAsync(EfiQuestion);
        await FillDateAsync(fiona, "#ReviewDate", "1", "3", nextYear);
        await fiona.Locator("#Sources_0__Hits").FillAsync("412");
        await fiona.GetByRole(AriaRole.Button, new() { Name = "Save the summary" }).ClickAsync();

        // The draft as its author sees it.
        await Assertions.Expect(fiona.Locator("#summary-notice")).ToContainTextAsync("Your changes have been saved.");
        await Assertions.Expect(fiona.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(fiona.Locator("#sources")).ToContainTextAsync("MEDLINE");
        await Assertions.Expect(fiona.Locator(".app-summary-findings table")).ToContainTextAsync("Brundle 2019");
        await Assertions.Expect(fiona.Locator("#workflow-status")).ToHaveTextAsync("Draft: not yet reviewed or delivered.");
        await fiona.AssertNoViolationsAsync();

        // References from a RIS file; the import is pressed from the keyboard alone.
        await fiona.GetByRole(AriaRole.Link, new() { Name = "Manage the references (0)" }).ClickAsync();
        await Assertions.Expect(fiona.GetByRole(AriaRole.Heading, new() { Name = "References", Level = 1 })).ToBeVisibleAsync();
        await fiona.AssertNoViolationsAsync();
        var file = fiona.GetByLabel("RIS file");
        await file.SetInputFilesAsync(new FilePayload { Name = "efi-medline.ris", MimeType = "application/x-research-info-systems", Buffer = Encoding.UTF8.GetBytes(Ris) });
        await file.FocusAsync();
        await fiona.Keyboard.PressAsync("Tab");
        await Assertions.Expect(fiona.GetByLabel("Or paste RIS text")).ToBeFocusedAsync();
        await fiona.Keyboard.PressAsync("Tab");
        await Assertions.Expect(fiona.GetByRole(AriaRole.Button, new() { Name = "Import references" })).ToBeFocusedAsync();
        await fiona.Keyboard.PressAsync("Enter");

        var report = fiona.Locator("#import-report");
        await Assertions.Expect(report).ToContainTextAsync("2 references were imported.");
        await Assertions.Expect(report).ToContainTextAsync("1 record could not be imported");
        await Assertions.Expect(report.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(new Regex(@"^Record 2 \(line 15\): it does not start with a type line"));
        await Assertions.Expect(fiona.GetByText("2 references, in the order they were added.")).ToBeVisibleAsync();
        await fiona.AssertNoViolationsAsync();

        // A note on the first reference.
        await fiona.GetByRole(AriaRole.Link, new() { Name = "Add a note on reference 1" }).ClickAsync();
        await Assertions.Expect(fiona.GetByRole(AriaRole.Heading, new() { Name = "Your note on this reference", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(fiona.Locator(".nhsuk-lede-text")).ToContainTextAsync("Development and validation of an electronic frailty index");
        await fiona.AssertNoViolationsAsync();
        await fiona.GetByLabel("Note (optional)").FillAsync("The derivation study: read it first.");
        await fiona.GetByRole(AriaRole.Button, new() { Name = "Save the note" }).ClickAsync();
        await Assertions.Expect(fiona.Locator("#summary-notice")).ToContainTextAsync("The note has been saved.");
        await Assertions.Expect(fiona.Locator("#Remove-item-hint")).ToContainTextAsync("Note: The derivation study: read it first.");

        // Asking for a review without choosing a reviewer comes back on the workflow page with the error.
        await fiona.GotoAsync($"{summaryPath}/workflow");
        await Assertions.Expect(fiona.GetByRole(AriaRole.Heading, new() { Name = "Peer review and delivery" })).ToBeVisibleAsync();
        await fiona.AssertNoViolationsAsync();
        await fiona.GetByRole(AriaRole.Button, new() { Name = "Ask for a peer review" }).ClickAsync();
        await Assertions.Expect(fiona.Locator(".nhsuk-error-summary")).ToContainTextAsync("Choose a reviewer");
        await Assertions.Expect(fiona).ToHaveTitleAsync(new Regex("^Error: "));
        await fiona.AssertNoViolationsAsync();
        await fiona.GetByLabel("Reviewer").SelectOptionAsync(new SelectOptionValue { Label = "Lena Hartley" });
        await fiona.GetByRole(AriaRole.Button, new() { Name = "Ask for a peer review" }).ClickAsync();
        await Assertions.Expect(fiona.Locator("#workflow-notice")).ToContainTextAsync("Your search has been sent for peer review.");
        await Assertions.Expect(fiona.Locator("#workflow-status")).ToContainTextAsync("With Lena Hartley for peer review");
        await Assertions.Expect(fiona.Locator("#deliver-blocked")).ToContainTextAsync("Lena Hartley is reviewing the search");

        // The reviewer: the summary in review, then the PRESS form.
        await using var lenaContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        var lena = await lenaContext.NewPageAsync();
        await lena.SignInAsync(Lena, TestSite.DemoPassword);
        await lena.GotoAsync(summaryPath);
        await Assertions.Expect(lena.Locator(".nhsuk-tag").First).ToHaveTextAsync("In review");
        await lena.AssertNoViolationsAsync();
        await lena.GetByRole(AriaRole.Button, new() { Name = "Review the search" }).ClickAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "Peer review of the search", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(lena.Locator("#source-1")).ToHaveTextAsync("1. MEDLINE via Ovid");
        await lena.AssertNoViolationsAsync();

        // Approving before judging every element is refused, each element named.
        await lena.GetByRole(AriaRole.Button, new() { Name = "Approve the search" }).ClickAsync();
        var reviewErrors = lena.Locator(".nhsuk-error-summary");
        await Assertions.Expect(reviewErrors.GetByRole(AriaRole.Link)).ToHaveTextAsync(
            new[] { "Translation of the research question", "Boolean and proximity operators", "Subject headings", "Text word searching", "Spelling, syntax and line numbers", "Limits and filters" }
                .Select(e => $"Give a judgement on “{e}”").ToArray());
        await Assertions.Expect(lena).ToHaveTitleAsync(new Regex("^Error: "));
        await lena.AssertNoViolationsAsync();

        // The form again by keyboard alone: from the error summary to each element in turn.
        await Assertions.Expect(reviewErrors).ToBeFocusedAsync();
        await lena.Keyboard.PressAsync("Tab");
        await Assertions.Expect(reviewErrors.GetByRole(AriaRole.Link).First).ToBeFocusedAsync();
        await lena.Keyboard.PressAsync("Enter");
        await Assertions.Expect(lena.Locator("#Translation_Judgement")).ToBeFocusedAsync();
        for (var element = 0; element < 6; element++)
        {
            await lena.Keyboard.PressAsync("Space");
            await lena.Keyboard.PressAsync("Tab");
            if (element == 2)
            {
                await lena.Keyboard.TypeAsync("Consider Frailty/ as well as Frail Elderly/.");
            }

            await lena.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(lena.GetByLabel("Overall comment (optional when approving)")).ToBeFocusedAsync();
        await lena.Keyboard.TypeAsync("A clear, well-built strategy.");
        await lena.Keyboard.PressAsync("Tab");
        await Assertions.Expect(lena.GetByRole(AriaRole.Button, new() { Name = "Approve the search" })).ToBeFocusedAsync();
        await lena.Keyboard.PressAsync("Enter");

        await Assertions.Expect(lena.Locator("#workflow-notice")).ToContainTextAsync("You approved the search.");
        var review = lena.Locator("#workflow .nhsuk-card");
        await Assertions.Expect(review).ToContainTextAsync("Approved");
        await Assertions.Expect(review.GetByRole(AriaRole.Row, new() { Name = "Subject headings" })).ToContainTextAsync("Consider Frailty/ as well as Frail Elderly/.");
        await Assertions.Expect(review.Locator("tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(review.Locator("tbody .nhsuk-tag")).ToHaveTextAsync(Enumerable.Repeat("No revisions", 6).ToArray());

        // The author delivers.
        await fiona.GotoAsync(summaryPath);
        await Assertions.Expect(fiona.Locator("#workflow-status")).ToContainTextAsync("Approved by Lena Hartley");
        await fiona.GetByRole(AriaRole.Button, new() { Name = "Deliver to the requester" }).ClickAsync();
        await Assertions.Expect(fiona.Locator("#workflow-notice")).ToContainTextAsync("The summary has been delivered to the requester.");
        await Assertions.Expect(fiona.Locator(".nhsuk-tag").First).ToHaveTextAsync("Final");
        await fiona.GotoAsync($"{summaryPath}/workflow");
        await Assertions.Expect(fiona.GetByRole(AriaRole.Button, new() { Name = "Re-run this search" })).ToBeVisibleAsync();
        await fiona.AssertNoViolationsAsync();

        // The requester finds it on her request and reads it, with its table and links to the full text.
        await using var helenContext = await browser.NewContextAsync(site.Portal.BaseAddress);
        var helen = await helenContext.NewPageAsync();
        await helen.SignInAsync(Helen, TestSite.DemoPassword);
        await helen.GotoAsync(requestPath);
        await Assertions.Expect(helen.Locator("#summary")).ToContainTextAsync(Title);
        await helen.AssertNoViolationsAsync();
        await helen.Locator("#summary").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Read version 1") }).ClickAsync();

        await Assertions.Expect(helen.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(helen.Locator(".nhsuk-tag").First).ToHaveTextAsync("Final");
        // A heading typed as the edit page's hint says sits under "Key findings", not below it.
        await Assertions.Expect(helen.GetByRole(AriaRole.Heading, new() { Name = "How well the eFI identifies frailty", Level = 3 })).ToBeVisibleAsync();
        var table = helen.Locator(".app-summary-findings table");
        await Assertions.Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["Study", "Population", "Result"]);
        await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "Clegg 2016" })).ToContainTextAsync("931,541 people aged 65 to 95");
        var references = helen.Locator(".app-summary-references > li");
        await Assertions.Expect(references).ToHaveCountAsync(2);
        await Assertions.Expect(references.First).ToContainTextAsync("The derivation study: read it first.");
        await Assertions.Expect(helen.GetByRole(AriaRole.Link, new() { Name = "DOI: 10.1093/ageing/afw039" })).ToHaveAttributeAsync("href", "https://doi.org/10.1093/ageing/afw039");
        await Assertions.Expect(helen.GetByRole(AriaRole.Link, new() { Name = "DOI: 10.1093/ageing/afy162" })).ToHaveAttributeAsync("href", "https://doi.org/10.1093/ageing/afy162");
        await Assertions.Expect(helen.GetByRole(AriaRole.Heading, new() { Name = "Your draft" })).ToHaveCountAsync(0);
        await helen.AssertNoViolationsAsync();

        await helen.GetByRole(AriaRole.Link, new() { Name = "Print-friendly version" }).ClickAsync();
        await Assertions.Expect(helen.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(helen.Locator(".app-summary-findings table")).ToContainTextAsync("Brundle 2019");
        await helen.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_summary_pages_work_without_javascript()
    {
        await using var context = await browser.NewContextAsync(site.Portal.BaseAddress, javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Rhys, TestSite.DemoPassword);
        await page.GotoAsync(await RequestPathAsync(PeerSupportQuestion));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the search summary" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit the search summary", Level = 1 })).ToBeVisibleAsync();

        // "Add another source" saves what is there and comes back with a second, empty source.
        await FillSourceAsync(page, 0, "MEDLINE", "Ovid", "187", "Breast Feeding/\npeer support*.ti,ab.\n1 and 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another source" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Source 2" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Sources_0__Database")).ToHaveValueAsync("MEDLINE");
        await Assertions.Expect(page.Locator("#Sources_1__Database")).ToHaveValueAsync(string.Empty);

        await FillSourceAsync(page, 1, "CINAHL", "EBSCOhost", "64", "MH \"Breast Feeding\"\nTI peer N3 support\nS1 AND S2");
        await page.GetByLabel("Key findings").FillAsync("Peer support **increases** any breastfeeding at six to eight weeks.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the summary" }).ClickAsync();

        await Assertions.Expect(page.Locator("#summary-notice")).ToContainTextAsync("Your changes have been saved.");
        await Assertions.Expect(page.Locator("#sources tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#sources")).ToContainTextAsync("CINAHL");
        await Assertions.Expect(page.Locator("#strategy-2 + ol > li")).ToHaveTextAsync(["MH \"Breast Feeding\"", "TI peer N3 support", "S1 AND S2"]);

        // Pasted RIS is imported by the plain form too.
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage the references (0)" }).ClickAsync();
        await page.GetByLabel("Or paste RIS text").FillAsync(Ris);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import references" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-report")).ToContainTextAsync("2 references were imported.");
        await Assertions.Expect(page.Locator("#import-report")).ToContainTextAsync("Record 2 (line 15)");
    }

    private async Task<string> RequestPathAsync(string question) =>
        $"/requests/{Guid.Parse((await site.Portal.ScalarAsync<string>("SELECT Id FROM EvidenceRequests WHERE Question = $q", ("$q", question)))!)}";

    /// <summary>Fills source <paramref name="row"/> (from 0) of the edit page, run three days ago.</summary>
    private static async Task FillSourceAsync(IPage page, int row, string database, string via, string hits, string strategy)
    {
        var id = $"#Sources_{row}__";
        var run = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        await page.Locator(id + "Database").FillAsync(database);
        await page.Locator(id + "Interface").FillAsync(via);
        await FillDateAsync(page, id + "DateRun", run.Day.ToString(CultureInfo.InvariantCulture), run.Month.ToString(CultureInfo.InvariantCulture), run.Year.ToString(CultureInfo.InvariantCulture));
        await page.Locator(id + "Hits").FillAsync(hits);
        await page.Locator(id + "Strategy").FillAsync(strategy);
    }

    /// <summary>Fills the three boxes of an NHS.UK date input: the day box has the field's id.</summary>
    private static async Task FillDateAsync(IPage page, string id, string day, string month, string year)
    {
        await page.Locator(id).FillAsync(day);
        await page.Locator(id + "-month").FillAsync(month);
        await page.Locator(id + "-year").FillAsync(year);
    }
}
