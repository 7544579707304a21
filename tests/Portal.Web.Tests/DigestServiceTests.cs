using System.Globalization;
using MimeKit;
using Portal.Testing;
using static Portal.Web.Tests.DigestSite;

namespace Portal.Web.Tests;

/// <summary>A portal mailing a real SMTP server on loopback, whose digests are all due from start-up and looked for every second.</summary>
public sealed class DigestSiteFixture : SmtpSiteFixture
{
    protected override Dictionary<string, string> Settings() => DueNow();
}

/// <summary>The digest service in the running portal: due digests go out once, by SMTP; nothing new sends nothing.</summary>
public sealed class DigestServiceTests(DigestSiteFixture site) : IClassFixture<DigestSiteFixture>
{
    [Fact]
    public async Task A_due_digest_reaches_the_mail_server_with_its_notices_and_carries_each_notice_once()
    {
        var lena = await site.Portal.UserIdAsync(TestSite.LibrarianEmail);
        await WaitForAsync(async () => await site.Portal.LastDigestAsync(lena) is not null, "the first round of digests", site.Portal);
        var before = await site.Portal.DigestMailsToAsync(lena);
        await site.Portal.AddDigestNoticeAsync(lena, "RequestMessage", "Helen Armstrong sent a message about the digest test request.", "/requests/digest-test");
        await site.Portal.SetLastDigestAsync(lena, DateTimeOffset.UtcNow.AddDays(-8));

        await WaitForAsync(async () => await site.Portal.DigestMailsToAsync(lena) > before, "Lena's digest in the outbox", site.Portal);
        var mail = await WaitForMailAsync(TestSite.LibrarianEmail, "digest test request");
        await Task.Delay(TimeSpan.FromSeconds(2)); // more rounds: none may send it again

        Assert.Equal(DigestSubject, mail.Subject);
        Assert.Equal(TestSite.LibrarianEmail, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains("Messages, questions and answers on requests you take part in\n", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Helen Armstrong sent a message about the digest test request.: {site.Portal.BaseAddress}requests/digest-test", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("You are getting this weekly digest because", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{site.Portal.BaseAddress}account/notifications", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("digest test request", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(before + 1, await site.Portal.DigestMailsToAsync(lena));
        Assert.Single(await MailsAsync(TestSite.LibrarianEmail, "digest test request"));
        Assert.Equal(0, await site.Portal.ScalarAsync<int>(
            "SELECT COUNT(*) FROM Notifications WHERE UserId = $user AND ForDigest = 1 AND DigestedAt IS NULL", ("$user", lena)));
        Assert.True(await site.Portal.LastDigestAsync(lena) > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task The_digest_carries_a_one_click_unsubscribe_that_stops_the_next_digest()
    {
        var tomasz = await site.Portal.UserIdAsync("tomasz.nowak@example.org");
        await WaitForAsync(async () => await site.Portal.LastDigestAsync(tomasz) is not null, "the first round of digests", site.Portal);
        await site.Portal.AddDigestNoticeAsync(tomasz, "RequestMessage", "Helen Armstrong sent a message about the unsubscribe test request.", "/requests/unsubscribe-test");
        await site.Portal.SetLastDigestAsync(tomasz, DateTimeOffset.UtcNow.AddDays(-8));
        var mail = await WaitForMailAsync("tomasz.nowak@example.org", "unsubscribe test request");
        var header = mail.Headers["List-Unsubscribe"] ?? string.Empty;
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith($"<{site.Portal.BaseAddress}notifications/unsubscribe?token=", header, StringComparison.Ordinal);
        using var mailClient = new HttpClient();

        var question = await mailClient.GetStringAsync(header[1..^1]);
        using var oneClick = await mailClient.PostAsync(header[1..^1], new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        await site.Portal.AddDigestNoticeAsync(tomasz, "RequestMessage", "Helen Armstrong sent another message after the unsubscribe.", "/requests/unsubscribe-test");
        await site.Portal.SetLastDigestAsync(tomasz, DateTimeOffset.UtcNow.AddDays(-8));
        await Task.Delay(TimeSpan.FromSeconds(4)); // several rounds of the digest service

        Assert.Contains("Stop the weekly digest?", question, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal("Off", await site.Portal.ScalarAsync<string>(
            "SELECT Delivery FROM NotificationPreferences WHERE UserId = $user AND Kind = 'WeeklyDigest'", ("$user", tomasz)));
        Assert.Empty(await MailsAsync("tomasz.nowak@example.org", "another message after the unsubscribe"));
        Assert.Equal(1, await site.Portal.ScalarAsync<int>(
            "SELECT COUNT(*) FROM Notifications WHERE UserId = $user AND ForDigest = 1 AND DigestedAt IS NULL", ("$user", tomasz)));
    }

    [Fact]
    public async Task A_member_with_nothing_new_gets_no_digest_but_is_done_for_the_week()
    {
        var claire = await site.Portal.UserIdAsync(TestSite.MemberEmail);
        await WaitForAsync(async () => await site.Portal.LastDigestAsync(claire) is not null, "the first round of digests", site.Portal);
        var weekAgo = DateTimeOffset.UtcNow.AddDays(-8);
        await site.Portal.SetLastDigestAsync(claire, weekAgo);

        await WaitForAsync(async () => await site.Portal.LastDigestAsync(claire) > weekAgo, "Claire's digest round", site.Portal);

        Assert.Equal(0, await site.Portal.DigestMailsToAsync(claire));
        Assert.Empty(await MailsAsync(TestSite.MemberEmail, bodyPart: null));
    }

    private async Task<IReadOnlyList<MimeMessage>> MailsAsync(string to, string? bodyPart) =>
        (await site.Smtp.ReadMessagesAsync())
            .Where(m => m.Subject == DigestSubject && m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)))
            .Where(m => bodyPart is null || (m.TextBody ?? string.Empty).Contains(bodyPart, StringComparison.Ordinal))
            .ToList();

    private async Task<MimeMessage> WaitForMailAsync(string to, string bodyPart)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (await MailsAsync(to, bodyPart) is [var mail, ..])
            {
                return mail;
            }

            Assert.True(DateTime.UtcNow < until, $"No digest to {to} arrived.\n{site.Portal.Output}\n{site.Smtp.Output}");
            await Task.Delay(200);
        }
    }
}

/// <summary>Bad Portal:Digest settings stop the portal at start-up with a message naming the key.</summary>
public sealed class DigestSettingsTests
{
    [Theory]
    [InlineData("Portal:Digest:CheckInterval", "often", "Portal:Digest:CheckInterval must be a time from 00:00:01 to 1.00:00:00 written hh:mm:ss")]
    [InlineData("Portal:Digest:CheckInterval", "00:00:00", "Portal:Digest:CheckInterval must be a time from 00:00:01 to 1.00:00:00 written hh:mm:ss")]
    [InlineData("Portal:Digest:DayOfWeek", "Moonday", "Portal:Digest:DayOfWeek must be a day of the week in English, for example Monday, not 'Moonday'.")]
    [InlineData("Portal:Digest:Hour", "24", "Portal:Digest:Hour must be a whole hour from 0 to 23 (UTC), not '24'.")]
    [InlineData("Portal:Digest:Hour", "-1", "Portal:Digest:Hour must be a whole hour from 0 to 23 (UTC), not '-1'.")]
    public async Task A_bad_setting_stops_the_start_with_a_clear_message(string key, string value, string message)
    {
        var dataPath = TestPaths.NewTempFolder("bad-digest");
        await using var portal = await PortalProcess.StartAsync(dataPath, new Dictionary<string, string> { [key] = value }, waitUntilReady: false);

        var exitCode = await portal.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, portal.Output, StringComparison.Ordinal);
        TestPaths.DeleteQuietly(dataPath);
    }
}
