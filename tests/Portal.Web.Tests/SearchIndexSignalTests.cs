using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>
/// A change saved on a node is searchable there at once: the save wakes the node's indexing loop,
/// which otherwise looks only every poll interval (ten minutes here, so waiting for the poll
/// would fail the test).
/// </summary>
public sealed class SearchIndexSignalTests : IAsyncLifetime
{
    private PortalProcess? _portal;

    public async Task InitializeAsync() =>
        _portal = await PortalSites.StartSetUpSiteAsync(new Dictionary<string, string> { ["Portal:Search:PollInterval"] = "00:10:00" });

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
            TestPaths.DeleteQuietly(_portal.DataPath);
        }
    }

    [Fact]
    public async Task A_work_stream_saved_on_this_node_is_found_within_seconds_not_at_the_next_poll()
    {
        using var admin = _portal!.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSite.AdminApiToken);
        await UntilAsync(admin, "frailty", found => found > 0);
        Assert.Equal(0, await TotalAsync(admin, "quokka"));

        await RequestsPageTests.CreateWorkStreamAsync(admin, "Quokka-assisted therapy pathway", RequestsSite.Helen);

        await UntilAsync(admin, "quokka", found => found == 1);
    }

    private static async Task UntilAsync(HttpClient client, string words, Func<int, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        int total;
        while (!done(total = await TotalAsync(client, words)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"A search for '{words}' still found {total} after 20 s.");
            await Task.Delay(200);
        }
    }

    private static async Task<int> TotalAsync(HttpClient client, string words)
    {
        using var response = await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(words)}");
        return response.StatusCode == HttpStatusCode.ServiceUnavailable
            ? -1
            : (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
    }
}
