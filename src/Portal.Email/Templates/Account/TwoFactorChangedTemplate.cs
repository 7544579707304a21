namespace Portal.Email.Templates.Account;

public sealed record TwoFactorChangedModel(string DisplayName, bool Enabled);

/// <summary>Sent when two-factor sign-in is turned on or off for an account.</summary>
public sealed class TwoFactorChangedTemplate : EmailTemplate<TwoFactorChangedModel>
{
    public const string TemplateName = "TwoFactorChanged";

    public override string Name => TemplateName;

    protected override RenderedMail Render(TwoFactorChangedModel model, TemplateContext context)
    {
        var (subject, news) = model.Enabled
            ? ($"Two-factor sign-in is now on for your {context.SiteName} account",
                "Two-factor sign-in is now on. From now on you will need a code from your authenticator app as well as your password.")
            : ($"Two-factor sign-in has been turned off for your {context.SiteName} account",
                "Two-factor sign-in has been turned off. You now sign in with your password only.");
        return new MailBody()
            .Greeting(model.DisplayName)
            .Paragraph(news)
            .Paragraph("If you did not make this change, reset your password straight away from the sign-in page and tell a coordinator.")
            .Why($"You are getting this email to protect your account: {context.SiteName} tells you whenever your sign-in settings change.")
            .Render(model.DisplayName, subject, context);
    }
}
