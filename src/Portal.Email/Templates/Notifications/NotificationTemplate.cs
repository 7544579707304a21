using Portal.Core.Notifications;
using Portal.Data.SaveHook;
using Portal.Email.Templates.Razor;

namespace Portal.Email.Templates.Notifications;

/// <summary>
/// The mail that mirrors an in-app notification: the same words, a button to what it is about,
/// why the person got it and where to change that. Body: the theme's Emails/Notification.razor.
/// </summary>
public sealed class NotificationTemplate(MailRenderer renderer) : RazorEmailTemplate<NotificationMail>(renderer)
{
    private const int SubjectLength = 120;

    public override string Name => NotificationMail.TemplateName;

    /// <summary>The why-you-got-this line for a kind (its name as stored), or a general one for a kind this build does not know.</summary>
    public static string WhyFor(string kind) =>
        NotificationKinds.All.FirstOrDefault(k => k.Kind.ToString() == kind)?.Why
            ?? "You are getting this email because of your notification settings.";

    protected override string RecipientName(NotificationMail model) => model.DisplayName;

    protected override void Check(NotificationMail model)
    {
        if (model.Url is { } url)
        {
            Link(url, "url");
        }

        Link(model.PreferencesUrl, "preferencesUrl");
    }

    /// <summary>The notification's words, on one line and cut at a word, after the site's name.</summary>
    protected override string Subject(NotificationMail model, TemplateContext context)
    {
        var line = string.Join(' ', model.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length > SubjectLength)
        {
            var cut = line.LastIndexOf(' ', SubjectLength);
            line = line[..(cut > 40 ? cut : SubjectLength)] + "…";
        }

        return $"{context.SiteName}: {line}";
    }
}
