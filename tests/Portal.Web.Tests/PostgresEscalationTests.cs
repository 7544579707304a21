using Npgsql;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>
/// Coordination on PostgreSQL: two portal nodes escalating the same request at the same moment
/// escalate it once, with one audit event and one notification per coordinator; and the
/// coordinator's pages run their queries there as on SQLite.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresEscalationTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Two_nodes_escalating_the_same_request_at_once_escalate_it_once()
    {
        // Long enough for a node's blocked update to wait while the other node starts.
        var database = new NpgsqlConnectionStringBuilder(await postgres.Server.CreateDatabaseAsync()) { CommandTimeout = 180 }.ConnectionString;
        await using (var setUp = await StartNodeAsync(database, PortalSites.SetupSettings))
        {
            await StopAsync(setUp);
        }

        var request = RecipeRequest("frailty-exercise-falls");
        await using var test = new NpgsqlConnection(database);
        await test.OpenAsync();
        await ExecuteAsync(test, "UPDATE \"EvidenceRequests\" SET \"SubmittedAt\" = now() - interval '30 days' WHERE \"Id\" = @id", request);

        // Hold the row, so both nodes read it, flag it and then wait at their conditional update.
        await using var hold = await test.BeginTransactionAsync();
        await ExecuteAsync(test, "SELECT 1 FROM \"EvidenceRequests\" WHERE \"Id\" = @id FOR UPDATE", request);
        var settings = new Dictionary<string, string>
        {
            ["Portal:Coordination:EscalationInterval"] = "00:00:01",
            ["Portal:Coordination:UnclaimedAfterDays"] = "5",
            ["Logging:LogLevel:Portal.Web.Features.Coordination"] = "Debug",
        };
        await using var nodeA = await StartNodeAsync(database, settings);
        await using var nodeB = await StartNodeAsync(database, settings);
        await using (var watcher = new NpgsqlConnection(database))
        {
            await watcher.OpenAsync();
            await WaitForAsync(async () => await CountAsync(watcher,
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE \"EvidenceRequests\"%'") == 2,
                "both nodes waiting to save the escalation", nodeA, nodeB);
        }

        await hold.RollbackAsync();
        await using var reader = new NpgsqlConnection(database);
        await reader.OpenAsync();
        await WaitForAsync(async () => await AuditCountAsync(reader, request) > 0, "the escalation saved", nodeA, nodeB);
        await WaitForAsync(() => Task.FromResult(Skipped(nodeA, request) || Skipped(nodeB, request)), "the losing node to skip the request", nodeA, nodeB);
        await Task.Delay(TimeSpan.FromSeconds(3)); // more rounds on both nodes: none may escalate it again

        Assert.Equal(1, await AuditCountAsync(reader, request));
        Assert.True(Skipped(nodeA, request) ^ Skipped(nodeB, request), "exactly one node lost the race and skipped the request");
        var coordinators = await CountAsync(reader, """
            SELECT COUNT(*) FROM "AspNetUsers" u JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id" JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
            WHERE r."Name" = 'Coordinator'
            """);
        Assert.Equal(2, coordinators);
        // One notification for each coordinator: as many as there are coordinators, each to a different one.
        // (Librarians matched when the recipe submitted the request were told too; those are not escalations.)
        var toCoordinators = $"""
            FROM "Notifications" n WHERE n."Link" = '/requests/{request}' AND n."UserId" IN (
                SELECT ur."UserId" FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE r."Name" = 'Coordinator')
            """;
        Assert.Equal(coordinators, await CountAsync(reader, "SELECT COUNT(*) " + toCoordinators));
        Assert.Equal(coordinators, await CountAsync(reader, "SELECT COUNT(DISTINCT n.\"UserId\") " + toCoordinators));
        // The overdue request in the recipe raced without a lock: once as well.
        Assert.Equal(1, await AuditCountAsync(reader, RecipeRequest("frailty-efi-accuracy")));
        Assert.DoesNotContain("fail:", nodeA.Output + nodeB.Output, StringComparison.Ordinal);
        await StopAsync(nodeA);
        await StopAsync(nodeB);
    }

    /// <summary>Whether the node logged (at debug) that it lost the race for this request and skipped it.</summary>
    [Fact]
    public async Task The_pipeline_capacity_view_and_activity_report_work_on_PostgreSQL()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var node = await StartNodeAsync(database, PortalSites.SetupSettings);
        using var admin = node.CreateClient();
        await admin.SignInAsAdministratorAsync();

        using var board = await admin.GetAsync("/coordination");
        using var librarians = await admin.GetAsync("/coordination/librarians");
        using var report = await admin.GetAsync("/coordination/activity");
        using var csv = await admin.GetAsync("/coordination/activity.csv?System=E54000050");
        var boardHtml = await board.Content.ReadAsStringAsync();
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(System.Net.HttpStatusCode.OK, board.StatusCode);
        Assert.Contains(RecipeRequest("frailty-efi-accuracy").ToString(), Section(boardHtml, "overdue"), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, librarians.StatusCode);
        Assert.Contains("Lena Hartley", await librarians.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("data-row=\"total\"", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, csv.StatusCode);
        Assert.True(lines.Length >= 2, string.Join("\n", lines));
        Assert.Contains(",All services,", lines[^1], StringComparison.Ordinal);
        await StopAsync(node);
    }

    private static string Section(string html, string id) => CoordinationSite.Section(html, id);

    private static bool Skipped(PortalProcess node, Guid request) =>
        node.Output.Contains($"Request {request} changed while it was being escalated", StringComparison.Ordinal);

    private static Task<PortalProcess> StartNodeAsync(string connectionString, IReadOnlyDictionary<string, string> settings) =>
        PortalProcess.StartAsync(TestPaths.NewTempFolder("pg-escalation"), new Dictionary<string, string>(settings)
        {
            ["Portal:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = connectionString,
        });

    private static async Task StopAsync(PortalProcess node)
    {
        await node.StopAsync();
        TestPaths.DeleteQuietly(node.DataPath);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, params PortalProcess[] nodes)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Waited {Patience} for {what}:\n{string.Join("\n---\n", nodes.Select(n => n.Output))}");
            await Task.Delay(200);
        }
    }

    private static async Task<int> AuditCountAsync(NpgsqlConnection connection, Guid request) =>
        await CountAsync(connection, $"SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"SubjectId\" = '{request}' AND \"EventType\" = 'RequestEscalated'");

    private static async Task<int> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync() ?? 0, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, Guid id)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }
}
