using Portal.Email.Templates.Razor;

namespace Portal.Email.Templates.Account;

public sealed record AccountAwaitingApprovalModel(
    string CoordinatorName, string ApplicantName, string ApplicantEmail, string? Organisation, string ReviewUrl);

/// <summary>Sent to each coordinator when someone outside the allow-listed domains registers. Body: Emails/AccountAwaitingApproval.razor.</summary>
public sealed class AccountAwaitingApprovalTemplate(MailRenderer renderer) : RazorEmailTemplate<AccountAwaitingApprovalModel>(renderer)
{
    public const string TemplateName = "AccountAwaitingApproval";

    public override string Name => TemplateName;

    protected override string RecipientName(AccountAwaitingApprovalModel model) => model.CoordinatorName;

    protected override string Subject(AccountAwaitingApprovalModel model, TemplateContext context) => $"Account waiting for approval: {model.ApplicantName}";

    protected override void Check(AccountAwaitingApprovalModel model) => Link(model.ReviewUrl, "reviewUrl");
}
