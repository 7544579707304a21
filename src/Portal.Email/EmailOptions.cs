using MimeKit;

namespace Portal.Email;

/// <summary>The mail server. Bound from "Portal:Smtp"; with no Host, mails go to the pickup folder.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. "STEM Portal &lt;no-reply@example.org&gt;"; its domain also names the Message-Ids.</summary>
    public string From { get; set; } = "STEM Portal <no-reply@localhost>";

    /// <summary>Where .eml files go when no Host is set; a relative path is under the data folder.</summary>
    public string PickupFolder { get; set; } = "mail-pickup";

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(Host);

    public MailboxAddress FromAddress => MailboxAddress.Parse(From);
}

public enum SmtpSecurity
{
    /// <summary>Plain SMTP, no TLS (a relay on the same host or network).</summary>
    None = 0,

    /// <summary>Connect in plain text, then STARTTLS is required (usually port 587).</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect = 2,
}

/// <summary>How the dispatcher works through the outbox. Bound from "Portal:Email".</summary>
public sealed class OutboxOptions
{
    /// <summary>Failed sends before a message becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How often the dispatcher looks for due messages when nobody signals it.</summary>
    public int PollSeconds { get; set; } = 10;

    /// <summary>Limit for connecting to the mail server and for each command, including sending one message.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Messages claimed and sent over one connection in one round.</summary>
    public int BatchSize { get; set; } = 20;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
