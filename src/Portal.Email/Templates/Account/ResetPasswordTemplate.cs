using Portal.Email.Templates.Razor;

namespace Portal.Email.Templates.Account;

public sealed record ResetPasswordModel(string DisplayName, string ResetUrl);

/// <summary>Sent when someone asks for a new password: the link that sets one. Body: Emails/ResetPassword.razor.</summary>
public sealed class ResetPasswordTemplate(MailRenderer renderer) : RazorEmailTemplate<ResetPasswordModel>(renderer)
{
    public const string TemplateName = "ResetPassword";

    public override string Name => TemplateName;

    protected override string RecipientName(ResetPasswordModel model) => model.DisplayName;

    protected override string Subject(ResetPasswordModel model, TemplateContext context) => $"Reset your {context.SiteName} password";

    protected override void Check(ResetPasswordModel model) => Link(model.ResetUrl, "resetUrl");
}
