using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>Administrators see mail that could not be sent and send it again once the cause is mended.</summary>
public sealed class MailAdminTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private PortalProcess Portal => site.Portal;

    [Fact]
    public async Task A_dead_letter_is_listed_with_its_error_and_sending_it_again_sends_it_once()
    {
        var id = await Portal.AddDeadLetterAsync("new.member@example.org", "Connection refused by mail.example.org:25");
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();

        var page = await admin.GetStringAsync("/admin/mail");
        using var retried = await admin.PostFormAsync("/admin/mail", $"/admin/mail/{id}/retry", []);

        Assert.Contains($"data-id=\"{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("Connection refused by mail.example.org:25", page, StringComparison.Ordinal);
        Assert.Contains("new.member@example.org", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Contains("The mail is back in the queue", await admin.GetStringAsync("/admin/mail"), StringComparison.Ordinal);
        // Without a mail server the portal writes to its pickup folder: the retried mail goes out once.
        await WaitForAsync(async () => await StatusAsync(id) == "Sent");
        using var again = await admin.PostFormAsync("/admin/mail", $"/admin/mail/{id}/retry", []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("That mail has already been sent.", await admin.GetStringAsync("/admin/mail"), StringComparison.Ordinal);
        Assert.Equal("Sent", await StatusAsync(id));
    }

    [Fact]
    public async Task Retrying_an_unknown_mail_is_404_and_a_post_without_the_form_token_is_refused()
    {
        var id = await Portal.AddDeadLetterAsync("new.member@example.org", "Mailbox unavailable");
        using var admin = Portal.CreateClient();
        await admin.SignInAsAdministratorAsync();

        using var unknown = await admin.PostFormAsync("/admin/mail", $"/admin/mail/{Guid.NewGuid()}/retry", []);
        using var forged = await admin.PostAsync($"/admin/mail/{id}/retry", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("DeadLetter", await StatusAsync(id));
    }

    [Theory]
    [InlineData(TestSite.MemberEmail)]
    [InlineData(TestSite.LibrarianEmail)]
    public async Task Only_administrators_see_the_mail_page_or_send_mail_again(string email)
    {
        var id = await Portal.AddDeadLetterAsync("new.member@example.org", "Mailbox unavailable");
        using var person = Portal.CreateClient(followRedirects: true);
        await person.SignInAsync(email, TestSite.DemoPassword);

        using var page = await person.GetAsync("/admin/mail");
        using var retry = await person.PostFormAsync("/", $"/admin/mail/{id}/retry", []);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, retry.StatusCode);
        Assert.Contains("You do not have access to this page", await retry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("DeadLetter", await StatusAsync(id));
    }

    private Task<string?> StatusAsync(Guid id) =>
        Portal.ScalarAsync<string>("SELECT Status FROM OutboxMessages WHERE Id = $id", ("$id", id.ToString().ToUpperInvariant()));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(20); waited += TimeSpan.FromMilliseconds(200))
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("The retried mail was not sent within 20 seconds.");
    }
}
