using Portal.Core.Notifications;
using Portal.Data.SaveHook;

namespace Portal.Email.Templates.Notifications;

/// <summary>
/// The mail that mirrors an in-app notification: the same words, a button to what it is about,
/// why the person got it and where to change that.
/// </summary>
public sealed class NotificationTemplate : EmailTemplate<NotificationMail>
{
    private const int SubjectLength = 120;

    public override string Name => NotificationMail.TemplateName;

    protected override RenderedMail Render(NotificationMail model, TemplateContext context)
    {
        var why = Enum.TryParse<NotificationKind>(model.Kind, out var kind)
            ? NotificationKinds.Describe(kind).Why
            : "You are getting this email because of your notification settings.";
        var body = new MailBody().Greeting(model.DisplayName).Paragraph(model.Text);
        if (model.Url is { } url)
        {
            body.Button("Open it in the portal", Link(url, "url"));
        }

        return body
            .Why($"{why} To choose which emails you get, or to stop them, go to {Link(model.PreferencesUrl, "preferencesUrl")}")
            .Render(model.DisplayName, Subject(model.Text, context), context);
    }

    /// <summary>The notification's words, on one line and cut at a word, after the site's name.</summary>
    private static string Subject(string text, TemplateContext context)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length > SubjectLength)
        {
            var cut = line.LastIndexOf(' ', SubjectLength);
            line = line[..(cut > 40 ? cut : SubjectLength)] + "…";
        }

        return $"{context.SiteName}: {line}";
    }
}
