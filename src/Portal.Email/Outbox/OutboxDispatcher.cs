using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.SaveHook;
using Portal.Email.Sending;
using Portal.Email.Templates;

namespace Portal.Email.Outbox;

/// <summary>
/// Sends the outbox. Every PollSeconds, or at once when signalled, it claims the due messages,
/// sends them over one connection and records each outcome: sent, a retry later with back-off,
/// or a dead letter. Nothing it meets stops the host; a failed round is logged and tried again.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailSender sender,
    MailComposer composer,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    IOptions<SmtpOptions> smtp,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (smtp.Value.UsesPickupFolder)
        {
            logger.LogWarning("Portal:Smtp:Host is not set: mails are written to {PickupFolder} and not sent.", smtp.Value.PickupFolder);
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    // A full batch suggests more are due: go round again before waiting.
                    while (await DispatchDueAsync(stoppingToken) >= settings.BatchSize)
                    {
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Sending the outbox failed; trying again in {PollSeconds} s.", settings.PollSeconds);
                }

                await signal.WaitAsync(TimeSpan.FromSeconds(settings.PollSeconds), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One round: claims the due messages, sends them and records the outcomes. Returns how many it handled.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        // Long enough to connect, send the whole batch and say goodbye, each within its timeout.
        var until = now + settings.Timeout * (settings.BatchSize + 2);
        var claimed = await OutboxClaims.ClaimAsync(db, now, until, settings.BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var handled = 0;
        try
        {
            var context = await TemplateContextAsync(db, cancellationToken);
            await using var round = new MailRound(sender);
            foreach (var message in claimed)
            {
                await SendAsync(message, round, context, settings, cancellationToken);
                // Saved whatever happens to the caller's token: a sent message must be recorded as sent.
                await db.SaveChangesAsync(CancellationToken.None);
                handled++;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(db, claimed.Skip(handled));
            throw;
        }

        return handled;
    }

    private async Task SendAsync(
        OutboxMessage message, MailRound round, TemplateContext context, OutboxOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            await round.SendAsync(await composer.ComposeAsync(message, context), cancellationToken);
            message.Sent(clock.GetUtcNow());
            logger.LogInformation("Sent outbox message {MessageId} ({Template}).", message.Id, message.Template);
        }
        catch (MailRefusedException e)
        {
            Refuse(message, e.Message);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500
            && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            Refuse(message, $"The mail server refused the message for good: {(int)e.StatusCode} {e.Message}");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            message.Failed(Describe(e), clock.GetUtcNow(), settings.MaxAttempts);
            if (message.Status == OutboxStatus.DeadLetter)
            {
                logger.LogError("Outbox message {MessageId} ({Template}) failed {Attempts} times and is now a dead letter: {Error}",
                    message.Id, message.Template, message.Attempts, message.LastError);
            }
            else
            {
                logger.LogWarning("Outbox message {MessageId} ({Template}) failed (attempt {Attempts}); next try at {NextAttemptAt:u}: {Error}",
                    message.Id, message.Template, message.Attempts, message.NextAttemptAt, message.LastError);
            }
        }
    }

    private void Refuse(OutboxMessage message, string reason)
    {
        message.Refused(reason);
        logger.LogError("Outbox message {MessageId} ({Template}) was refused and is now a dead letter: {Error}",
            message.Id, message.Template, message.LastError);
    }

    /// <summary>A short reason for LastError: what went wrong, never the credentials.</summary>
    private static string Describe(Exception e) => e switch
    {
        TimeoutException => e.Message,
        SocketException socket => $"Could not reach the mail server: {socket.Message}",
        AuthenticationException => "The mail server did not accept the user name and password.",
        SslHandshakeException => "The TLS handshake with the mail server failed.",
        SmtpCommandException command => $"The mail server refused the message: {(int)command.StatusCode} {command.Message}",
        SmtpProtocolException or ServiceNotConnectedException or IOException => $"The connection to the mail server failed: {e.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static async Task<TemplateContext> TemplateContextAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.SiteSettings.AsNoTracking().Select(s => new TemplateContext(s.SiteName, s.Theme)).FirstOrDefaultAsync(cancellationToken)
            ?? TemplateContext.Default;

    /// <summary>On shutdown, hands back the messages this round did not reach, so the next start need not wait for the claim to run out.</summary>
    private async Task ReleaseAsync(PortalDbContext db, IEnumerable<OutboxMessage> untouched)
    {
        try
        {
            foreach (var message in untouched)
            {
                message.LockedUntil = null;
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not release claimed outbox messages; they become due again when the claim runs out.");
        }
    }
}
