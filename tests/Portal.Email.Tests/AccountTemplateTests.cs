using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Email.Templates;
using Portal.Email.Templates.Account;

namespace Portal.Email.Tests;

/// <summary>The account mails render from the JSON the accounts feature writes, and never pass markup through.</summary>
public class AccountTemplateTests
{
    private const string Script = "<script>alert(1)</script>";
    private static readonly TemplateContext Context = new("STEM Club Test");
    private static readonly EmailTemplates Templates = new ServiceCollection()
        .AddPortalEmail(new ConfigurationBuilder().Build())
        .BuildServiceProvider()
        .GetRequiredService<EmailTemplates>();

    public static TheoryData<string, string> ModelsWithScript => new()
    {
        { ConfirmEmailTemplate.TemplateName, EmailModelJson.Serialize(new ConfirmEmailModel(Script, "https://portal.example.org/confirm?code=1&user=2")) },
        { ResetPasswordTemplate.TemplateName, EmailModelJson.Serialize(new ResetPasswordModel(Script, "https://portal.example.org/reset?code=1&user=2")) },
        { AccountAwaitingApprovalTemplate.TemplateName, EmailModelJson.Serialize(new AccountAwaitingApprovalModel(Script, Script, "x@example.com", Script, "https://portal.example.org/admin/users?status=waiting&page=1")) },
        { AccountApprovedTemplate.TemplateName, EmailModelJson.Serialize(new AccountApprovedModel(Script, "https://portal.example.org/account/sign-in?from=mail&x=1")) },
        { PasswordChangedTemplate.TemplateName, EmailModelJson.Serialize(new PasswordChangedModel(Script)) },
        { TwoFactorChangedTemplate.TemplateName, EmailModelJson.Serialize(new TwoFactorChangedModel(Script, Enabled: true)) },
    };

    [Theory]
    [MemberData(nameof(ModelsWithScript))]
    public async Task Each_account_mail_encodes_every_model_value_in_its_html_and_says_why_it_was_sent(string template, string model)
    {
        var mail = await Templates.RenderAsync(template, model, Context);

        Assert.Equal(Script, mail.RecipientName);
        Assert.False(string.IsNullOrWhiteSpace(mail.Subject));
        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("&user", mail.HtmlBody, StringComparison.Ordinal); // & in a link is encoded too
        Assert.Contains(Script, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("You are getting this email", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("You are getting this email", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("STEM Club Test", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_approval_request_names_the_applicant_and_links_to_the_review()
    {
        var mail = await Templates.RenderAsync(AccountAwaitingApprovalTemplate.TemplateName,
            """{"coordinatorName":"Priya Raman","applicantName":"Sam Lee","applicantEmail":"sam@example.com","organisation":"Example Trust","reviewUrl":"https://portal.example.org/admin/users/42"}""",
            Context);

        Assert.Equal("Priya Raman", mail.RecipientName);
        Assert.Equal("Account waiting for approval: Sam Lee", mail.Subject);
        Assert.Contains("Sam Lee (sam@example.com) from Example Trust has registered for STEM Club Test.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://portal.example.org/admin/users/42", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("because you are a coordinator", mail.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "Two-factor sign-in is now on for your STEM Club Test account")]
    [InlineData(false, "Two-factor sign-in has been turned off for your STEM Club Test account")]
    public async Task The_two_factor_mail_says_whether_it_was_turned_on_or_off(bool enabled, string subject)
    {
        var mail = await Templates.RenderAsync(TwoFactorChangedTemplate.TemplateName,
            EmailModelJson.Serialize(new TwoFactorChangedModel("Alice", enabled)), Context);

        Assert.Equal(subject, mail.Subject);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/account/confirm?code=1")]
    [InlineData("data:text/html,hello")]
    public async Task A_link_that_is_not_an_absolute_http_address_is_refused(string link)
    {
        var refused = await Assert.ThrowsAsync<MailRefusedException>(() => Templates.RenderAsync(ConfirmEmailTemplate.TemplateName,
            EmailModelJson.Serialize(new ConfirmEmailModel("Alice", link)), Context));

        Assert.Contains("confirmUrl", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"displayName":null,"confirmUrl":"https://portal.example.org/"}""")]
    [InlineData("not json")]
    public async Task A_missing_or_broken_model_is_refused(string model)
    {
        await Assert.ThrowsAsync<MailRefusedException>(() => Templates.RenderAsync(ConfirmEmailTemplate.TemplateName, model, Context));
    }

    [Fact]
    public async Task An_unknown_template_is_refused()
    {
        var refused = await Assert.ThrowsAsync<MailRefusedException>(() => Templates.RenderAsync("Nope", "{}", Context));

        Assert.Equal("Unknown template \"Nope\".", refused.Message);
    }
}
