using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Data.SaveHook;
using Portal.Email.Templates;

namespace Portal.Email;

/// <summary>
/// Turns an outbox row into a MIME message: the template's subject and bodies, the checked To
/// header, and a Message-Id made from the row id so that a retry is recognisably the same message.
/// </summary>
public sealed class MailComposer(EmailTemplates templates, IOptions<SmtpOptions> smtp, TimeProvider clock)
{
    /// <exception cref="MailRefusedException">The message can never be sent as it stands.</exception>
    public MimeMessage Compose(OutboxMessage message, TemplateContext context)
    {
        var mail = templates.Render(message.Template, message.Model, context);
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
        return mime;
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
