namespace Portal.Email.Templates.Account;

public sealed record ResetPasswordModel(string DisplayName, string ResetUrl);

/// <summary>Sent when someone asks for a new password: the link that sets one.</summary>
public sealed class ResetPasswordTemplate : EmailTemplate<ResetPasswordModel>
{
    public const string TemplateName = "ResetPassword";

    public override string Name => TemplateName;

    protected override RenderedMail Render(ResetPasswordModel model, TemplateContext context) => new MailBody()
        .Greeting(model.DisplayName)
        .Paragraph($"Use the link below to choose a new password for your {context.SiteName} account.")
        .Button("Choose a new password", Link(model.ResetUrl, "resetUrl"))
        .Why($"You are getting this email because someone asked to reset the password for your {context.SiteName} account. "
            + "If that was not you, ignore this email: your password has not changed.")
        .Render(model.DisplayName, $"Reset your {context.SiteName} password", context);
}
