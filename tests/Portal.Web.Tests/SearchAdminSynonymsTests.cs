using System.Net;
using System.Text.RegularExpressions;
using Portal.Search;
using Portal.Testing;
using Portal.Web.Features.WorkStreams;

namespace Portal.Web.Tests;

/// <summary>
/// Administrators edit the health synonyms: rules that cannot be read are listed by line and
/// nothing is saved; a stale form saves nothing and loses nothing; a save rebuilds every node's
/// index, after which a term found only through the new rule finds the document.
/// </summary>
public sealed partial class SearchAdminSynonymsTests(SearchAdminSiteFixture site) : IClassFixture<SearchAdminSiteFixture>
{
    private const string Page = "/admin/search/synonyms";

    private PortalProcess Portal => site.Portal;

    [Fact]
    public async Task A_saved_rule_rebuilds_the_index_and_a_term_only_it_links_finds_the_document()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        await SearchAdminPages.WaitUntilUpToDateAsync(Portal, admin);
        var (text, version) = await FormAsync(admin);
        Assert.Empty(FindInSiteIndex("quuxification"));

        using var saved = await admin.PostFormAsync(Page, [new("Synonyms", text + "\nquuxification, geriatric\n"), new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("The synonyms have been saved. Every server running the portal will now rebuild", await admin.GetStringAsync(Page), StringComparison.Ordinal);
        var (savedText, savedVersion) = await FormAsync(admin);
        Assert.Contains("quuxification, geriatric", savedText, StringComparison.Ordinal);
        Assert.Equal(version + 1, savedVersion);
        var request = Assert.Single(await Portal.QueryAsync("SELECT RequestedBy FROM SearchRebuildRequests WHERE Reason = 'The synonyms were changed.' ORDER BY Id DESC LIMIT 1"));
        Assert.Equal(await Portal.UserIdAsync(TestSite.AdminEmail), request["RequestedBy"]);
        await SearchAdminPages.WaitUntilUpToDateAsync(Portal, admin);
        var hit = Assert.Single(FindInSiteIndex("quuxification"));
        Assert.Equal("/workstreams/frailty-framework", hit.Url);
    }

    [Fact]
    public async Task Rules_that_cannot_be_read_are_listed_by_line_with_400_and_nothing_is_saved()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        var (text, version) = await FormAsync(admin);
        var requests = await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM SearchRebuildRequests");

        using var refused = await admin.PostFormAsync(Page, [new("Synonyms", "# notes\nkidney, renal\nalone\nGP => general practice => doctor\nheart, , cardiac"), new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", html, StringComparison.Ordinal);
        var problems = ProblemList().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["problem"].Value)).ToList();
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("Line 3: ", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Line 4: use \"=>\" at most once", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("Line 5: ", problems[2], StringComparison.Ordinal);
        // What was typed stays in the box to mend.
        Assert.Contains("GP =&gt; general practice =&gt; doctor", html, StringComparison.Ordinal);
        Assert.Equal((text, version), await FormAsync(admin));
        Assert.Equal(requests, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM SearchRebuildRequests"));
    }

    [Fact]
    public async Task A_stale_form_is_409_shows_what_is_saved_now_and_keeps_the_changes_that_were_not_saved()
    {
        using var first = Portal.CreateClient();
        using var second = Portal.CreateClient();
        await first.SignInAsAdministratorAsync();
        await second.SignInAsAdministratorAsync();
        var (text, version) = await FormAsync(first);
        var read = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var token = await FormPosting.AntiforgeryTokenAsync(second, Page);

        using var firstSave = await first.PostFormAsync(Page, [new("Synonyms", text + "\nwombat, marsupial"), new("Version", read)]);
        using var secondSave = await second.PostAsync(Page, new FormUrlEncodedContent([new("Synonyms", text + "\nplatypus, monotreme"), new("Version", read), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        var html = await secondSave.Content.ReadAsStringAsync();
        Assert.Contains("Someone else saved the synonyms first", html, StringComparison.Ordinal);
        var box = Textarea().Match(html).Groups["text"].Value;
        Assert.Contains("wombat, marsupial", box, StringComparison.Ordinal);
        Assert.Contains("platypus, monotreme", NotSaved().Match(html).Groups["text"].Value, StringComparison.Ordinal);
        Assert.Contains($"name=\"Version\" value=\"{version + 1}\"", html, StringComparison.Ordinal);
        var (savedText, savedVersion) = await FormAsync(first);
        Assert.Contains("wombat, marsupial", savedText, StringComparison.Ordinal);
        Assert.DoesNotContain("platypus", savedText, StringComparison.Ordinal);
        Assert.Equal(version + 1, savedVersion);
    }

    [Fact]
    public async Task A_form_without_a_usable_version_or_the_form_token_or_with_too_much_text_is_refused_and_nothing_is_saved()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        var before = await FormAsync(admin);

        using var notANumber = await admin.PostFormAsync(Page, [new("Synonyms", "otter, lutra"), new("Version", "latest")]);
        using var negative = await admin.PostFormAsync(Page, [new("Synonyms", "otter, lutra"), new("Version", "-1")]);
        using var forged = await admin.PostAsync(Page, new FormUrlEncodedContent([new("Synonyms", "otter, lutra"), new("Version", before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        using var tooLong = await admin.PostFormAsync(Page, [new("Synonyms", "otter, lutra\n#" + new string('x', SynonymRules.MaxLength)), new("Version", before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Contains("nhsuk-error-summary", await notANumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("The synonyms must be 100,000 characters or fewer.", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await FormAsync(admin));
    }

    [Fact]
    public async Task The_page_shows_the_portals_own_synonyms_until_some_are_saved_and_explains_the_format()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        var saved = await Portal.ScalarAsync<string>("SELECT Synonyms FROM SearchSettings");

        var html = await admin.GetStringAsync(Page);
        var (text, _) = await FormAsync(admin);

        Assert.Equal((saved ?? SynonymRules.DefaultText).ReplaceLineEndings("\n"), text.ReplaceLineEndings("\n"));
        Assert.Contains("Words or phrases separated by commas mean the same", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/search/synonyms\"", await admin.GetStringAsync("/admin/search"), StringComparison.Ordinal);
    }

    private static async Task<(string Text, int Version)> FormAsync(HttpClient admin)
    {
        var html = await admin.GetStringAsync(Page);
        return (
            WebUtility.HtmlDecode(Textarea().Match(html).Groups["text"].Value),
            int.Parse(VersionField().Match(html).Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Searches the site's own index folder, opened read-only beside the running site, as a reader who may see work streams.</summary>
    private IReadOnlyList<SearchHit> FindInSiteIndex(string text)
    {
        using var index = new SearchIndex(new SearchIndexOptions { Path = Path.Combine(Portal.DataPath, "search-index") });
        Assert.True(index.TryOpen(), index.Status().LastError);
        var results = index.Search(new SearchQuery { Text = text, ReaderAccess = [AccessTerms.Public, AccessTerms.Permission(WorkStreamsPermissions.ViewWorkStreams.Name)] });
        return Assert.IsType<SearchResults>(results).Hits;
    }

    // The textarea helper writes a newline after the opening tag, which HTML drops.
    [GeneratedRegex("<textarea[^>]*name=\"Synonyms\"[^>]*>\n(?<text>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex Textarea();

    [GeneratedRegex("name=\"Version\" value=\"(?<version>-?\\d+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("<li><a href=\"#Synonyms\">(?<problem>[^<]*)</a></li>")]
    private static partial Regex ProblemList();

    [GeneratedRegex("<pre id=\"synonyms-not-saved\"[^>]*>(?<text>.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex NotSaved();
}
