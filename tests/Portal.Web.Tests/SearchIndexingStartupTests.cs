using System.Net;
using System.Text.RegularExpressions;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>
/// A node whose index folder was removed or damaged while it was stopped builds a new one from the
/// database by itself when it starts, and the status page says what happened.
/// </summary>
public sealed class SearchIndexingStartupTests
{
    private static readonly Dictionary<string, string> Settings = new() { ["Portal:Search:PollInterval"] = "00:00:01" };

    [Fact]
    public async Task A_node_whose_index_was_damaged_or_removed_rebuilds_it_at_start_up_and_says_so()
    {
        PortalProcess? portal = await PortalSites.StartSetUpSiteAsync(Settings);
        var dataPath = portal.DataPath;
        var address = portal.BaseAddress;
        try
        {
            var before = await SearchAdminPages.WaitUntilUpToDateAsync(portal);
            var documents = SearchAdminPages.Field(before, "search-documents");
            Assert.NotEqual("0", documents);
            await portal.DisposeAsync();
            portal = null;
            var folder = Path.Combine(dataPath, "search-index");
            var live = Path.Combine(folder, File.ReadAllText(Path.Combine(folder, "current")).Trim());
            var damaged = 0;
            foreach (var file in Directory.EnumerateFiles(live).Where(f => Path.GetFileName(f) != "write.lock"))
            {
                var garbage = new byte[Math.Max(64, new FileInfo(file).Length)];
                Random.Shared.NextBytes(garbage);
                File.WriteAllBytes(file, garbage);
                damaged++;
            }

            Assert.True(damaged > 0, "There were segment files to damage.");
            portal = await RestartAsync(dataPath, before: address);
            var afterDamage = await SearchAdminPages.WaitUntilUpToDateAsync(portal);

            Assert.Equal(documents, SearchAdminPages.Field(afterDamage, "search-documents"));
            Assert.StartsWith("The index could not be opened and is being rebuilt", SearchAdminPages.Field(afterDamage, "search-last-error"), StringComparison.Ordinal);
            Assert.DoesNotContain("Not since", SearchAdminPages.Field(afterDamage, "search-last-rebuild"), StringComparison.Ordinal);
            Assert.False(Directory.Exists(live), "The damaged generation is thrown away.");

            await portal.DisposeAsync();
            portal = null;
            Directory.Delete(folder, recursive: true);
            portal = await RestartAsync(dataPath, before: address);
            var afterRemoval = await SearchAdminPages.WaitUntilUpToDateAsync(portal);

            Assert.Equal(documents, SearchAdminPages.Field(afterRemoval, "search-documents"));
            Assert.StartsWith("There was no index in ", SearchAdminPages.Field(afterRemoval, "search-last-error"), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "current")));
        }
        finally
        {
            if (portal is not null)
            {
                await portal.DisposeAsync();
            }

            TestPaths.DeleteQuietly(dataPath);
        }
    }

    /// <summary>The same site again (on a new port): the administrator's authenticator still knows the key it enrolled with.</summary>
    private static async Task<PortalProcess> RestartAsync(string dataPath, Uri before)
    {
        var portal = await PortalProcess.StartAsync(dataPath, Settings);
        AuthenticatorKeys.Remember(portal.BaseAddress, TestSite.AdminEmail, AuthenticatorKeys.For(before, TestSite.AdminEmail));
        return portal;
    }
}

/// <summary>Reading the search status page as an administrator.</summary>
internal static partial class SearchAdminPages
{
    /// <summary>Signs in and waits until the node's index is ready with nothing waiting to be applied and no rebuild request pending; the page then.</summary>
    public static async Task<string> WaitUntilUpToDateAsync(PortalProcess portal, HttpClient? admin = null)
    {
        using var own = admin is null ? portal.CreateClient() : null;
        var client = admin ?? own!;
        if (own is not null)
        {
            await own.SignInAsAdministratorAsync();
        }

        var page = string.Empty;
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(250))
        {
            using var response = await client.GetAsync("/admin/search");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            page = await response.Content.ReadAsStringAsync();
            if (Field(page, "search-state") == "Ready" && Field(page, "search-lag").StartsWith("None", StringComparison.Ordinal) && page.Contains("<p id=\"search-pending\">None", StringComparison.Ordinal))
            {
                return page;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The index did not come up to date:\n" + page + "\n" + portal.Output);
    }

    /// <summary>The text of the element with this id on the status page.</summary>
    public static string Field(string page, string id)
    {
        var match = Regex.Match(page, $"id=\"{id}\"[^>]*>(?<text>.*?)</dd>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(Tags().Replace(match.Groups["text"].Value, string.Empty)).Trim() : throw new InvalidOperationException($"No {id} on the page:\n{page}");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
