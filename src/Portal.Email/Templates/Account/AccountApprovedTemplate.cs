namespace Portal.Email.Templates.Account;

public sealed record AccountApprovedModel(string DisplayName, string SignInUrl);

/// <summary>Sent when a coordinator approves a waiting account.</summary>
public sealed class AccountApprovedTemplate : EmailTemplate<AccountApprovedModel>
{
    public const string TemplateName = "AccountApproved";

    public override string Name => TemplateName;

    protected override RenderedMail Render(AccountApprovedModel model, TemplateContext context) => new MailBody()
        .Greeting(model.DisplayName)
        .Paragraph($"A coordinator has approved your {context.SiteName} account. You can now sign in.")
        .Button("Sign in", Link(model.SignInUrl, "signInUrl"))
        .Why($"You are getting this email because you registered for {context.SiteName} with this address.")
        .Render(model.DisplayName, $"Your {context.SiteName} account has been approved", context);
}
