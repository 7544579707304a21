using Portal.Email.Templates.Razor;

namespace Portal.Email.Templates.Account;

public sealed record TwoFactorChangedModel(string DisplayName, bool Enabled);

/// <summary>Sent when two-factor sign-in is turned on or off for an account. Body: Emails/TwoFactorChanged.razor.</summary>
public sealed class TwoFactorChangedTemplate(MailRenderer renderer) : RazorEmailTemplate<TwoFactorChangedModel>(renderer)
{
    public const string TemplateName = "TwoFactorChanged";

    public override string Name => TemplateName;

    protected override string RecipientName(TwoFactorChangedModel model) => model.DisplayName;

    protected override string Subject(TwoFactorChangedModel model, TemplateContext context) => model.Enabled
        ? $"Two-factor sign-in is now on for your {context.SiteName} account"
        : $"Two-factor sign-in has been turned off for your {context.SiteName} account";
}
