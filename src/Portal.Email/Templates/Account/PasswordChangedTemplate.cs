namespace Portal.Email.Templates.Account;

public sealed record PasswordChangedModel(string DisplayName);

/// <summary>Sent after a password change, so an owner who did not make it finds out.</summary>
public sealed class PasswordChangedTemplate : EmailTemplate<PasswordChangedModel>
{
    public const string TemplateName = "PasswordChanged";

    public override string Name => TemplateName;

    protected override RenderedMail Render(PasswordChangedModel model, TemplateContext context) => new MailBody()
        .Greeting(model.DisplayName)
        .Paragraph($"The password for your {context.SiteName} account has been changed.")
        .Paragraph("If you did not change it, reset your password straight away from the sign-in page and tell a coordinator.")
        .Why($"You are getting this email to protect your account: {context.SiteName} tells you whenever your password changes.")
        .Render(model.DisplayName, $"Your {context.SiteName} password has been changed", context);
}
