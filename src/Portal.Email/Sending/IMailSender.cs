using MimeKit;

namespace Portal.Email.Sending;

/// <summary>Where mails go: an SMTP server, or the pickup folder in development.</summary>
public interface IMailSender
{
    /// <summary>Opens one connection for a round of sends.</summary>
    Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken);
}

/// <summary>An open connection; a failed send other than a refusal leaves it unusable.</summary>
public interface IMailConnection : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
