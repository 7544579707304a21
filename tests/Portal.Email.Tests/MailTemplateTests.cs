using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.SaveHook;
using Portal.Email.Templates;
using Portal.Email.Templates.Account;

namespace Portal.Email.Tests;

/// <summary>Every template's body comes from the theme's Razor component: the HTML, and plain text read from it.</summary>
public class MailTemplateTests
{
    private const string Unsubscribe = "https://portal.example.org/notifications/unsubscribe?token=abc";
    private static readonly TemplateContext Context = new("STEM Club Test");
    private static readonly EmailTemplates Templates = new ServiceCollection()
        .AddPortalEmail(new ConfigurationBuilder().Build())
        .BuildServiceProvider()
        .GetRequiredService<EmailTemplates>();

    public static TheoryData<string, string, string[]> EveryTemplate => new()
    {
        {
            ConfirmEmailTemplate.TemplateName,
            EmailModelJson.Serialize(new ConfirmEmailModel("Alice Example", "https://portal.example.org/account/confirm?code=1")),
            ["Confirm your email address to finish setting up your STEM Club Test account.", "Confirm your email address:\nhttps://portal.example.org/account/confirm?code=1"]
        },
        {
            ResetPasswordTemplate.TemplateName,
            EmailModelJson.Serialize(new ResetPasswordModel("Alice Example", "https://portal.example.org/account/reset-password?code=1")),
            ["Use the link below to choose a new password", "Choose a new password:\nhttps://portal.example.org/account/reset-password?code=1"]
        },
        {
            AccountAwaitingApprovalTemplate.TemplateName,
            EmailModelJson.Serialize(new AccountAwaitingApprovalModel("Alice Example", "Sam Lee", "sam@example.com", null, "https://portal.example.org/admin/users/42")),
            ["Sam Lee (sam@example.com) has registered for STEM Club Test.", "Review the account:\nhttps://portal.example.org/admin/users/42"]
        },
        {
            AccountApprovedTemplate.TemplateName,
            EmailModelJson.Serialize(new AccountApprovedModel("Alice Example", "https://portal.example.org/account/sign-in")),
            ["A coordinator has approved your STEM Club Test account. You can now sign in.", "Sign in:\nhttps://portal.example.org/account/sign-in"]
        },
        {
            PasswordChangedTemplate.TemplateName,
            EmailModelJson.Serialize(new PasswordChangedModel("Alice Example")),
            ["The password for your STEM Club Test account has been changed.", "If you did not change it, reset your password"]
        },
        {
            TwoFactorChangedTemplate.TemplateName,
            EmailModelJson.Serialize(new TwoFactorChangedModel("Alice Example", Enabled: false)),
            ["Two-factor sign-in has been turned off. You now sign in with your password only."]
        },
        {
            NotificationMail.TemplateName,
            EmailModelJson.Serialize(new NotificationMail("Alice Example", "RequestMessage", "Lena asked a question on your request.", "https://portal.example.org/requests/7", "https://portal.example.org/account/notifications")),
            ["Lena asked a question on your request.", "Open it in the portal:\nhttps://portal.example.org/requests/7"]
        },
    };

    [Theory]
    [MemberData(nameof(EveryTemplate))]
    public async Task Each_template_renders_an_nhs_look_html_body_and_a_plain_text_body_that_say_the_same(string template, string model, string[] says)
    {
        var mail = await Templates.RenderAsync(template, model, Context);

        Assert.StartsWith("<!DOCTYPE html>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"<title>{mail.Subject}</title>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("background:#005eb8", mail.HtmlBody, StringComparison.Ordinal); // the blue header
        Assert.Contains(">STEM Club Test</div>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Dear Alice Example,\n\n", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("If the button does not work", mail.TextBody, StringComparison.Ordinal);
        foreach (var words in says)
        {
            Assert.Contains(words, mail.TextBody, StringComparison.Ordinal);
        }

        // The why-line closes both bodies: in text after a "--" line, then the site's name.
        var footer = mail.TextBody[(mail.TextBody.LastIndexOf("\n--\n", StringComparison.Ordinal) + 4)..];
        Assert.StartsWith("You are getting this email", footer, StringComparison.Ordinal);
        Assert.EndsWith("STEM Club Test\n", footer, StringComparison.Ordinal);
        Assert.Contains("You are getting this email", mail.HtmlBody[mail.HtmlBody.IndexOf("data-mail=\"footer\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        if (mail.TextBody.Contains(":\nhttp", StringComparison.Ordinal))
        {
            Assert.Contains("background:#007f3b", mail.HtmlBody, StringComparison.Ordinal); // the green button
        }
    }

    [Fact]
    public async Task The_confirmation_mail_reads_well_as_plain_text()
    {
        var mail = await Templates.RenderAsync(ConfirmEmailTemplate.TemplateName,
            EmailModelJson.Serialize(new ConfirmEmailModel("Alice Example", "https://portal.example.org/account/confirm?code=1&user=2")), Context);

        Assert.Equal("""
            Dear Alice Example,

            Confirm your email address to finish setting up your STEM Club Test account.

            Confirm your email address:
            https://portal.example.org/account/confirm?code=1&user=2

            --
            You are getting this email because this address was used to register for STEM Club Test. If that was not you, ignore this email and no account will be opened.
            STEM Club Test

            """.ReplaceLineEndings("\n"), mail.TextBody);
        Assert.Contains("href=\"https://portal.example.org/account/confirm?code=1&amp;user=2\"", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notification_mail_links_to_preferences_and_to_unsubscribe_in_its_footer()
    {
        var mail = await Templates.RenderAsync(NotificationMail.TemplateName,
            EmailModelJson.Serialize(new NotificationMail("Alice Example", "RequestClaimed", "Lena Hartley claimed your request.", null, "https://portal.example.org/account/notifications")),
            Context with { UnsubscribeUrl = Unsubscribe });

        Assert.Equal("STEM Club Test: Lena Hartley claimed your request.", mail.Subject);
        Assert.Equal("""
            Dear Alice Example,

            Lena Hartley claimed your request.

            --
            You are getting this email because you take part in this evidence request.
            Choose which emails you get: https://portal.example.org/account/notifications
            Stop emails like this: https://portal.example.org/notifications/unsubscribe?token=abc
            STEM Club Test

            """.ReplaceLineEndings("\n"), mail.TextBody);
        Assert.Contains("href=\"https://portal.example.org/account/notifications\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Unsubscribe}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Open it in the portal", mail.HtmlBody, StringComparison.Ordinal); // no link, no button
    }

    [Fact]
    public async Task An_account_mail_has_no_preferences_or_unsubscribe_link()
    {
        var mail = await Templates.RenderAsync(PasswordChangedTemplate.TemplateName, EmailModelJson.Serialize(new PasswordChangedModel("Alice")), Context);

        Assert.DoesNotContain("Stop emails", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Choose which emails", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_ampersands_and_quotes_in_a_name_or_a_notification_are_shown_literally_never_run()
    {
        const string Name = "Ann <b>O'Neil</b> & \"Co\"";
        const string Text = "Lena wrote: <script>alert('x')</script> & \"see <a href=javascript:1>this</a>\"";
        var mail = await Templates.RenderAsync(NotificationMail.TemplateName,
            EmailModelJson.Serialize(new NotificationMail(Name, "RequestMessage", Text, "https://portal.example.org/requests/7?a=1&b=2", "https://portal.example.org/account/notifications")),
            Context);

        Assert.Equal(Name, mail.RecipientName);
        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=javascript", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Dear Ann &lt;b&gt;O&#x27;Neil&lt;/b&gt; &amp; &quot;Co&quot;,", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;see &lt;a href=javascript:1&gt;this&lt;/a&gt;&quot;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://portal.example.org/requests/7?a=1&amp;b=2\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith($"Dear {Name},\n\n{Text}\n\n", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://portal.example.org/requests/7?a=1&b=2", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notification_text_with_line_breaks_or_of_any_length_makes_a_one_line_subject_that_cannot_add_headers()
    {
        var text = "Helen asked:\r\nBcc: everyone@example.org\r\n\r\n" + string.Concat(Enumerable.Repeat("a very long question about falls prevention ", 20));
        var mail = await Templates.RenderAsync(NotificationMail.TemplateName,
            EmailModelJson.Serialize(new NotificationMail("Alice", "RequestMessage", text, null, "https://portal.example.org/account/notifications")), Context);

        Assert.DoesNotContain('\r', mail.Subject);
        Assert.DoesNotContain('\n', mail.Subject);
        Assert.StartsWith("STEM Club Test: Helen asked: Bcc: everyone@example.org a very long question", mail.Subject, StringComparison.Ordinal);
        Assert.EndsWith("…", mail.Subject, StringComparison.Ordinal);
        Assert.True(mail.Subject.Length <= "STEM Club Test: ".Length + 121, mail.Subject);
    }

    [Fact]
    public async Task A_notification_link_that_is_not_an_absolute_http_address_is_refused()
    {
        var refused = await Assert.ThrowsAsync<MailRefusedException>(() => Templates.RenderAsync(NotificationMail.TemplateName,
            EmailModelJson.Serialize(new NotificationMail("Alice", "RequestMessage", "Hello", "javascript:alert(1)", "https://portal.example.org/account/notifications")), Context));

        Assert.Contains("url", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mails_render_on_background_threads_with_no_http_context_many_at_once()
    {
        var model = EmailModelJson.Serialize(new ConfirmEmailModel("Alice", "https://portal.example.org/account/confirm?code=1"));

        var mails = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            Assert.Null(new HttpContextAccessor().HttpContext);
            Assert.Null(SynchronizationContext.Current);
            return await Templates.RenderAsync(ConfirmEmailTemplate.TemplateName, model, Context);
        })));

        Assert.All(mails, mail => Assert.Equal(mails[0].HtmlBody, mail.HtmlBody));
        Assert.Contains("Confirm your email address", mails[0].HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CommunityTheme")] // ships no mails of its own: the default theme's are used
    [InlineData("NoSuchTheme")]
    public async Task A_theme_without_a_mail_component_falls_back_to_the_default_themes(string theme)
    {
        var mail = await Templates.RenderAsync(PasswordChangedTemplate.TemplateName, EmailModelJson.Serialize(new PasswordChangedModel("Alice")), Context with { Theme = theme });

        Assert.Contains("has been changed", mail.TextBody, StringComparison.Ordinal);
    }
}
