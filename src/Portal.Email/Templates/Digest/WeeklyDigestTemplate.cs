using Portal.Email.Templates.Razor;

namespace Portal.Email.Templates.Digest;

/// <summary>One line of the digest mail: its words and, when it has one, an absolute address.</summary>
public sealed record WeeklyDigestItem(string Text, string? Url);

public sealed record WeeklyDigestSection(string Heading, IReadOnlyList<WeeklyDigestItem> Items);

public sealed record WeeklyDigestModel(string DisplayName, IReadOnlyList<WeeklyDigestSection> Sections, string NotificationsUrl, string PreferencesUrl);

/// <summary>
/// The weekly digest: a heading for each section, each line linking to what it is about, a button
/// to the notifications in the portal, why it came and where to change that. Body: the theme's
/// Emails/WeeklyDigest.razor.
/// </summary>
public sealed class WeeklyDigestTemplate(MailRenderer renderer) : RazorEmailTemplate<WeeklyDigestModel>(renderer)
{
    public const string TemplateName = "WeeklyDigest";

    public override string Name => TemplateName;

    protected override string RecipientName(WeeklyDigestModel model) => model.DisplayName;

    protected override string Subject(WeeklyDigestModel model, TemplateContext context) => $"{context.SiteName}: your weekly digest";

    protected override void Check(WeeklyDigestModel model)
    {
        foreach (var url in model.Sections.SelectMany(s => s.Items).Select(i => i.Url).OfType<string>())
        {
            Link(url, "url");
        }

        Link(model.NotificationsUrl, "notificationsUrl");
        Link(model.PreferencesUrl, "preferencesUrl");
    }
}
