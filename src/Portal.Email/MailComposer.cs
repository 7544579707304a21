using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Data.SaveHook;
using Portal.Email.Templates;
using Portal.Email.Unsubscribe;

namespace Portal.Email;

/// <summary>
/// Turns an outbox row into a MIME message: the template's subject and bodies, the checked To
/// header, and a Message-Id made from the row id so that a retry is recognisably the same message.
/// A mail about a kind of notification (OutboxMessage.Kind) also gets a one-click unsubscribe link
/// for that person and kind, in its footer and in the List-Unsubscribe headers (RFC 2369, RFC 8058).
/// </summary>
public sealed class MailComposer(
    EmailTemplates templates, UnsubscribeTokens unsubscribe, IMailLinks links, IOptions<SmtpOptions> smtp, TimeProvider clock)
{
    /// <exception cref="MailRefusedException">The message can never be sent as it stands.</exception>
    public async Task<MimeMessage> ComposeAsync(OutboxMessage message, TemplateContext context)
    {
        context = context with { UnsubscribeUrl = UnsubscribeUrl(message) };
        var mail = await templates.RenderAsync(message.Template, message.Model, context);
        CheckHeaderValue(mail.RecipientName, "The recipient's display name");
        CheckHeaderValue(mail.Subject, "The subject");
        CheckHeaderValue(message.ToAddress, "The recipient's address");

        var from = smtp.Value.FromAddress;
        var mime = new MimeMessage
        {
            Subject = mail.Subject,
            Date = clock.GetUtcNow(),
            MessageId = MessageIdFor(message.Id, from),
            Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody(),
        };
        mime.From.Add(from);
        mime.To.Add(Recipient(mail.RecipientName, message.ToAddress));
        // RFC 3834: tells auto-responders (out of office) not to reply to a machine.
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        if (context.UnsubscribeUrl is { } url)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{url}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        return mime;
    }

    /// <summary>Only for a mail about a kind of notification to a known user, and only as an absolute http(s) address.</summary>
    private string? UnsubscribeUrl(OutboxMessage message)
    {
        if (string.IsNullOrEmpty(message.Kind) || string.IsNullOrEmpty(message.RecipientUserId))
        {
            return null;
        }

        var url = links.Absolute(UnsubscribeTokens.PathFor(unsubscribe.Create(message.RecipientUserId, message.Kind)));
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
    }

    public static string MessageIdFor(Guid outboxId, MailboxAddress from) => $"{outboxId}@{from.Domain}";

    /// <summary>
    /// A value from user input must not end the header line it is in: a CR or LF (or another
    /// control character) could start a new header such as Bcc. Such a message is refused, not cleaned.
    /// </summary>
    private static void CheckHeaderValue(string value, string what)
    {
        if (value.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
        {
            throw new MailRefusedException($"{what} contains a line break or another control character, which could add mail headers; not sent.");
        }
    }

    private static MailboxAddress Recipient(string name, string address)
    {
        if (!MailboxAddress.TryParse(address, out var parsed) || !string.IsNullOrEmpty(parsed.Name) || parsed.Domain.Length == 0)
        {
            throw new MailRefusedException("The recipient's address is not a valid email address; not sent.");
        }

        return new MailboxAddress(name, parsed.Address);
    }
}
