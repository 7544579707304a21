using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>`index rebuild` from the command line asks every running node to rebuild, through the database.</summary>
public sealed class SearchAdminCommandTests
{
    [Fact]
    public async Task Index_rebuild_records_a_request_every_node_acts_on_and_exits_0()
    {
        var dataPath = TestPaths.NewTempFolder("index-rebuild");
        await using var command = await PortalProcess.StartAsync(dataPath, waitUntilReady: false, arguments: ["index", "rebuild"]);

        var exitCode = await command.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, command.Output);
        Assert.Contains("Every running portal server will rebuild its own index", command.Output, StringComparison.Ordinal);
        var request = Assert.Single(await command.QueryAsync("SELECT RequestedBy, Reason FROM SearchRebuildRequests"));
        Assert.Equal("command line", request["RequestedBy"]);
        Assert.Equal("Asked for from the command line.", request["Reason"]);
        TestPaths.DeleteQuietly(dataPath);
    }

    [Theory]
    [InlineData("index")]
    [InlineData("index", "rebiuld")]
    [InlineData("index", "rebuild", "now")]
    public async Task An_unknown_index_command_prints_the_usage_and_exits_2(params string[] arguments)
    {
        var dataPath = TestPaths.NewTempFolder("index-usage");
        await using var command = await PortalProcess.StartAsync(dataPath, waitUntilReady: false, arguments: arguments);

        var exitCode = await command.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 2, $"Exit code {exitCode}:\n{command.Output}");
        Assert.Contains("Usage: index rebuild", command.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dataPath, "portal.db")), "Nothing was written.");
        TestPaths.DeleteQuietly(dataPath);
    }

    [Fact]
    public async Task Index_rebuild_against_a_database_that_cannot_be_used_exits_1_with_one_clear_line()
    {
        var closedPort = ClosedPort();
        var settings = new Dictionary<string, string>
        {
            ["Portal:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = $"Host=127.0.0.1;Port={closedPort};Database=stem_portal;Username=stem_portal;Password=not-in-the-log",
        };
        var dataPath = TestPaths.NewTempFolder("index-rebuild-down");
        await using var command = await PortalProcess.StartAsync(dataPath, settings, waitUntilReady: false, arguments: ["index", "rebuild"]);

        var exitCode = await command.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 1, $"Exit code {exitCode}:\n{command.Output}");
        Assert.Contains($"the Postgres database cannot be used: Failed to connect to 127.0.0.1:{closedPort}", command.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", command.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not-in-the-log", command.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("will rebuild", command.Output, StringComparison.Ordinal);
        TestPaths.DeleteQuietly(dataPath);
    }

    /// <summary>A loopback port nobody listens on: asked of the system, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
