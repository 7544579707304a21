using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>Starting, editing and reading a search summary on its pages, as a browser without JavaScript would.</summary>
public sealed partial class SummaryPageTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private static readonly KeyValuePair<string, string>[] NoFields = [];

    private static string Today(string part)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return (part switch { "Day" => today.Day, "Month" => today.Month, _ => today.Year }).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The edit form with one source filled in, as typed; add or change fields per test.</summary>
    private static Dictionary<string, string> EditForm(int version, string title = "Home exercise and falls in people over 75") => new()
    {
        ["Version"] = version.ToString(CultureInfo.InvariantCulture),
        ["Title"] = title,
        ["Question"] = "Does strength and balance training at home reduce falls in people over 75?",
        ["Sources[0].Database"] = "MEDLINE",
        ["Sources[0].Interface"] = "Ovid",
        ["Sources[0].YearsCovered"] = "1946 to February week 4 2026",
        ["Sources[0].DateRun.Day"] = Today("Day"),
        ["Sources[0].DateRun.Month"] = Today("Month"),
        ["Sources[0].DateRun.Year"] = Today("Year"),
        ["Sources[0].Hits"] = "1,312",
        ["Sources[0].Strategy"] = "1. exp Frail Elderly/\r\n2. frail*.ti,ab.\r\n\r\n3. 1 or 2",
        ["Sources[0].LimitsAndFilters"] = "English language",
        ["Sources[1].Database"] = "",
        ["Sources[1].Strategy"] = "",
        ["CitationSearching"] = "Reference lists of the included reviews",
        ["Deduplication"] = "EndNote",
        ["RecordsFound"] = "1312",
        ["RecordsAfterDeduplication"] = "1000",
        ["RecordsSelected"] = "12",
        ["Findings"] = "# Findings\n\nExercise **reduces** falls.",
        ["Caveats"] = "Not critically appraised.",
        ["ReviewDate.Day"] = "1",
        ["ReviewDate.Month"] = "3",
        ["ReviewDate.Year"] = "2027",
        ["Licence"] = "CC BY-NC 4.0",
        ["action"] = "save",
    };

    private async Task<int> VersionAsync(Guid summaryId) => (await site.Portal.SummaryRowAsync(summaryId)).Version;

    private static string Edit(Guid id) => $"/summaries/{id}/edit";

    [Fact]
    public async Task The_claimant_starts_the_summary_from_the_request_page_and_the_requester_does_not_see_it_yet()
    {
        var claimed = await site.Portal.SummaryClaimedRequestAsync();
        using var librarian = await site.Portal.SignedInAsync(claimed.Claimant.Email);
        using var helen = await site.Portal.SignedInAsync(Helen);
        var request = $"/requests/{claimed.RequestId}";

        var before = await librarian.GetStringAsync(request);
        using var started = await librarian.PostFormAsync(request, $"{request}/summary", NoFields);
        var after = await librarian.GetStringAsync(request);
        var requesters = await helen.GetStringAsync(request);
        var summaryId = Guid.Parse(started.Headers.Location!.OriginalString.Split('/')[2]);
        var edit = await librarian.GetStringAsync(started.Headers.Location);

        Assert.Contains(">Start the search summary</button>", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(Edit(summaryId), started.Headers.Location?.OriginalString);
        Assert.DoesNotContain(">Start the search summary</button>", after, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/summaries/{summaryId}\">Read version 1 (draft)</a>", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"summary\"", requesters, StringComparison.Ordinal);
        Assert.Contains("Edit the search summary", edit, StringComparison.Ordinal);
        Assert.Contains("value=\"Does strength and balance training at home reduce falls in people over 75?\"", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_start_from_a_page_left_open_is_a_conflict_with_a_link_to_the_summary()
    {
        var summary = await site.Portal.SummaryClaimedRequestAsync();
        using var librarian = await site.Portal.SignedInAsync(summary.Claimant.Email);
        var request = $"/requests/{summary.RequestId}";
        var token = await FormPosting.AntiforgeryTokenAsync(librarian, request);

        using var first = await librarian.PostAsync($"{request}/summary", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        using var second = await librarian.PostAsync($"{request}/summary", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        var html = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("This request already has a summary", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{first.Headers.Location!.OriginalString.Replace("/edit", "", StringComparison.Ordinal)}\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await site.Portal.SummaryCountForRequestAsync(summary.RequestId));
    }

    [Fact]
    public async Task Someone_who_did_not_claim_the_request_has_no_start_button_and_cannot_start()
    {
        var claimed = await site.Portal.SummaryClaimedRequestAsync();
        var other = (await site.Portal.NewLibrariansAsync(1))[0];
        using var librarian = await site.Portal.SignedInAsync(other.Email);
        using var helen = await site.Portal.SignedInAsync(Helen);
        var request = $"/requests/{claimed.RequestId}";

        var page = await librarian.GetStringAsync(request);
        using var byLibrarian = await librarian.PostFormAsync(request, $"{request}/summary", NoFields);
        using var byRequester = await helen.PostFormAsync(request, $"{request}/summary", NoFields);

        Assert.DoesNotContain("Start the search summary", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byLibrarian.StatusCode);
        Assert.Contains("Only the librarian who claimed the request writes its summary.", await byLibrarian.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, byRequester.StatusCode);
        Assert.Equal("/account/access-denied", byRequester.Headers.Location?.AbsolutePath);
        Assert.Equal(0, await site.Portal.SummaryCountForRequestAsync(claimed.RequestId));
    }

    [Fact]
    public async Task An_author_saves_the_whole_form_and_reads_the_search_report_back()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var librarian = await site.Portal.SignedInAsync(summary.Claimant.Email);

        using var saved = await librarian.PostFormAsync(Edit(summary.SummaryId), EditForm(await VersionAsync(summary.SummaryId)));
        var page = await librarian.GetStringAsync($"/summaries/{summary.SummaryId}");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/summaries/{summary.SummaryId}", saved.Headers.Location?.OriginalString);
        Assert.Contains("Your changes have been saved.", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Home exercise and falls in people over 75</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<th class=\"nhsuk-table__header\" scope=\"row\">MEDLINE</th>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">1,312</td>", page, StringComparison.Ordinal);
        Assert.Contains("Search strategy: MEDLINE via Ovid", page, StringComparison.Ordinal);
        Assert.Matches(StrategyList(), page);
        Assert.Contains("<h3>Findings</h3>", page, StringComparison.Ordinal);
        Assert.Contains("Exercise <strong>reduces</strong> falls.", page, StringComparison.Ordinal);
        Assert.Contains("Reference lists of the included reviews", page, StringComparison.Ordinal);
        Assert.Contains("1 March 2027", page, StringComparison.Ordinal);
        Assert.Contains("CC BY-NC 4.0", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/summaries/{summary.SummaryId}/edit\">Edit the summary</a>", page, StringComparison.Ordinal);
        var search = (await site.Portal.SummaryRowAsync(summary.SummaryId)).Search;
        Assert.Contains("\"Strategy\":[\"exp Frail Elderly/\",\"frail*.ti,ab.\",\"1 or 2\"]", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_another_source_saves_and_comes_back_with_one_more_blank_and_remove_takes_one_away()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var librarian = await site.Portal.SignedInAsync(summary.Claimant.Email);
        var form = EditForm(await VersionAsync(summary.SummaryId));
        form["action"] = "add-source";

        using var added = await librarian.PostFormAsync(Edit(summary.SummaryId), form);
        var withBlank = await librarian.GetStringAsync(added.Headers.Location);
        var second = EditForm(await VersionAsync(summary.SummaryId));
        second["Sources[1].Database"] = "CINAHL";
        second["Sources[1].Strategy"] = "TI frail*";
        second["Sources[0].Remove"] = "true";
        using var removed = await librarian.PostFormAsync(Edit(summary.SummaryId), second);
        var after = await librarian.GetStringAsync(Edit(summary.SummaryId));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/summaries/{summary.SummaryId}/edit?blank=2#source-3", added.Headers.Location?.OriginalString);
        Assert.Contains("id=\"source-3\"", withBlank, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"source-4\"", withBlank, StringComparison.Ordinal);
        Assert.Contains("value=\"MEDLINE\"", withBlank, StringComparison.Ordinal);
        Assert.Contains(">Remove this source</label>", withBlank, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("value=\"CINAHL\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"MEDLINE\"", after, StringComparison.Ordinal);
        Assert.Contains("id=\"source-2\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"source-3\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_mistake_is_named_beside_its_field_and_in_the_summary_and_nothing_is_saved()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var librarian = await site.Portal.SignedInAsync(summary.Claimant.Email);
        var before = await site.Portal.SummaryRowAsync(summary.SummaryId);
        var form = EditForm(before.Version, title: new string('t', 201));
        form["Sources[0].Hits"] = "lots";
        form["Sources[0].DateRun.Day"] = "31";
        form["Sources[0].DateRun.Month"] = "2";
        form["Sources[1].Database"] = "";
        form["Sources[1].Strategy"] = "TI frail*";
        form["Sources[1].Hits"] = "-3";
        form["RecordsSelected"] = "2000";
        form["ReviewDate.Year"] = "";
        form["Licence"] = "Public domain";

        using var refused = await librarian.PostFormAsync(Edit(summary.SummaryId), form);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("<title>Error: Edit the search summary", html, StringComparison.Ordinal);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        foreach (var (field, message) in new[]
        {
            ("Title", "A title must be 200 characters or fewer"),
            ("Sources_0__Hits", "The hits for source 1 must be a whole number, like 120"),
            ("Sources_0__DateRun", "The date source 1 was searched must be a real date"),
            ("Sources_1__Database", "Enter the name of source 2"),
            ("Sources_1__Hits", "The hits for source 2 must be 0 or more"),
            ("RecordsSelected", "Records selected cannot be more than the records screened"),
            ("ReviewDate", "Review date must include a year"),
            ("Licence", "Choose a licence from the list"),
        })
        {
            Assert.Contains($"<a href=\"#{field}\">{message}</a>", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("value=\"lots\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await site.Portal.SummaryRowAsync(summary.SummaryId));
    }

    [Fact]
    public async Task Text_that_looks_like_markup_or_a_template_is_shown_as_typed()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var librarian = await site.Portal.SignedInAsync(summary.Claimant.Email);
        var form = EditForm(await VersionAsync(summary.SummaryId), title: "{{ x }} and @Model.Title <b>bold</b>");
        form["Question"] = "@(1 + 1) {% raw %} <script>alert(1)</script>";
        form["Findings"] = "Costs {{ cost }} and @DateTime.Now <script>alert(2)</script> <a href=\"javascript:alert(3)\">x</a>";
        form["Caveats"] = "@Html.Raw(\"<i>x</i>\")";

        using var saved = await librarian.PostFormAsync(Edit(summary.SummaryId), form);
        var page = await librarian.GetStringAsync($"/summaries/{summary.SummaryId}");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<h1>{{ x }} and @Model.Title &lt;b&gt;bold&lt;/b&gt;</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<p>@(1 &#x2B; 1) {% raw %} &lt;script&gt;alert(1)&lt;/script&gt;</p>", page, StringComparison.Ordinal);
        Assert.Contains("Costs {{ cost }} and @DateTime.Now &lt;script&gt;alert(2)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("@Html.Raw(&quot;&lt;i&gt;x&lt;/i&gt;&quot;)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.Contains("&lt;a href=\"javascript:alert(3)\"&gt;x&lt;/a&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"javascript:", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_from_a_page_someone_else_saved_meanwhile_is_a_conflict_that_keeps_what_was_typed()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var librarian = await site.Portal.SignedInAsync(summary.Claimant.Email);
        var version = await VersionAsync(summary.SummaryId);
        var token = await FormPosting.AntiforgeryTokenAsync(librarian, Edit(summary.SummaryId));
        FormUrlEncodedContent Post(string title) =>
            new(EditForm(version, title).Append(new("__RequestVerificationToken", token)));

        using var first = await librarian.PostAsync(Edit(summary.SummaryId), Post("Saved first"));
        using var second = await librarian.PostAsync(Edit(summary.SummaryId), Post("Saved second"));
        var html = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Someone else changed this at the same time. Reload the page to see their change, then try again.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Saved second\"", html, StringComparison.Ordinal);
        Assert.Equal("Saved first", (await site.Portal.SummaryRowAsync(summary.SummaryId)).Title);
    }

    [Fact]
    public async Task Only_authors_edit_and_only_those_who_may_read_it_see_it()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        var other = (await site.Portal.NewLibrariansAsync(1))[0];
        using var librarian = await site.Portal.SignedInAsync(other.Email);
        using var helen = await site.Portal.SignedInAsync(Helen);
        using var claire = await site.Portal.SignedInAsync(TestSite.MemberEmail);
        using var author = await site.Portal.SignedInAsync(summary.Claimant.Email);
        var read = $"/summaries/{summary.SummaryId}";
        var before = await site.Portal.SummaryRowAsync(summary.SummaryId);
        var token = await FormPosting.AntiforgeryTokenAsync(librarian, read);

        using var librarianReads = await librarian.GetAsync(read);
        using var librarianEdits = await librarian.GetAsync(Edit(summary.SummaryId));
        using var librarianPosts = await librarian.PostAsync(Edit(summary.SummaryId), new FormUrlEncodedContent(EditForm(before.Version, "Taken over").Append(new("__RequestVerificationToken", token))));
        using var requesterReads = await helen.GetAsync(read);
        using var requesterEdits = await helen.GetAsync(Edit(summary.SummaryId));
        using var memberReads = await claire.GetAsync(read);
        using var memberPrints = await claire.GetAsync($"{read}/print");
        using var memberDownloads = await claire.GetAsync($"{read}/document");
        using var nothing = await author.GetAsync($"/summaries/{Guid.NewGuid()}");
        await site.Portal.SummaryMadeFinalAsync(summary.SummaryId);
        using var requesterReadsFinal = await helen.GetAsync(read);
        using var authorEditsFinal = await author.GetAsync(Edit(summary.SummaryId));

        Assert.Equal(HttpStatusCode.OK, librarianReads.StatusCode);
        Assert.DoesNotContain("Edit the summary", await librarianReads.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, librarianEdits.StatusCode);
        Assert.Contains("Only the authors of this summary can change it.", await librarianEdits.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, librarianPosts.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, requesterReads.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, requesterEdits.StatusCode);
        Assert.Equal("/account/access-denied", requesterEdits.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, memberReads.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, memberPrints.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, memberDownloads.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, requesterReadsFinal.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, authorEditsFinal.StatusCode);
        Assert.Contains("A final summary cannot be changed.", await authorEditsFinal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before.Title, (await site.Portal.SummaryRowAsync(summary.SummaryId)).Title);
    }

    [Fact]
    public async Task The_summary_page_lists_references_with_safe_links_notes_and_folded_abstracts()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        await site.Portal.SummaryReferencesInsertedAsync(
            summary.SummaryId,
            new SummaryTestReference("Exercise for preventing falls in older people living in the community", ["Sherrington, C", "Fairhall, N"], 2019, "Cochrane Database of Systematic Reviews",
                Doi: "10.1002/14651858.CD012424.pub2", Pmid: "30703272", Abstract: "Exercise programmes reduce the rate of falls by 23%.", Note: "The key review.", Database: "MEDLINE"),
            new SummaryTestReference("A <script>alert(1)</script> trial", ["Doe, J"], Url: "javascript:alert(1)", Pmid: "12ab"));
        using var librarian = await site.Portal.SignedInAsync(summary.Claimant.Email);

        var page = await librarian.GetStringAsync($"/summaries/{summary.SummaryId}");

        Assert.Contains("Sherrington, C; Fairhall, N (2019). Exercise for preventing falls in older people living in the community. Cochrane Database of Systematic Reviews, 12(3), 45-67.", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://doi.org/10.1002/14651858.CD012424.pub2\" rel=\"nofollow noopener noreferrer\">DOI: 10.1002/14651858.CD012424.pub2</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://pubmed.ncbi.nlm.nih.gov/30703272/\"", page, StringComparison.Ordinal);
        Assert.Contains("The key review.", page, StringComparison.Ordinal);
        Assert.Contains("Found in MEDLINE", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"nhsuk-details__summary-text\">Abstract", page, StringComparison.Ordinal);
        Assert.Contains("Exercise programmes reduce the rate of falls by 23%.", page, StringComparison.Ordinal);
        Assert.Contains("A &lt;script&gt;alert(1)&lt;/script&gt; trial", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("pubmed.ncbi.nlm.nih.gov/12ab", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_author_removes_references_and_writes_a_note_on_one()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        var ids = await site.Portal.SummaryReferencesInsertedAsync(
            summary.SummaryId,
            new SummaryTestReference("First trial", ["Ann, A"]),
            new SummaryTestReference("Second trial", ["Bob, B"]),
            new SummaryTestReference("Third trial", ["Cat, C"]));
        using var librarian = await site.Portal.SignedInAsync(summary.Claimant.Email);
        var references = $"/summaries/{summary.SummaryId}/references";
        var notePage = $"{references}/{ids[1]}/note";

        var list = await librarian.GetStringAsync(references);
        using var noneChosen = await librarian.PostFormAsync(references, $"{references}/remove", [new("Version", (await VersionAsync(summary.SummaryId)).ToString(CultureInfo.InvariantCulture))]);
        using var removed = await librarian.PostFormAsync(references, $"{references}/remove",
            [new("Version", (await VersionAsync(summary.SummaryId)).ToString(CultureInfo.InvariantCulture)), new("Remove", ids[0].ToString()), new("Remove", ids[2].ToString())]);
        var afterRemoval = await librarian.GetStringAsync(references);
        using var tooLong = await librarian.PostFormAsync(notePage, [new("Version", (await VersionAsync(summary.SummaryId)).ToString(CultureInfo.InvariantCulture)), new("Note", new string('n', 4001))]);
        using var noted = await librarian.PostFormAsync(notePage, [new("Version", (await VersionAsync(summary.SummaryId)).ToString(CultureInfo.InvariantCulture)), new("Note", "  A small pilot, but the only UK one.  ")]);

        Assert.Contains("3 references, in the order they were added.", list, StringComparison.Ordinal);
        Assert.Contains($"name=\"Remove\" type=\"checkbox\" value=\"{ids[1]}\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noneChosen.StatusCode);
        Assert.Contains("<a href=\"#Remove\">Select the references to remove</a>", await noneChosen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("2 references removed.", afterRemoval, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("A note must be 4,000 characters or fewer", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        Assert.Equal([("Second trial", "A small pilot, but the only UK one.")], await site.Portal.SummaryReferenceRowsAsync(summary.SummaryId));
        Assert.Equal(1, await site.Portal.ScalarAsync<long>(
            "SELECT COUNT(*) FROM AuditEvents WHERE SubjectId = $id AND EventType = 'ReferencesRemoved'", ("$id", summary.SummaryId.ToString())));
    }

    [Fact]
    public async Task Someone_who_is_not_an_author_cannot_remove_references_or_change_notes()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        var ids = await site.Portal.SummaryReferencesInsertedAsync(summary.SummaryId, new SummaryTestReference("Only trial", ["Ann, A"], Note: "Keep"));
        var other = (await site.Portal.NewLibrariansAsync(1))[0];
        using var librarian = await site.Portal.SignedInAsync(other.Email);
        var references = $"/summaries/{summary.SummaryId}/references";
        var version = (await VersionAsync(summary.SummaryId)).ToString(CultureInfo.InvariantCulture);

        var list = await librarian.GetStringAsync(references);
        using var remove = await librarian.PostFormAsync(references, $"{references}/remove", [new("Version", version), new("Remove", ids[0].ToString())]);
        using var note = await librarian.PostFormAsync(references, $"{references}/{ids[0]}/note", [new("Version", version), new("Note", "Changed")]);

        Assert.DoesNotContain("type=\"checkbox\"", list, StringComparison.Ordinal);
        Assert.Contains("Only trial", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, note.StatusCode);
        Assert.Equal([("Only trial", "Keep")], await site.Portal.SummaryReferenceRowsAsync(summary.SummaryId));
    }

    [Fact]
    public async Task The_print_page_has_no_navigation_and_shows_everything_in_full()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var api = site.Portal.Api(summary.Claimant.Token);
        using var put = await api.SummaryPutAsync(summary.SummaryId, SummarySite.SummaryBody());
        await site.Portal.SummaryReferencesInsertedAsync(summary.SummaryId,
            new SummaryTestReference("Exercise for preventing falls", ["Sherrington, C"], Abstract: "Exercise reduces falls by 23%.", Database: "MEDLINE"));
        using var librarian = await site.Portal.SignedInAsync(summary.Claimant.Email);

        var print = await librarian.GetStringAsync($"/summaries/{summary.SummaryId}/print");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.DoesNotContain("nhsuk-header", print, StringComparison.Ordinal);
        Assert.DoesNotContain("nhsuk-footer", print, StringComparison.Ordinal);
        Assert.DoesNotContain("<details", print, StringComparison.Ordinal);
        Assert.Contains("/_content/StemTheme/css/summary-print.css", print, StringComparison.Ordinal);
        Assert.Contains("<h1>Strength and balance training and falls in people over 75</h1>", print, StringComparison.Ordinal);
        Assert.Contains($"<li><code>{SummarySite.SummaryStrategyLine}</code></li>", print, StringComparison.Ordinal);
        Assert.Contains("Exercise reduces falls by 23%.", print, StringComparison.Ordinal);
        Assert.Contains("class=\"nhsuk-u-display-none-print\"", print, StringComparison.Ordinal);
        using var css = await librarian.GetAsync("/_content/StemTheme/css/summary-print.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    [Fact]
    public async Task Versions_link_to_each_other_and_the_requester_sees_only_the_delivered_one()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        await site.Portal.SummaryMadeFinalAsync(summary.SummaryId);
        var rerun = await site.Portal.SummaryRerunInsertedAsync(summary.SummaryId, "Re-run in 2027");
        using var librarian = await site.Portal.SignedInAsync(summary.Claimant.Email);
        using var helen = await site.Portal.SignedInAsync(Helen);
        var request = $"/requests/{summary.RequestId}";

        var first = await librarian.GetStringAsync($"/summaries/{summary.SummaryId}");
        var second = await librarian.GetStringAsync($"/summaries/{rerun}");
        var librariansRequest = await librarian.GetStringAsync(request);
        var requestersRequest = await helen.GetStringAsync(request);
        var requestersFirst = await helen.GetStringAsync($"/summaries/{summary.SummaryId}");
        using var requestersSecond = await helen.GetAsync($"/summaries/{rerun}");

        Assert.Contains($"<a href=\"/summaries/{rerun}\">Version 2 (draft)</a> – later", first, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/summaries/{summary.SummaryId}\">Version 1 (final, delivered ", second, StringComparison.Ordinal);
        Assert.Contains("– earlier", second, StringComparison.Ordinal);
        Assert.Contains($"href=\"/summaries/{rerun}\">Read version 2 (draft)</a>", librariansRequest, StringComparison.Ordinal);
        Assert.Contains($"href=\"/summaries/{summary.SummaryId}\">Read version 1 (final, delivered ", librariansRequest, StringComparison.Ordinal);
        Assert.Contains($"href=\"/summaries/{summary.SummaryId}\">Read version 1 (final, delivered ", requestersRequest, StringComparison.Ordinal);
        Assert.DoesNotContain(rerun.ToString(), requestersRequest, StringComparison.Ordinal);
        Assert.DoesNotContain("Re-run in 2027", requestersRequest, StringComparison.Ordinal);
        Assert.DoesNotContain(rerun.ToString(), requestersFirst, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, requestersSecond.StatusCode);
    }

    [GeneratedRegex(@"<ol class=""nhsuk-list nhsuk-list--number app-strategy"">\s*<li><code>exp Frail Elderly/</code></li>\s*<li><code>frail\*\.ti,ab\.</code></li>\s*<li><code>1 or 2</code></li>\s*</ol>")]
    private static partial Regex StrategyList();
}
