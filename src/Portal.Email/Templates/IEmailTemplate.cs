using Portal.Core.Site;

namespace Portal.Email.Templates;

/// <summary>Turns an outbox message's JSON model into a mail. One per OutboxMessage.Template name.</summary>
public interface IEmailTemplate
{
    /// <summary>The name written into OutboxMessage.Template, e.g. "ConfirmEmail".</summary>
    string Name { get; }

    /// <exception cref="MailRefusedException">The model is missing, malformed or unsafe.</exception>
    Task<RenderedMail> RenderAsync(string modelJson, TemplateContext context);
}

/// <summary>
/// What every template may use besides its model: the site's name, the active theme (whose mail
/// components come first) and, for a mail about a kind of notification, the one-click unsubscribe link.
/// </summary>
public sealed record TemplateContext(string SiteName, string Theme = SiteSettings.DefaultTheme)
{
    public static TemplateContext Default { get; } = new("STEM Portal");

    /// <summary>The absolute unsubscribe address, set by the composer for mails with an OutboxMessage.Kind.</summary>
    public string? UnsubscribeUrl { get; init; }
}

/// <summary>A rendered mail: the recipient's display name for the To header, the subject and both bodies.</summary>
public sealed record RenderedMail(string RecipientName, string Subject, string TextBody, string HtmlBody);
