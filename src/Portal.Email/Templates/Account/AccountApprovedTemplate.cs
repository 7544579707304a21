using Portal.Email.Templates.Razor;

namespace Portal.Email.Templates.Account;

public sealed record AccountApprovedModel(string DisplayName, string SignInUrl);

/// <summary>Sent when a coordinator approves a waiting account. Body: the theme's Emails/AccountApproved.razor.</summary>
public sealed class AccountApprovedTemplate(MailRenderer renderer) : RazorEmailTemplate<AccountApprovedModel>(renderer)
{
    public const string TemplateName = "AccountApproved";

    public override string Name => TemplateName;

    protected override string RecipientName(AccountApprovedModel model) => model.DisplayName;

    protected override string Subject(AccountApprovedModel model, TemplateContext context) => $"Your {context.SiteName} account has been approved";

    protected override void Check(AccountApprovedModel model) => Link(model.SignInUrl, "signInUrl");
}
