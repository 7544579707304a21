using System.Globalization;
using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>The topic tree pages: add, rename and move topics; loops and duplicates are refused.</summary>
public sealed class TopicAdminTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private PortalProcess Portal => site.Portal;

    private async Task<string> IdOfAsync(string key) =>
        (await Portal.ScalarAsync<long>("SELECT Id FROM Topics WHERE Key = $k", ("$k", key))).ToString(CultureInfo.InvariantCulture);

    private async Task<string> AnyTopicWithAChildAsync() =>
        await Portal.ScalarAsync<string>("SELECT p.Key FROM Topics p JOIN Topics c ON c.ParentId = p.Id ORDER BY p.Key LIMIT 1")
        ?? throw new InvalidOperationException("The recipe has no nested topics.");

    [Fact]
    public async Task A_topic_is_added_under_another_then_renamed_and_moved_to_the_top()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        var parentKey = await AnyTopicWithAChildAsync();

        using var added = await admin.PostFormAsync("/admin/topics/new", new Dictionary<string, string>
        {
            ["Key"] = "link-workers", ["Name"] = "Link workers", ["ParentId"] = await IdOfAsync(parentKey),
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Link workers has been saved.", await admin.GetStringAsync("/admin/topics"), StringComparison.Ordinal);
        var id = await IdOfAsync("link-workers");

        using var moved = await admin.PostFormAsync($"/admin/topics/{id}", new Dictionary<string, string> { ["Name"] = "Link workers in primary care", ["ParentId"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("Link workers in primary care", await Portal.ScalarAsync<string>("SELECT Name FROM Topics WHERE Key = 'link-workers'"));
        Assert.Null(await Portal.ScalarAsync<long?>("SELECT ParentId FROM Topics WHERE Key = 'link-workers'"));
    }

    [Fact]
    public async Task A_topic_cannot_move_under_its_own_child()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        var parentKey = await AnyTopicWithAChildAsync();
        var childId = (await Portal.ScalarAsync<long>("SELECT c.Id FROM Topics c JOIN Topics p ON c.ParentId = p.Id WHERE p.Key = $k LIMIT 1", ("$k", parentKey))).ToString(CultureInfo.InvariantCulture);
        var parentName = await Portal.ScalarAsync<string>("SELECT Name FROM Topics WHERE Key = $k", ("$k", parentKey));
        var parentOfParent = await Portal.ScalarAsync<long?>("SELECT ParentId FROM Topics WHERE Key = $k", ("$k", parentKey));

        using var response = await admin.PostFormAsync($"/admin/topics/{await IdOfAsync(parentKey)}", new Dictionary<string, string> { ["Name"] = parentName!, ["ParentId"] = childId });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("which is inside it", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(parentOfParent, await Portal.ScalarAsync<long?>("SELECT ParentId FROM Topics WHERE Key = $k", ("$k", parentKey)));
    }

    [Fact]
    public async Task Duplicate_and_malformed_keys_and_missing_names_are_refused_and_nothing_is_saved()
    {
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();
        var existing = await AnyTopicWithAChildAsync();
        var before = await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM Topics");

        using var duplicate = await admin.PostFormAsync("/admin/topics/new", new Dictionary<string, string> { ["Key"] = existing, ["Name"] = "Again", ["ParentId"] = "" });
        using var malformed = await admin.PostFormAsync("/admin/topics/new", new Dictionary<string, string> { ["Key"] = "Mental Health!", ["Name"] = "", ["ParentId"] = "424242" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("Enter a different key", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var html = await malformed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, malformed.StatusCode);
        Assert.Contains("<a href=\"#Key\">Key must be lower-case letters and numbers joined by hyphens", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Name\">Enter the topic&#x27;s name</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#ParentId\">Choose a parent topic from the list</a>", html, StringComparison.Ordinal);
        Assert.Equal(before, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM Topics"));
    }
}
