using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>The web tests that need PostgreSQL share one throw-away server; each test creates its own database.</summary>
[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;

/// <summary>The real portal on PostgreSQL: setup, sign-in, and several nodes on one database.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresPortalTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_portal_on_PostgreSQL_sets_itself_up_is_ready_and_the_administrator_signs_in()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var portal = await StartNodeAsync(database, setUp: true);
        using var client = portal.CreateClient();

        using var ready = await client.GetAsync("/health/ready");
        await client.SignInAsAdministratorAsync();
        using var admin = await client.GetAsync("/admin/site");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains(TestSite.SiteName, await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Site set up from configuration", portal.Output, StringComparison.Ordinal);
        await StopAsync(portal);
    }

    [Fact]
    public async Task Two_nodes_on_one_database_accept_each_others_cookies_and_antiforgery_tokens()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var nodeA = await StartNodeAsync(database, setUp: true);
        await using var nodeB = await StartNodeAsync(database, setUp: true);
        // One browser, its requests spread over both nodes by a load balancer.
        var cookies = new CookieContainer();
        using var toA = nodeA.CreateClient(cookies: cookies);
        using var toB = nodeB.CreateClient(cookies: cookies);

        await toA.SignInAsAdministratorAsync();
        using var adminOnB = await toB.GetAsync("/admin/site");
        Assert.Equal(HttpStatusCode.OK, adminOnB.StatusCode);
        Assert.Contains(TestSite.SiteName, await adminOnB.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A form served by node A, posted to node B: B must accept A's antiforgery token.
        var tokenFromA = await FormPosting.AntiforgeryTokenAsync(toA, "/admin/site");
        using var signOutOnB = await toB.PostAsync("/account/sign-out", new FormUrlEncodedContent([new("__RequestVerificationToken", tokenFromA)]));
        Assert.Equal(HttpStatusCode.Redirect, signOutOnB.StatusCode);
        using var adminOnA = await toA.GetAsync("/admin/site");
        Assert.Equal(HttpStatusCode.Redirect, adminOnA.StatusCode);
        Assert.DoesNotContain("Site set up from configuration", nodeB.Output, StringComparison.Ordinal);
        await StopAsync(nodeA);
        await StopAsync(nodeB);
    }

    [Fact]
    public async Task A_node_whose_database_has_gone_stays_alive_and_answers_not_ready()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var portal = await StartNodeAsync(database, setUp: false);
        using var client = portal.CreateClient();
        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        await postgres.Server.DropDatabaseAsync(database);

        // Longer than the site settings are cached (10 s): the probes must not depend on them.
        var until = DateTime.UtcNow.AddSeconds(12);
        do
        {
            using var ready = await client.GetAsync("/health/ready");
            using var live = await client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        while (DateTime.UtcNow < until);

        await StopAsync(portal);
    }

    private static Task<PortalProcess> StartNodeAsync(string connectionString, bool setUp)
    {
        var settings = new Dictionary<string, string>(setUp ? PortalSites.SetupSettings : new Dictionary<string, string>())
        {
            ["Portal:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = connectionString,
        };
        return PortalProcess.StartAsync(TestPaths.NewTempFolder("pg-node"), settings);
    }

    private static async Task StopAsync(PortalProcess portal)
    {
        await portal.StopAsync();
        TestPaths.DeleteQuietly(portal.DataPath);
    }
}

/// <summary>PostgreSQL settings that cannot work stop the start with a reason an operator can act on.</summary>
public sealed class PostgresStartupTests
{
    [Fact]
    public async Task Postgres_without_a_connection_string_stops_the_start_and_names_the_setting()
    {
        var output = await StartAndExpectFailureAsync(new Dictionary<string, string> { ["Portal:Database:Provider"] = "Postgres" });

        Assert.Contains("ConnectionStrings:Portal is required when Portal:Database:Provider is Postgres", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_server_that_does_not_answer_stops_the_start_with_one_clear_line()
    {
        var closedPort = ClosedPort();
        var settings = new Dictionary<string, string>
        {
            ["Portal:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = $"Host=127.0.0.1;Port={closedPort};Database=stem_portal;Username=stem_portal;Password=not-in-the-log",
        };

        foreach (var arguments in new[] { Array.Empty<string>(), ["migrate"] })
        {
            var output = await StartAndExpectFailureAsync(settings, arguments, expectedExitCode: 1);

            Assert.Contains($"the Postgres database cannot be used: Failed to connect to 127.0.0.1:{closedPort} (Connection refused)", output, StringComparison.Ordinal);
            Assert.Contains("Check ConnectionStrings:Portal", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
            Assert.DoesNotContain("not-in-the-log", output, StringComparison.Ordinal);
        }
    }

    private static async Task<string> StartAndExpectFailureAsync(
        IReadOnlyDictionary<string, string> settings, IReadOnlyList<string>? arguments = null, int? expectedExitCode = null)
    {
        var dataPath = TestPaths.NewTempFolder("pg-bad");
        await using var portal = await PortalProcess.StartAsync(dataPath, settings, waitUntilReady: false, arguments: arguments);

        var exitCode = await portal.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        if (expectedExitCode is { } expected)
        {
            Assert.True(expected == exitCode, $"Exit code {exitCode}, expected {expected}:\n{portal.Output}");
        }

        TestPaths.DeleteQuietly(dataPath);
        return portal.Output;
    }

    /// <summary>A loopback port nobody listens on: asked of the system, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
