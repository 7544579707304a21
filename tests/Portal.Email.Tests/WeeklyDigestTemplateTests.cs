using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Email.Templates;
using Portal.Email.Templates.Digest;

namespace Portal.Email.Tests;

/// <summary>The weekly digest mail: headings and lines in both bodies, encoded, why it came, and only http(s) links.</summary>
public class WeeklyDigestTemplateTests
{
    private const string Script = "<script>alert(1)</script>";
    private static readonly TemplateContext Context = new("STEM Club Test");
    private static readonly EmailTemplates Templates = new ServiceCollection()
        .AddPortalEmail(new ConfigurationBuilder().Build())
        .BuildServiceProvider()
        .GetRequiredService<EmailTemplates>();

    [Fact]
    public async Task The_digest_lists_each_section_with_its_lines_and_addresses_and_says_why_it_came()
    {
        var model = new WeeklyDigestModel(
            "Lena Hartley",
            [
                new WeeklyDigestSection("Messages, questions and answers on requests you take part in", [new WeeklyDigestItem(Script, "https://portal.example.org/requests/1#conversation")]),
                new WeeklyDigestSection("New requests that match your librarian profile", [new WeeklyDigestItem("Do falls classes help?", "https://portal.example.org/requests/2"), new WeeklyDigestItem("No link here", null)]),
            ],
            "https://portal.example.org/account/notifications",
            "https://portal.example.org/account/notifications");

        var mail = await Templates.RenderAsync(WeeklyDigestTemplate.TemplateName, EmailModelJson.Serialize(model), Context);

        Assert.Equal("STEM Club Test: your weekly digest", mail.Subject);
        Assert.Contains("Messages, questions and answers on requests you take part in\n\n" + Script + ": https://portal.example.org/requests/1#conversation", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Do falls classes help?: https://portal.example.org/requests/2\n\nNo link here\n", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("You are getting this weekly digest because you have an account on STEM Club Test", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://portal.example.org/account/notifications", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_with_a_javascript_address_refuses_the_mail()
    {
        var model = new WeeklyDigestModel(
            "Lena Hartley",
            [new WeeklyDigestSection("Heading", [new WeeklyDigestItem("Click", "javascript:alert(1)")])],
            "https://portal.example.org/account/notifications",
            "https://portal.example.org/account/notifications");

        await Assert.ThrowsAsync<MailRefusedException>(() => Templates.RenderAsync(WeeklyDigestTemplate.TemplateName, EmailModelJson.Serialize(model), Context));
    }
}
