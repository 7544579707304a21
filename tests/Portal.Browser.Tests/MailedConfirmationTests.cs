using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>
/// The whole way round: register in the browser, the portal mails the link through a real SMTP
/// server on loopback, the colleague opens the link from the mail and signs in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MailedConfirmationTests(BrowserFixture browser)
{
    [GeneratedRegex(@"https?://\S+/account/confirm\?\S+")]
    private static partial Regex ConfirmLink();

    [Fact]
    public async Task A_new_colleague_confirms_from_the_mail_the_smtp_server_received_and_signs_in()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var portal = await PortalSites.StartSetUpSiteAsync(new Dictionary<string, string>
        {
            ["Portal:Smtp:Host"] = "127.0.0.1",
            ["Portal:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Portal:Smtp:From"] = "STEM Portal <no-reply@stem.example.org>",
            ["Portal:Email:PollSeconds"] = "1",
        });
        await using var context = await browser.NewContextAsync(portal.BaseAddress);
        var page = await context.NewPageAsync();
        const string email = "owen.price@nhs.net";
        const string password = "heather compass lantern";

        await page.GotoAsync("/account/register");
        await page.GetByLabel("Work email address").FillAsync(email);
        await page.GetByLabel("Your name").FillAsync("Owen Price");
        await page.GetByLabel("Organisation").FillAsync("Northumbria Healthcare NHS Foundation Trust");
        await page.GetByLabel("Create a password").FillAsync(password);
        await page.GetByLabel("Enter the password again").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();

        var mail = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30))).Single();
        Assert.Equal(email, mail.To.Mailboxes.Single().Address);
        Assert.NotNull(mail.HtmlBody);
        var link = ConfirmLink().Match(mail.TextBody ?? string.Empty);
        Assert.True(link.Success, "the mail carries a confirmation link:\n" + mail.TextBody);

        await page.GotoAsync(link.Value);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your email address is confirmed" })).ToBeVisibleAsync();
        await page.SignInAsync(email, password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Work streams" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        TestPaths.DeleteQuietly(portal.DataPath);
    }
}
