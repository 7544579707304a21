using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>
/// The running portal against a real SMTP server on loopback that goes away: while it is down
/// nobody notices but the outbox, and a portal killed in the middle of sending loses nothing.
/// (The dispatcher's own retries, timeouts and two dispatchers are in Portal.Email.Tests.)
/// </summary>
public sealed class MailResilienceTests
{
    private const string From = "STEM Club Test <no-reply@example.org>";

    [Fact]
    public async Task With_the_mail_server_down_200_messages_are_all_posted_and_each_mail_arrives_once_when_it_is_back()
    {
        const int count = 200;
        var port = SmtpTestServer.FreePort();
        await using var portal = await PortalSites.StartSetUpSiteAsync(Settings(port));
        var request = await portal.SubmittedRequestAsync("Does chair-based exercise keep care home residents on their feet?");
        using var lena = await portal.ApiAsAsync(TestSite.LibrarianEmail);
        using (var claimed = await lena.PostAsync($"/api/v1/requests/{request}/claim", null))
        {
            Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        }

        using var helen = await portal.ApiAsAsync(Helen);
        for (var i = 1; i <= count; i++)
        {
            using var posted = await helen.PostAsJsonAsync($"/api/v1/requests/{request}/messages", new { body = $"Note {i} on the search." });
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        // Every action succeeded and every mail waits in the outbox: none could be sent.
        var waiting = await portal.ScalarAsync<int>(
            "SELECT COUNT(*) FROM OutboxMessages WHERE Kind = 'RequestMessage' AND ToAddress = $to AND Status = 'Pending'", ("$to", TestSite.LibrarianEmail));
        await using var smtp = await SmtpTestServer.StartAsync(port);
        // The first retry comes 30 s after the failed attempt.
        var arrived = await WaitForAsync(smtp, m => IsMessageNotice(m), count, TimeSpan.FromSeconds(90), portal);
        await Task.Delay(TimeSpan.FromSeconds(2)); // more rounds: none may be sent again
        var all = (await smtp.ReadMessagesAsync()).Where(IsMessageNotice).ToList();

        Assert.Equal(count, waiting);
        Assert.Equal(count, all.Count);
        Assert.Equal(count, all.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, m => Assert.Equal(TestSite.LibrarianEmail, Assert.Single(m.To.Mailboxes).Address));
        Assert.Equal(count, arrived.Count);
        var unsent = await portal.QueryAsync("SELECT ToAddress, Status, Attempts, LastError FROM OutboxMessages WHERE Status <> 'Sent' AND Kind = 'RequestMessage' AND ToAddress = $to", ("$to", TestSite.LibrarianEmail));
        Assert.True(unsent.Count == 0, string.Join("\n", unsent.Select(r => string.Join(", ", r.Values))));
        TestPaths.DeleteQuietly(portal.DataPath);
    }

    [Fact]
    public async Task A_portal_killed_while_sending_loses_nothing_and_does_not_resend_what_it_recorded_as_sent()
    {
        const int count = 600;
        await using var smtp = await SmtpTestServer.StartAsync();
        var settings = Settings(smtp.Port);
        var portal = await PortalSites.StartSetUpSiteAsync(settings);
        var dataPath = portal.DataPath;
        try
        {
            await QueueAsync(portal, count);
            await WaitForAsync(smtp, IsBulk, 60, TimeSpan.FromSeconds(30), portal);
            await portal.KillAsync();
            var beforeRestart = (await smtp.ReadMessagesAsync()).Where(IsBulk).ToList();
            var recordedSent = (await portal.QueryAsync("SELECT Id FROM OutboxMessages WHERE Template = 'Notification' AND Status = 'Sent' AND Model LIKE '%bulk notice%'"))
                .Select(r => MessageIdFor((string)r["Id"]!)).ToHashSet(StringComparer.Ordinal);
            await portal.DisposeAsync();

            Assert.True(beforeRestart.Count < count, "the portal was killed while it was still sending");
            portal = await PortalProcess.StartAsync(dataPath, settings);
            // The killed node's claim on its last batch runs out after TimeoutSeconds × (BatchSize + 2) = 12 s.
            await WaitForAsync(smtp, IsBulk, count, TimeSpan.FromSeconds(60), portal, distinct: true);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var all = (await smtp.ReadMessagesAsync()).Where(IsBulk).ToList();
            var perId = all.GroupBy(m => m.MessageId ?? string.Empty, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

            Assert.Equal(count, perId.Count);
            Assert.NotEmpty(recordedSent);
            Assert.All(recordedSent, id => Assert.Equal(1, perId.GetValueOrDefault(id)));
            // Only a message the server accepted in the instant before the kill, before it was recorded, may come again, with the same Message-Id.
            Assert.True(all.Count <= count + 1, $"{all.Count - count} messages were sent twice");
            Assert.Equal(count, await portal.ScalarAsync<int>("SELECT COUNT(*) FROM OutboxMessages WHERE Template = 'Notification' AND Status = 'Sent' AND Model LIKE '%bulk notice%'"));
        }
        finally
        {
            await portal.DisposeAsync();
            TestPaths.DeleteQuietly(dataPath);
        }
    }

    private static Dictionary<string, string> Settings(int smtpPort) => new()
    {
        ["Portal:Smtp:Host"] = "127.0.0.1",
        ["Portal:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Portal:Smtp:From"] = From,
        ["Portal:Email:PollSeconds"] = "1",
        ["Portal:Email:TimeoutSeconds"] = "1",
        ["Portal:Email:BatchSize"] = "10",
        ["Portal:Api:TokenRequestsPerMinute"] = "1000",
    };

    private static bool IsMessageNotice(MimeMessage message) =>
        message.Subject == $"{TestSite.SiteName}: Helen Armstrong sent a message about the evidence request.";

    private static bool IsBulk(MimeMessage message) => (message.Subject ?? string.Empty).StartsWith($"{TestSite.SiteName}: bulk notice", StringComparison.Ordinal);

    private static string MessageIdFor(string outboxId) => $"{outboxId.ToLowerInvariant()}@example.org";

    /// <summary>Queues notification mails as a save would, all due at once: the dispatcher works through them in batches.</summary>
    private static async Task QueueAsync(PortalProcess portal, int count)
    {
        var now = DateTimeOffset.UtcNow.UtcTicks;
        var values = string.Join(",\n", Enumerable.Range(1, count).Select(i =>
        {
            var model = JsonSerializer.Serialize(new { displayName = "Claire Robson", kind = "RequestMessage", text = $"bulk notice {i}", url = (string?)null, preferencesUrl = "http://127.0.0.1/account/notifications" });
            return $"('{Guid.NewGuid().ToString().ToUpperInvariant()}', {now}, NULL, '{TestSite.MemberEmail}', 'Notification', 'RequestMessage', '{model}', 'Pending', 0, {now})";
        }));
        await portal.ExecuteAsync($"""
            INSERT INTO OutboxMessages (Id, CreatedAt, RecipientUserId, ToAddress, Template, Kind, Model, Status, Attempts, NextAttemptAt)
            VALUES {values}
            """);
    }

    private static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(
        SmtpTestServer smtp, Func<MimeMessage, bool> which, int count, TimeSpan patience, PortalProcess portal, bool distinct = false)
    {
        var until = DateTime.UtcNow + patience;
        while (true)
        {
            var found = (await smtp.ReadMessagesAsync()).Where(which).ToList();
            var seen = distinct ? found.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count() : found.Count;
            if (seen >= count)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < until, $"{seen} of {count} mails arrived in {patience}.\n{portal.Output}\n{smtp.Output}");
            await Task.Delay(distinct ? 200 : 20);
        }
    }
}
