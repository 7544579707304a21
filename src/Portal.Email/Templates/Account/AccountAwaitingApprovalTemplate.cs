namespace Portal.Email.Templates.Account;

public sealed record AccountAwaitingApprovalModel(
    string CoordinatorName, string ApplicantName, string ApplicantEmail, string? Organisation, string ReviewUrl);

/// <summary>Sent to each coordinator when someone outside the allow-listed domains registers.</summary>
public sealed class AccountAwaitingApprovalTemplate : EmailTemplate<AccountAwaitingApprovalModel>
{
    public const string TemplateName = "AccountAwaitingApproval";

    public override string Name => TemplateName;

    protected override RenderedMail Render(AccountAwaitingApprovalModel model, TemplateContext context)
    {
        var from = string.IsNullOrWhiteSpace(model.Organisation) ? string.Empty : $" from {model.Organisation}";
        return new MailBody()
            .Greeting(model.CoordinatorName)
            .Paragraph($"{model.ApplicantName} ({model.ApplicantEmail}){from} has registered for {context.SiteName}.")
            .Paragraph("Their email address is not in one of the domains that are let in straight away, "
                + "so a coordinator needs to approve the account before they can sign in.")
            .Button("Review the account", Link(model.ReviewUrl, "reviewUrl"))
            .Why($"You are getting this email because you are a coordinator on {context.SiteName}. "
                + "Every coordinator gets this email; the first one to review the account decides.")
            .Render(model.CoordinatorName, $"Account waiting for approval: {model.ApplicantName}", context);
    }
}
