using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>A site whose search worker looks for changes every second.</summary>
public sealed class SearchAdminSiteFixture : SetUpSiteFixture
{
    protected override IReadOnlyDictionary<string, string>? Settings { get; } = new Dictionary<string, string> { ["Portal:Search:PollInterval"] = "00:00:01" };
}

/// <summary>Administrators see how this node's index stands and ask every node to rebuild.</summary>
public sealed class SearchAdminTests(SearchAdminSiteFixture site) : IClassFixture<SearchAdminSiteFixture>
{
    private PortalProcess Portal => site.Portal;

    [Fact]
    public async Task The_status_page_shows_the_index_against_the_database_and_the_hub_links_to_it()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();

        var page = await SearchAdminPages.WaitUntilUpToDateAsync(Portal, admin);
        var hub = await admin.GetStringAsync("/admin");

        Assert.Contains("href=\"/admin/search\"", hub, StringComparison.Ordinal);
        Assert.True(int.Parse(SearchAdminPages.Field(page, "search-documents"), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) > 10);
        var newest = await Portal.ScalarAsync<long>("SELECT MAX(Id) FROM IndexingTasks");
        Assert.Equal($"Task {newest}", SearchAdminPages.Field(page, "search-newest"));
        Assert.Equal($"Task {newest}", SearchAdminPages.Field(page, "search-cursor"));
        Assert.Equal("None", SearchAdminPages.Field(page, "search-gaps"));
        Assert.NotEqual("Not yet", SearchAdminPages.Field(page, "search-last-commit"));
        Assert.Equal(Path.Combine(Portal.DataPath, "search-index"), SearchAdminPages.Field(page, "search-folder"));
        Assert.Contains("action=\"/admin/search/rebuild\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuilding_records_a_request_with_who_and_why_and_the_node_acts_on_it()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        var reason = "Restored last night's backup " + Guid.NewGuid().ToString("N")[..6];

        using var posted = await admin.PostFormAsync("/admin/search", "/admin/search/rebuild", [new("Reason", reason)]);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/admin/search", posted.Headers.Location?.OriginalString);
        var rows = await Portal.QueryAsync("SELECT Id, RequestedBy FROM SearchRebuildRequests WHERE Reason = $reason", ("$reason", reason));
        Assert.Equal(await Portal.UserIdAsync(TestSite.AdminEmail), Assert.Single(rows)["RequestedBy"]);
        var page = await admin.GetStringAsync("/admin/search");
        Assert.Contains("The rebuild has been asked for. Every server running the portal will build a new index", page, StringComparison.Ordinal);
        var after = await SearchAdminPages.WaitUntilUpToDateAsync(Portal, admin);
        Assert.DoesNotContain("Not since", SearchAdminPages.Field(after, "search-last-rebuild"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rebuild_without_a_reason_with_too_long_a_reason_or_without_the_form_token_is_refused_and_records_nothing()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        var before = await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM SearchRebuildRequests");

        using var missing = await admin.PostFormAsync("/admin/search", "/admin/search/rebuild", [new("Reason", "  ")]);
        using var tooLong = await admin.PostFormAsync("/admin/search", "/admin/search/rebuild", [new("Reason", new string('x', 501))]);
        using var forged = await admin.PostAsync("/admin/search/rebuild", new FormUrlEncodedContent([new("Reason", "No token")]));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var missingPage = await missing.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", missingPage, StringComparison.Ordinal);
        Assert.Contains("Enter why the index should be rebuilt", missingPage, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", missingPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("The reason must be 500 characters or fewer", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM SearchRebuildRequests"));
    }

    [Theory]
    [InlineData(TestSite.MemberEmail)]
    [InlineData(TestSite.LibrarianEmail)]
    public async Task Only_administrators_see_the_search_pages_rebuild_or_change_the_synonyms(string email)
    {
        using var person = Portal.CreateClient(followRedirects: true);
        await person.SignInAsync(email, TestSite.DemoPassword);
        var before = await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM SearchRebuildRequests");

        using var status = await person.GetAsync("/admin/search");
        using var synonyms = await person.GetAsync("/admin/search/synonyms");
        using var rebuild = await person.PostFormAsync("/", "/admin/search/rebuild", [new("Reason", "Let me")]);
        using var save = await person.PostFormAsync("/", "/admin/search/synonyms", [new("Synonyms", "a, b"), new("Version", "0")]);

        Assert.Equal(HttpStatusCode.Forbidden, status.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, synonyms.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rebuild.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(before, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM SearchRebuildRequests"));
        Assert.DoesNotContain("href=\"/admin/search\"", await person.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var visitor = Portal.CreateClient();

        using var status = await visitor.GetAsync("/admin/search");

        Assert.Equal(HttpStatusCode.Redirect, status.StatusCode);
        Assert.Contains("/account/sign-in", status.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
