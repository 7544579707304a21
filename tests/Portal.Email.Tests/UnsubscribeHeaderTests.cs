using Microsoft.Extensions.DependencyInjection;
using Portal.Data.SaveHook;
using Portal.Email.Templates;
using Portal.Email.Unsubscribe;
using Portal.Testing;

namespace Portal.Email.Tests;

/// <summary>Notification mails carry RFC 8058 one-click unsubscribe headers; account mails do not.</summary>
public class UnsubscribeHeaderTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_notification_mail_has_list_unsubscribe_headers_whose_link_names_the_person_and_the_kind()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await MailTestDatabase.CreateAsync(smtp.Port);
        await database.AddMailAsync("alice@example.org", NotificationMail.TemplateName,
            EmailModelJson.Serialize(new NotificationMail("Alice", "RequestMessage", "Lena asked a question.", null, "https://portal.example.org/account/notifications")),
            recipientUserId: "user-42", kind: "RequestMessage");

        await database.Dispatcher.DispatchDueAsync(CancellationToken.None);

        var received = Assert.Single(await smtp.WaitForMessagesAsync(1, Wait));
        var header = received.Headers["List-Unsubscribe"] ?? string.Empty;
        Assert.Matches("^<https://portal\\.example\\.org/notifications/unsubscribe\\?token=[A-Za-z0-9_-]+>$", header);
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);
        var url = header[1..^1];
        Assert.Contains($"Stop emails like this: {url}", received.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{url}\"", received.HtmlBody, StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var read = database.Services.GetRequiredService<UnsubscribeTokens>().Read(token);
        Assert.Equal(new UnsubscribeToken(UnsubscribeTokenStatus.Valid, "user-42", "RequestMessage"), read);
    }

    [Fact]
    public async Task An_account_mail_has_no_unsubscribe_header_or_link()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await MailTestDatabase.CreateAsync(smtp.Port);
        await database.AddConfirmEmailAsync();

        await database.Dispatcher.DispatchDueAsync(CancellationToken.None);

        var received = Assert.Single(await smtp.WaitForMessagesAsync(1, Wait));
        Assert.Null(received.Headers["List-Unsubscribe"]);
        Assert.Null(received.Headers["List-Unsubscribe-Post"]);
        Assert.DoesNotContain("unsubscribe", received.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }
}
