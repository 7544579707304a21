using System.Net;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>A portal that sends its mail to a real SMTP server on loopback.</summary>
public sealed class MailingSiteFixture : SmtpSiteFixture
{
    protected override Dictionary<string, string> Settings() => [];
}

/// <summary>
/// One-click unsubscribe from the link in a real notification mail: Helen Armstrong, who submits
/// requests, is mailed when a librarian claims one. Each test resets her preference for claims first.
/// </summary>
public sealed class UnsubscribeTests(MailingSiteFixture site) : IClassFixture<MailingSiteFixture>
{
    private const string Kind = "RequestClaimed";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_link_in_a_sent_mails_header_asks_first_then_a_one_click_post_stops_that_kind_of_mail()
    {
        var (url, helen) = await MailedUnsubscribeLinkAsync();
        using var mailClient = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

        using var page = await mailClient.GetAsync(url);
        var question = await page.Content.ReadAsStringAsync();
        var afterGet = await PreferenceAsync(helen);
        using var oneClick = await mailClient.PostAsync(url, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Stop emails about claims, releases and mentors on requests you take part in?", question, StringComparison.Ordinal);
        Assert.Contains("class=\"nhsuk-button\"", question, StringComparison.Ordinal);
        Assert.Null(afterGet); // a GET (a link scanner, a preview) changes nothing
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("You will not get these emails any more", await oneClick.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Off", await PreferenceAsync(helen));

        // The next claim still tells Helen in the portal, but queues no mail.
        var mailsBefore = await ClaimMailsQueuedAsync(helen);
        await ClaimNewRequestAsync();
        Assert.Equal(mailsBefore, await ClaimMailsQueuedAsync(helen));
    }

    [Fact]
    public async Task A_mail_client_may_post_one_click_as_multipart_form_data()
    {
        var (url, helen) = await MailedUnsubscribeLinkAsync();
        using var mailClient = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var body = new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } };

        using var oneClick = await mailClient.PostAsync(url, body);

        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal("Off", await PreferenceAsync(helen));
    }

    [Fact]
    public async Task The_pages_own_button_posts_with_its_antiforgery_token_and_stops_that_kind_of_mail()
    {
        var (url, helen) = await MailedUnsubscribeLinkAsync();
        using var browser = site.Portal.CreateClient();

        using var done = await browser.PostFormAsync(url, url, []);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var html = await done.Content.ReadAsStringAsync();
        Assert.Contains("You will not get these emails any more", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/notifications\"", html, StringComparison.Ordinal);
        Assert.Equal("Off", await PreferenceAsync(helen));
    }

    [Fact]
    public async Task A_form_post_that_is_neither_one_click_nor_carries_an_antiforgery_token_is_refused_and_changes_nothing()
    {
        var (url, helen) = await MailedUnsubscribeLinkAsync();
        using var browser = site.Portal.CreateClient();

        using var forged = await browser.PostAsync(url, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click"), new("extra", "1")]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("The form had expired", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await PreferenceAsync(helen));
    }

    [Fact]
    public async Task A_missing_garbled_or_altered_token_gets_a_clear_400_page_and_changes_nothing()
    {
        var (url, helen) = await MailedUnsubscribeLinkAsync();
        var token = url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var altered = token[..30] + (token[30] == 'A' ? 'B' : 'A') + token[31..];
        using var client = site.Portal.CreateClient();

        foreach (var address in new[] { "/notifications/unsubscribe", "/notifications/unsubscribe?token=", "/notifications/unsubscribe?token=nonsense%3Cscript%3E", $"/notifications/unsubscribe?token={altered}" })
        {
            using var get = await client.GetAsync(address);
            using var post = await client.PostAsync(address, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

            Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
            var page = await get.Content.ReadAsStringAsync();
            Assert.Contains("This unsubscribe link does not work", page, StringComparison.Ordinal);
            Assert.Contains("This unsubscribe link is not valid.", page, StringComparison.Ordinal);
            Assert.Contains("This unsubscribe link is not valid.", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Null(await PreferenceAsync(helen));
    }

    /// <summary>Clears Helen's setting for claims, has a new librarian claim a new request of hers, and reads the List-Unsubscribe link of the mail she gets.</summary>
    private async Task<(string Url, string Helen)> MailedUnsubscribeLinkAsync()
    {
        var helen = await site.Portal.UserIdAsync(Helen);
        await site.Portal.ExecuteAsync("DELETE FROM NotificationPreferences WHERE UserId = $user AND Kind = $kind", ("$user", helen), ("$kind", Kind));
        var claimant = await ClaimNewRequestAsync();

        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            var mail = (await site.Smtp.ReadMessagesAsync()).FirstOrDefault(m => m.Subject is { } subject && subject.Contains($"{claimant} claimed your evidence request", StringComparison.Ordinal));
            if (mail is not null)
            {
                Assert.Equal(Helen, Assert.Single(mail.To.Mailboxes).Address);
                Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
                var header = mail.Headers["List-Unsubscribe"] ?? string.Empty;
                Assert.StartsWith($"<{site.Portal.BaseAddress}notifications/unsubscribe?token=", header, StringComparison.Ordinal);
                var url = header[1..^1];
                Assert.Contains($"Stop emails like this: {url}", mail.TextBody, StringComparison.Ordinal);
                return (url, helen);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No claim mail for Helen within {Wait}.\n{site.Portal.Output}");
    }

    /// <summary>A new librarian claims a new request of Helen's; returns the librarian's name.</summary>
    private async Task<string> ClaimNewRequestAsync()
    {
        var librarian = (await site.Portal.NewLibrariansAsync(1))[0];
        await site.Portal.SetProfileAsync(librarian.Id);
        var request = await site.Portal.SubmittedRequestAsync($"Does chair-based exercise reduce falls in care homes? {Guid.NewGuid():N}");
        using var api = site.Portal.Api(librarian.Token);
        using var claimed = await api.PostAsync($"/api/v1/requests/{request}/claim", null);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        return librarian.Name;
    }

    private Task<string?> PreferenceAsync(string userId) =>
        site.Portal.ScalarAsync<string>("SELECT Delivery FROM NotificationPreferences WHERE UserId = $user AND Kind = $kind", ("$user", userId), ("$kind", Kind));

    private Task<long> ClaimMailsQueuedAsync(string userId) =>
        site.Portal.ScalarAsync<long>("SELECT COUNT(*) FROM OutboxMessages WHERE RecipientUserId = $user AND Kind = $kind", ("$user", userId), ("$kind", Kind));
}
