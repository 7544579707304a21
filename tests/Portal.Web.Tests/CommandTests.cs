using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>Commands the portal runs instead of serving.</summary>
public sealed class CommandTests
{
    [Fact]
    public async Task The_migrate_command_creates_the_database_and_exits_and_the_portal_is_then_ready()
    {
        var dataPath = TestPaths.NewTempFolder("migrate");
        await using (var command = await PortalProcess.StartAsync(dataPath, waitUntilReady: false, arguments: ["migrate"]))
        {
            var exitCode = await command.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(exitCode == 0, command.Output);
            Assert.Contains("The database is up to date.", command.Output, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(dataPath, "portal.db")));
        await using var portal = await PortalProcess.StartAsync(dataPath);
        using var client = portal.CreateClient();
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        TestPaths.DeleteQuietly(dataPath);
    }
}
