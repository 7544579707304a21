using Portal.Email.Templates.Razor;

namespace Portal.Email.Templates.Account;

public sealed record ConfirmEmailModel(string DisplayName, string ConfirmUrl);

/// <summary>Sent after registration: the link that confirms the address. Body: Emails/ConfirmEmail.razor.</summary>
public sealed class ConfirmEmailTemplate(MailRenderer renderer) : RazorEmailTemplate<ConfirmEmailModel>(renderer)
{
    public const string TemplateName = "ConfirmEmail";

    public override string Name => TemplateName;

    protected override string RecipientName(ConfirmEmailModel model) => model.DisplayName;

    protected override string Subject(ConfirmEmailModel model, TemplateContext context) => $"Confirm your email address for {context.SiteName}";

    protected override void Check(ConfirmEmailModel model) => Link(model.ConfirmUrl, "confirmUrl");
}
