namespace Portal.Email.Templates;

/// <summary>Turns an outbox message's JSON model into a mail. One per OutboxMessage.Template name.</summary>
public interface IEmailTemplate
{
    /// <summary>The name written into OutboxMessage.Template, e.g. "ConfirmEmail".</summary>
    string Name { get; }

    /// <exception cref="MailRefusedException">The model is missing, malformed or unsafe.</exception>
    RenderedMail Render(string modelJson, TemplateContext context);
}

/// <summary>What every template may use besides its model.</summary>
public sealed record TemplateContext(string SiteName)
{
    public static TemplateContext Default { get; } = new("STEM Portal");
}

/// <summary>A rendered mail: the recipient's display name for the To header, the subject and both bodies.</summary>
public sealed record RenderedMail(string RecipientName, string Subject, string TextBody, string HtmlBody);
