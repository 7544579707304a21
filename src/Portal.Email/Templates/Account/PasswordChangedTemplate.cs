using Portal.Email.Templates.Razor;

namespace Portal.Email.Templates.Account;

public sealed record PasswordChangedModel(string DisplayName);

/// <summary>Sent after a password change, so an owner who did not make it finds out. Body: Emails/PasswordChanged.razor.</summary>
public sealed class PasswordChangedTemplate(MailRenderer renderer) : RazorEmailTemplate<PasswordChangedModel>(renderer)
{
    public const string TemplateName = "PasswordChanged";

    public override string Name => TemplateName;

    protected override string RecipientName(PasswordChangedModel model) => model.DisplayName;

    protected override string Subject(PasswordChangedModel model, TemplateContext context) => $"Your {context.SiteName} password has been changed";
}
