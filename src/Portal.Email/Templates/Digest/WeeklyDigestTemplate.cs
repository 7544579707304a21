namespace Portal.Email.Templates.Digest;

/// <summary>One line of the digest mail: its words and, when it has one, an absolute address.</summary>
public sealed record WeeklyDigestItem(string Text, string? Url);

public sealed record WeeklyDigestSection(string Heading, IReadOnlyList<WeeklyDigestItem> Items);

public sealed record WeeklyDigestModel(string DisplayName, IReadOnlyList<WeeklyDigestSection> Sections, string NotificationsUrl, string PreferencesUrl);

/// <summary>
/// The weekly digest: a heading for each section, each line with its address after it, a button
/// to the notifications in the portal, why it came and where to change that.
/// </summary>
public sealed class WeeklyDigestTemplate : EmailTemplate<WeeklyDigestModel>
{
    public const string TemplateName = "WeeklyDigest";

    /// <summary>The OutboxMessage.Kind of digest mails, so they can be unsubscribed from like a notification kind.</summary>
    public const string Kind = "WeeklyDigest";

    public override string Name => TemplateName;

    protected override RenderedMail Render(WeeklyDigestModel model, TemplateContext context)
    {
        var body = new MailBody().Greeting(model.DisplayName).Paragraph($"Here is what is new for you on {context.SiteName} this week.");
        foreach (var section in model.Sections)
        {
            body.Paragraph($"{section.Heading}:");
            foreach (var item in section.Items)
            {
                body.Paragraph(item.Url is { } url ? $"{item.Text}: {Link(url, "url").AbsoluteUri}" : item.Text);
            }
        }

        return body
            .Button("See your notifications in the portal", Link(model.NotificationsUrl, "notificationsUrl"))
            .Why($"You are getting this weekly digest because you have an account on {context.SiteName}: once a week it gathers what is new for you, "
                + $"and it is sent only when there is something new. To choose which emails you get, or to stop them, go to {Link(model.PreferencesUrl, "preferencesUrl").AbsoluteUri}")
            .Render(model.DisplayName, $"{context.SiteName}: your weekly digest", context);
    }
}
