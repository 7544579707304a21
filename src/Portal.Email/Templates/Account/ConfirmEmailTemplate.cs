namespace Portal.Email.Templates.Account;

public sealed record ConfirmEmailModel(string DisplayName, string ConfirmUrl);

/// <summary>Sent after registration: the link that confirms the address.</summary>
public sealed class ConfirmEmailTemplate : EmailTemplate<ConfirmEmailModel>
{
    public const string TemplateName = "ConfirmEmail";

    public override string Name => TemplateName;

    protected override RenderedMail Render(ConfirmEmailModel model, TemplateContext context) => new MailBody()
        .Greeting(model.DisplayName)
        .Paragraph($"Confirm your email address to finish setting up your {context.SiteName} account.")
        .Button("Confirm your email address", Link(model.ConfirmUrl, "confirmUrl"))
        .Why($"You are getting this email because this address was used to register for {context.SiteName}. "
            + "If that was not you, ignore this email and no account will be opened.")
        .Render(model.DisplayName, $"Confirm your email address for {context.SiteName}", context);
}
