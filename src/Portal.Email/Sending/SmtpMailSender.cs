using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Email.Sending;

/// <summary>Sends over SMTP with MailKit. Connecting and every command are limited by Portal:Email:TimeoutSeconds.</summary>
public sealed class SmtpMailSender(IOptions<SmtpOptions> smtp, IOptions<OutboxOptions> outbox) : IMailSender
{
    public async Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var options = smtp.Value;
        var timeout = outbox.Value.Timeout;
        var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            var host = options.Host ?? throw new InvalidOperationException("Portal:Smtp:Host is not set.");
            await WithTimeout(timeout, "connecting to the mail server",
                token => client.ConnectAsync(host, options.Port, SocketOptions(options.Security), token), cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await WithTimeout(timeout, "signing in to the mail server",
                    token => client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, token), cancellationToken);
            }

            return new Connection(client, timeout);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    /// <summary>
    /// MailKit's Timeout covers each read and write; this also bounds the whole operation, for a
    /// server that trickles bytes. A timeout becomes a TimeoutException so that it is told apart
    /// from the host shutting down.
    /// </summary>
    private static async Task WithTimeout(TimeSpan timeout, string doing, Func<CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await operation(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s {doing}.");
        }
    }

    private sealed class Connection(SmtpClient client, TimeSpan timeout) : IMailConnection
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
            WithTimeout(timeout, "sending a message", token => client.SendAsync(message, token), cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    using var limit = new CancellationTokenSource(timeout);
                    await client.DisconnectAsync(quit: true, limit.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or MailKit.ProtocolException or MailKit.CommandException)
            {
                // Saying goodbye is a courtesy; the messages are already accepted or recorded as failed.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
