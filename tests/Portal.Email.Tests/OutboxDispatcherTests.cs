using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Data.SaveHook;
using Portal.Email.Outbox;
using Portal.Email.Templates;
using Portal.Email.Templates.Account;
using Portal.Testing;

namespace Portal.Email.Tests;

/// <summary>The outbox dispatcher against a real SQLite file and a real SMTP server on loopback.</summary>
public class OutboxDispatcherTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_outbox_message_is_sent_once_with_its_recipient_subject_message_id_and_both_bodies()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await MailTestDatabase.CreateAsync(smtp.Port);
        var id = await database.AddConfirmEmailAsync("alice@example.org", "Alice Example");

        var handled = await database.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, handled);
        var received = Assert.Single(await smtp.WaitForMessagesAsync(1, Wait));
        var to = Assert.IsType<MailboxAddress>(Assert.Single(received.To));
        Assert.Equal("alice@example.org", to.Address);
        Assert.Equal("Alice Example", to.Name);
        Assert.Equal("no-reply@example.org", Assert.IsType<MailboxAddress>(Assert.Single(received.From)).Address);
        Assert.Equal("Confirm your email address for STEM Portal", received.Subject);
        Assert.Equal($"{id}@example.org", received.MessageId);
        Assert.Contains("https://portal.example.org/account/confirm?code=abc", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://portal.example.org/account/confirm?code=abc\"", received.HtmlBody, StringComparison.Ordinal);

        var row = await database.FindAsync(id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(MailTestDatabase.Start, row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LockedUntil);

        Assert.Equal(0, await database.Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Single(await smtp.ReadMessagesAsync());
    }

    [Fact]
    public async Task When_the_mail_server_is_down_the_message_waits_and_is_delivered_once_the_server_is_back_and_its_time_has_come()
    {
        var port = SmtpTestServer.FreePort();
        await using var database = await MailTestDatabase.CreateAsync(port);
        var id = await database.AddConfirmEmailAsync();

        Assert.Equal(1, await database.Dispatcher.DispatchDueAsync(CancellationToken.None));

        var waiting = await database.FindAsync(id);
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.StartsWith("Could not reach the mail server", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(MailTestDatabase.Start.AddSeconds(30), waiting.NextAttemptAt);
        Assert.Null(waiting.LockedUntil);

        await using var smtp = await SmtpTestServer.StartAsync(port);
        Assert.Equal(0, await database.Dispatcher.DispatchDueAsync(CancellationToken.None)); // not due yet

        database.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await database.Dispatcher.DispatchDueAsync(CancellationToken.None));

        var received = Assert.Single(await smtp.WaitForMessagesAsync(1, Wait));
        Assert.Equal($"{id}@example.org", received.MessageId);
        var sent = await database.FindAsync(id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_waits_longer_each_time_and_becomes_a_dead_letter_after_the_last_attempt()
    {
        await using var database = await MailTestDatabase.CreateAsync(SmtpTestServer.FreePort(),
            new Dictionary<string, string?> { ["Portal:Email:MaxAttempts"] = "3" });
        var id = await database.AddConfirmEmailAsync();

        Assert.Equal(1, await database.Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(database.Clock.GetUtcNow().AddSeconds(30), (await database.FindAsync(id)).NextAttemptAt);
        database.Clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(1, await database.Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(database.Clock.GetUtcNow().AddSeconds(60), (await database.FindAsync(id)).NextAttemptAt);
        database.Clock.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(1, await database.Dispatcher.DispatchDueAsync(CancellationToken.None));
        var dead = await database.FindAsync(id);
        Assert.Equal(OutboxStatus.DeadLetter, dead.Status);
        Assert.Equal(3, dead.Attempts);
        Assert.NotNull(dead.LastError);

        database.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await database.Dispatcher.DispatchDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_display_name_with_a_line_break_is_refused_as_a_dead_letter_and_never_sent()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await MailTestDatabase.CreateAsync(smtp.Port);
        var injected = await database.AddConfirmEmailAsync("alice@example.org", "Alice\r\nBcc: everyone@example.org");
        var fine = await database.AddConfirmEmailAsync("bob@example.org", "Bob Example");

        Assert.Equal(2, await database.Dispatcher.DispatchDueAsync(CancellationToken.None));

        var refused = await database.FindAsync(injected);
        Assert.Equal(OutboxStatus.DeadLetter, refused.Status);
        Assert.Equal(0, refused.Attempts);
        Assert.Contains("display name contains a line break", refused.LastError, StringComparison.Ordinal);
        var received = Assert.Single(await smtp.WaitForMessagesAsync(1, Wait));
        Assert.Equal($"{fine}@example.org", received.MessageId);
        Assert.DoesNotContain(received.Headers, h => h.Field == "Bcc");
    }

    [Fact]
    public async Task A_subject_built_from_a_name_with_a_line_break_is_refused_as_a_dead_letter()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await MailTestDatabase.CreateAsync(smtp.Port);
        var id = await database.AddMailAsync("coordinator@example.org", AccountAwaitingApprovalTemplate.TemplateName,
            EmailModelJson.Serialize(new AccountAwaitingApprovalModel(
                "Priya Raman", "Mallory\nBcc: everyone@example.org", "mallory@example.com", "Example Ltd", "https://portal.example.org/admin/users")));

        Assert.Equal(1, await database.Dispatcher.DispatchDueAsync(CancellationToken.None));

        var refused = await database.FindAsync(id);
        Assert.Equal(OutboxStatus.DeadLetter, refused.Status);
        Assert.StartsWith("The subject contains a line break", refused.LastError, StringComparison.Ordinal);
        Assert.Empty(await smtp.ReadMessagesAsync());
    }

    [Fact]
    public async Task An_unknown_template_is_a_dead_letter()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await MailTestDatabase.CreateAsync(smtp.Port);
        var id = await database.AddMailAsync("alice@example.org", "NoSuchTemplate", "{}");

        Assert.Equal(1, await database.Dispatcher.DispatchDueAsync(CancellationToken.None));

        var dead = await database.FindAsync(id);
        Assert.Equal(OutboxStatus.DeadLetter, dead.Status);
        Assert.Equal("Unknown template \"NoSuchTemplate\".", dead.LastError);
        Assert.Empty(await smtp.ReadMessagesAsync());
    }

    [Fact]
    public async Task A_model_without_a_required_value_is_a_dead_letter()
    {
        await using var database = await MailTestDatabase.CreateAsync(smtpPort: null);
        var id = await database.AddMailAsync("alice@example.org", ConfirmEmailTemplate.TemplateName, """{"displayName":"Alice"}""");

        Assert.Equal(1, await database.Dispatcher.DispatchDueAsync(CancellationToken.None));

        var dead = await database.FindAsync(id);
        Assert.Equal(OutboxStatus.DeadLetter, dead.Status);
        Assert.StartsWith("The model for template ConfirmEmail is not valid", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_host_the_message_is_written_as_an_eml_file_to_the_pickup_folder()
    {
        await using var database = await MailTestDatabase.CreateAsync(smtpPort: null);
        var id = await database.AddConfirmEmailAsync("alice@example.org", "Alice Example");

        Assert.Equal(1, await database.Dispatcher.DispatchDueAsync(CancellationToken.None));

        var file = Path.Combine(database.DataPath, "mail-pickup", $"{id}.eml");
        Assert.True(File.Exists(file), $"{file} was not written.");
        var written = await MimeMessage.LoadAsync(file);
        Assert.Equal("alice@example.org", Assert.IsType<MailboxAddress>(Assert.Single(written.To)).Address);
        Assert.Equal("Confirm your email address for STEM Portal", written.Subject);
        Assert.NotNull(written.TextBody);
        Assert.NotNull(written.HtmlBody);
        Assert.Equal(OutboxStatus.Sent, (await database.FindAsync(id)).Status);
    }

    [Fact]
    public async Task Two_dispatchers_working_at_the_same_time_send_each_message_exactly_once()
    {
        const int count = 30;
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await MailTestDatabase.CreateAsync(smtp.Port,
            new Dictionary<string, string?> { ["Portal:Email:BatchSize"] = "4" });
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await database.AddConfirmEmailAsync($"user{i}@example.org", $"User {i}"));
        }

        var first = database.NewDispatcher();
        var second = database.NewDispatcher();
        var handled = await Task.WhenAll(DrainAsync(first), DrainAsync(second));

        Assert.Equal(count, handled.Sum());
        var received = await smtp.WaitForMessagesAsync(count, Wait);
        Assert.Equal(count, received.Count);
        Assert.Equal(ids.Select(id => $"{id}@example.org").Order(), received.Select(m => m.MessageId).Order());
        Assert.All(await database.AllAsync(), m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.Equal(1, m.Attempts);
        });
    }

    [Fact]
    public async Task A_server_that_accepts_the_connection_and_then_says_nothing_times_out_and_the_message_waits()
    {
        // The kernel completes the TCP handshake from the listen backlog; nothing ever answers.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var database = await MailTestDatabase.CreateAsync(port,
            new Dictionary<string, string?> { ["Portal:Email:TimeoutSeconds"] = "1" });
        var id = await database.AddConfirmEmailAsync();

        var stopwatch = Stopwatch.StartNew();
        Assert.Equal(1, await database.Dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"Took {stopwatch.Elapsed}.");
        var waiting = await database.FindAsync(id);
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.Contains("timed out", waiting.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_running_dispatcher_sends_at_once_when_signalled_without_waiting_for_its_poll()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await MailTestDatabase.CreateAsync(smtp.Port,
            new Dictionary<string, string?> { ["Portal:Email:PollSeconds"] = "3600" });
        var dispatcher = database.Dispatcher;
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            var id = await database.AddConfirmEmailAsync();
            database.Services.GetRequiredService<OutboxSignal>().Notify();

            var received = Assert.Single(await smtp.WaitForMessagesAsync(1, Wait));
            Assert.Equal($"{id}@example.org", received.MessageId);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<int> DrainAsync(OutboxDispatcher dispatcher)
    {
        var total = 0;
        int handled;
        while ((handled = await dispatcher.DispatchDueAsync(CancellationToken.None)) > 0)
        {
            total += handled;
        }

        return total;
    }
}
