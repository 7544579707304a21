using System.Runtime.ExceptionServices;
using MailKit.Net.Smtp;
using MimeKit;

namespace Portal.Email.Sending;

/// <summary>
/// One connection for one round of messages, opened for the first message that needs it. Once the
/// server cannot be reached, or the connection breaks, the rest of the round fails the same way
/// without trying again: they wait for their next attempt instead of each waiting for a timeout.
/// A refusal of one message (an SMTP error reply) leaves the connection usable.
/// </summary>
internal sealed class MailRound(IMailSender sender) : IAsyncDisposable
{
    private IMailConnection? _connection;
    private ExceptionDispatchInfo? _broken;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        _broken?.Throw();
        try
        {
            _connection ??= await sender.ConnectAsync(cancellationToken);
            await _connection.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not SmtpCommandException && !cancellationToken.IsCancellationRequested)
        {
            _broken = ExceptionDispatchInfo.Capture(e);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _connection?.DisposeAsync() ?? ValueTask.CompletedTask;
}
