using System.Globalization;
using Npgsql;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>Weekly digests on PostgreSQL: two portal nodes sending the same person's digest at the same moment send it once.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresDigestTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Two_nodes_sending_the_same_digest_at_once_send_it_once()
    {
        var database = new NpgsqlConnectionStringBuilder(await postgres.Server.CreateDatabaseAsync()) { CommandTimeout = 180 }.ConnectionString;
        await using (var setUp = await StartNodeAsync(database, PortalSites.SetupSettings))
        {
            await StopAsync(setUp);
        }

        await using var test = new NpgsqlConnection(database);
        await test.OpenAsync();
        var lena = (string)(await ScalarAsync(test, """SELECT "Id" FROM "AspNetUsers" WHERE "NormalizedEmail" = 'LENA.HARTLEY@EXAMPLE.ORG'"""))!;
        await ExecuteAsync(test, """INSERT INTO "DigestStates" ("UserId", "LastSentAt", "Version") VALUES (@user, NULL, 0)""", lena);
        await ExecuteAsync(test, """
            INSERT INTO "Notifications" ("UserId", "CreatedAt", "Text", "Link", "Kind", "ForDigest")
            VALUES (@user, now(), 'Helen Armstrong sent a message about the raced request.', '/requests/raced', 'RequestMessage', TRUE)
            """, lena);

        // Hold Lena's digest state, so both nodes build her digest and then wait at their conditional update.
        await using var hold = await test.BeginTransactionAsync();
        await ExecuteAsync(test, """SELECT 1 FROM "DigestStates" WHERE "UserId" = @user FOR UPDATE""", lena);
        var settings = new Dictionary<string, string>
        {
            ["Portal:Digest:CheckInterval"] = "00:00:01",
            ["Portal:Digest:DayOfWeek"] = DateTime.UtcNow.DayOfWeek.ToString(),
            ["Portal:Digest:Hour"] = "0",
            ["Logging:LogLevel:Portal.Web.Features.Digest"] = "Debug",
        };
        await using var nodeA = await StartNodeAsync(database, settings);
        await using var nodeB = await StartNodeAsync(database, settings);
        await using (var watcher = new NpgsqlConnection(database))
        {
            await watcher.OpenAsync();
            await WaitForAsync(async () => Convert.ToInt32(await ScalarAsync(watcher,
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"), CultureInfo.InvariantCulture) == 2,
                "both nodes waiting to save Lena's digest", nodeA, nodeB);
        }

        await hold.RollbackAsync();
        await using var reader = new NpgsqlConnection(database);
        await reader.OpenAsync();
        await WaitForAsync(async () => Skipped(nodeA, lena) || Skipped(nodeB, lena), "the losing node to skip Lena's digest", nodeA, nodeB);
        await Task.Delay(TimeSpan.FromSeconds(3)); // more rounds on both nodes: none may send it again

        Assert.Equal(1L, await ScalarAsync(reader, """SELECT COUNT(*) FROM "OutboxMessages" WHERE "Template" = 'WeeklyDigest' AND "RecipientUserId" = @user""", lena));
        Assert.Equal(1, await ScalarAsync(reader, """SELECT "Version" FROM "DigestStates" WHERE "UserId" = @user""", lena));
        Assert.True(Skipped(nodeA, lena) ^ Skipped(nodeB, lena), "exactly one node lost the race for Lena's digest");
        // Everyone else raced without a lock (both nodes inserting their first state): still at most one digest each.
        Assert.Equal(0L, await ScalarAsync(reader, """
            SELECT COUNT(*) FROM (SELECT "RecipientUserId" FROM "OutboxMessages" WHERE "Template" = 'WeeklyDigest' GROUP BY "RecipientUserId" HAVING COUNT(*) > 1) twice
            """));
        Assert.Equal(await ScalarAsync(reader, """SELECT COUNT(*) FROM "AspNetUsers" WHERE "EmailConfirmed" AND "ApprovedAt" IS NOT NULL AND "DeactivatedAt" IS NULL"""),
            await ScalarAsync(reader, """SELECT COUNT(*) FROM "DigestStates" WHERE "LastSentAt" IS NOT NULL"""));
        Assert.DoesNotContain("fail:", nodeA.Output + nodeB.Output, StringComparison.Ordinal);
        await StopAsync(nodeA);
        await StopAsync(nodeB);
    }

    private static bool Skipped(PortalProcess node, string userId) =>
        node.Output.Contains($"The digest of user {userId} was sent by another node", StringComparison.Ordinal);

    private static Task<PortalProcess> StartNodeAsync(string connectionString, IReadOnlyDictionary<string, string> settings) =>
        PortalProcess.StartAsync(TestPaths.NewTempFolder("pg-digest"), new Dictionary<string, string>(settings)
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

    private static Task WaitForAsync(Func<bool> condition, string what, params PortalProcess[] nodes) =>
        WaitForAsync(() => Task.FromResult(condition()), what, nodes);

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, string? user = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (user is not null)
        {
            command.Parameters.AddWithValue("user", user);
        }

        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, string user)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("user", user);
        await command.ExecuteNonQueryAsync();
    }
}
