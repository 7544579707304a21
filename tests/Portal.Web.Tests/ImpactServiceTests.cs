using System.Globalization;
using System.Net;
using Portal.Testing;
using static Portal.Web.Tests.CoordinationSite;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>A portal that looks for impact forms to send every second and mails through a real SMTP server on loopback.</summary>
public sealed class ImpactAskingSiteFixture : SmtpSiteFixture
{
    protected override Dictionary<string, string> Settings() =>
        new()
        {
            ["Portal:Api:TokenRequestsPerMinute"] = "1000",
            ["Portal:Impact:CheckInterval"] = "00:00:01",
            ["Portal:Impact:AskAfterDays"] = "28",
            ["Portal:Impact:ReminderAfterDays"] = "7",
        };
}

/// <summary>The impact service in the running portal: the form once, 28 days after delivery; one reminder a week later; nothing once answered.</summary>
public sealed class ImpactServiceTests(ImpactAskingSiteFixture site) : IClassFixture<ImpactAskingSiteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_requester_is_sent_the_form_once_by_mail_and_in_the_portal_then_reminded_once()
    {
        const string question = "Do falls clinics in care homes reduce hip fractures among residents?";
        var id = await site.Portal.DeliveredRequestAsync(question, DateTimeOffset.UtcNow.AddDays(-29));

        await WaitForAsync(async () => await site.Portal.AuditCountAsync(id, "RequestImpactAsked") > 0, "The form was not sent");
        var mail = await MailAsync(Helen, $"/requests/{id}/impact");
        await Task.Delay(TimeSpan.FromSeconds(3)); // a few more rounds: none may ask again before the reminder is due

        Assert.Equal(1, await site.Portal.AuditCountAsync(id, "RequestImpactAsked"));
        var text = $"What difference did the evidence for “{question}” make? Please tell us on the impact form: it takes a few minutes.";
        Assert.Equal([text], await site.Portal.ImpactNotificationsAsync(Helen, id));
        Assert.Contains(text, mail.TextBody, StringComparison.Ordinal);
        Assert.StartsWith($"{TestSite.SiteName}: What difference did the evidence for", mail.Subject, StringComparison.Ordinal);

        // A week later, unanswered: one reminder.
        await site.Portal.SetRequestTimeAsync(id, "ImpactAskedAt", DateTimeOffset.UtcNow.AddDays(-8));
        await WaitForAsync(async () => await site.Portal.AuditCountAsync(id, "RequestImpactAsked") > 1, "No reminder");
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(2, await site.Portal.AuditCountAsync(id, "RequestImpactAsked"));
        var notices = await site.Portal.ImpactNotificationsAsync(Helen, id);
        Assert.Equal(2, notices.Count);
        Assert.StartsWith("A reminder: what difference did the evidence for", notices[1], StringComparison.Ordinal);
        Assert.NotNull(await site.Portal.ScalarAsync<long?>("SELECT ImpactRemindedAt FROM EvidenceRequests WHERE Id = $id", ("$id", Key(id))));
    }

    [Fact]
    public async Task A_request_delivered_recently_or_already_answered_is_not_asked()
    {
        var recent = await site.Portal.DeliveredRequestAsync("Do hip protectors prevent fractures in care homes?", DateTimeOffset.UtcNow.AddDays(-27));
        var answered = await site.Portal.DeliveredRequestAsync("Does vitamin D prevent falls in care homes?", DateTimeOffset.UtcNow);
        using (var helen = await site.Portal.ApiAsAsync(Helen))
        {
            using var answer = await helen.AnswerAsync(answered, ImpactSite.ValidAnswer());
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        }

        await site.Portal.SetRequestTimeAsync(answered, "DeliveredAt", DateTimeOffset.UtcNow.AddDays(-40));
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Equal(0, await site.Portal.AuditCountAsync(recent, "RequestImpactAsked"));
        Assert.Equal(0, await site.Portal.AuditCountAsync(answered, "RequestImpactAsked"));
        Assert.Empty(await site.Portal.ImpactNotificationsAsync(Helen, answered));
    }

    [Fact]
    public async Task An_answer_after_the_form_stops_the_reminder()
    {
        var id = await site.Portal.DeliveredRequestAsync("Do exercise classes reduce falls in care homes?", DateTimeOffset.UtcNow.AddDays(-30));
        await WaitForAsync(async () => await site.Portal.AuditCountAsync(id, "RequestImpactAsked") > 0, "The form was not sent");
        using (var helen = await site.Portal.ApiAsAsync(Helen))
        {
            using var answer = await helen.AnswerAsync(id, ImpactSite.ValidAnswer());
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        }

        await site.Portal.SetRequestTimeAsync(id, "ImpactAskedAt", DateTimeOffset.UtcNow.AddDays(-8));
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Equal(1, await site.Portal.AuditCountAsync(id, "RequestImpactAsked"));
        Assert.Single(await site.Portal.ImpactNotificationsAsync(Helen, id));
    }

    /// <summary>The mail to the address whose text holds <paramref name="link"/>, once the SMTP server has it (other requests of the demo are asked too).</summary>
    private async Task<MimeKit.MimeMessage> MailAsync(string address, string link)
    {
        MimeKit.MimeMessage? found = null;
        await WaitForAsync(async () =>
        {
            found = (await site.Smtp.ReadMessagesAsync())
                .FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == address) && m.TextBody?.Contains(link, StringComparison.Ordinal) == true);
            return found is not null;
        }, $"No impact mail reached the SMTP server for {address}");
        return found!;
    }

    private async Task WaitForAsync(Func<Task<bool>> condition, string failure)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"{failure} ({Patience}):\n{site.Portal.Output}");
            await Task.Delay(200);
        }
    }
}

/// <summary>Portal:Impact settings that make no sense stop the portal at start-up and say which key is wrong.</summary>
public sealed class ImpactSettingsTests
{
    [Theory]
    [InlineData("Portal:Impact:CheckInterval", "hourly", "Portal:Impact:CheckInterval must be a time from 00:00:01 to 1.00:00:00 written hh:mm:ss (for example 01:00:00 for an hour), not 'hourly'.")]
    [InlineData("Portal:Impact:CheckInterval", "00:00:00", "Portal:Impact:CheckInterval must be a time from 00:00:01 to 1.00:00:00")]
    [InlineData("Portal:Impact:AskAfterDays", "-1", "Portal:Impact:AskAfterDays must be a whole number of days from 0 to 365, not '-1'.")]
    [InlineData("Portal:Impact:AskAfterDays", "four weeks", "Portal:Impact:AskAfterDays must be a whole number of days from 0 to 365, not 'four weeks'.")]
    [InlineData("Portal:Impact:ReminderAfterDays", "0", "Portal:Impact:ReminderAfterDays must be a whole number of days from 1 to 90, not '0'.")]
    [InlineData("Portal:Impact:ReminderAfterDays", "91", "Portal:Impact:ReminderAfterDays must be a whole number of days from 1 to 90, not '91'.")]
    public async Task A_bad_setting_stops_the_start_with_a_clear_message(string key, string value, string message)
    {
        var dataPath = TestPaths.NewTempFolder("bad-impact");
        await using var portal = await PortalProcess.StartAsync(dataPath, new Dictionary<string, string> { [key] = value }, waitUntilReady: false);

        var exitCode = await portal.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, portal.Output, StringComparison.Ordinal);
        TestPaths.DeleteQuietly(dataPath);
    }
}
