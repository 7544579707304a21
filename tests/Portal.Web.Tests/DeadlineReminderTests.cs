using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using static Portal.Web.Tests.CoordinationSite;

namespace Portal.Web.Tests;

/// <summary>A portal that looks for close deadlines every second and mails through a real SMTP server on loopback.</summary>
public sealed class RemindingSiteFixture : SmtpSiteFixture
{
    protected override Dictionary<string, string> Settings() =>
        new()
        {
            ["Portal:Api:TokenRequestsPerMinute"] = "1000",
            ["Portal:Notifications:ReminderInterval"] = "00:00:01",
            ["Portal:Notifications:ReminderDaysBefore"] = "2",
        };
}

/// <summary>The reminder service in the running portal: a claim near its deadline is reminded once, in the portal and by mail.</summary>
public sealed class DeadlineReminderTests(RemindingSiteFixture site) : IClassFixture<RemindingSiteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_claim_two_days_from_its_deadline_reminds_the_claimant_and_the_mentor_once_and_the_claimant_gets_the_mail()
    {
        var people = await site.Portal.NewLibrariansAsync(2);
        var (claimant, mentor) = (people[0], people[1]);
        await site.Portal.SetProfileAsync(claimant.Id, seeksMentoring: true);
        await site.Portal.SetProfileAsync(mentor.Id, offersMentoring: true);
        var id = await site.Portal.SubmittedRequestAsync("Do exercise classes delivered online keep frail older people independent?");
        using (var api = site.Portal.Api(claimant.Token))
        {
            using var claimed = await api.PostAsJsonAsync($"/api/v1/requests/{id}/claim", new { mentorId = mentor.Id });
            Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        }

        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        await site.Portal.ExecuteAsync("UPDATE EvidenceRequests SET Deadline = $deadline WHERE Id = $id", ("$deadline", Day(deadline)), ("$id", Key(id)));

        await WaitForAsync(async () => await site.Portal.AuditCountAsync(id, "RequestDeadlineNear") > 0, "No reminder within the time");
        var mail = await MailAsync(claimant.Email);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a few more rounds: none may remind again

        Assert.Equal(1, await site.Portal.AuditCountAsync(id, "RequestDeadlineNear"));
        var when = $"in 2 days ({deadline.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))})";
        var question = "Do exercise classes delivered online keep frail older people independent?";
        Assert.Equal([$"The deadline of “{question}” is {when}."], await NotificationsAsync(site.Portal, claimant.Email, id, "DeadlineReminder"));
        Assert.Equal([$"The deadline of “{question}”, which you mentor {claimant.Name} on, is {when}."], await NotificationsAsync(site.Portal, mentor.Email, id, "DeadlineReminder"));
        Assert.Equal(claimant.Email, Assert.Single(mail.To.Mailboxes).Address);
        // The subject is the notification's words, cut at a word when long.
        Assert.StartsWith($"{TestSite.SiteName}: The deadline of “{question}” is in 2 days", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"The deadline of “{question}” is {when}.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/requests/{id}", mail.TextBody, StringComparison.Ordinal);
        Assert.Single(await site.Smtp.ReadMessagesAsync(), m => m.To.Mailboxes.Any(a => a.Address == claimant.Email) && m.Subject?.Contains("The deadline of", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_claim_with_time_to_spare_and_a_request_nobody_holds_are_left_alone()
    {
        var librarian = (await site.Portal.NewLibrariansAsync(1))[0];
        var spare = await site.Portal.SubmittedRequestAsync("Do befriending services reduce loneliness in frail older people?");
        var unclaimed = await site.Portal.SubmittedRequestAsync("Do befriending services reduce GP visits by frail older people?");
        using (var api = site.Portal.Api(librarian.Token))
        {
            (await api.PostAsync($"/api/v1/requests/{spare}/claim", null)).EnsureSuccessStatusCode();
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await site.Portal.ExecuteAsync("UPDATE EvidenceRequests SET Deadline = $deadline WHERE Id = $id", ("$deadline", Day(today.AddDays(3))), ("$id", Key(spare)));
        await site.Portal.ExecuteAsync("UPDATE EvidenceRequests SET Deadline = $deadline WHERE Id = $id", ("$deadline", Day(today.AddDays(1))), ("$id", Key(unclaimed)));

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(0, await site.Portal.AuditCountAsync(spare, "RequestDeadlineNear"));
        Assert.Equal(0, await site.Portal.AuditCountAsync(unclaimed, "RequestDeadlineNear"));
    }

    private static async Task<IReadOnlyList<string>> NotificationsAsync(PortalProcess portal, string email, Guid requestId, string kind)
    {
        var rows = await portal.QueryAsync(
            "SELECT Text FROM Notifications WHERE UserId = $user AND Link = $link AND Kind = $kind ORDER BY Id",
            ("$user", await portal.UserIdAsync(email)), ("$link", $"/requests/{requestId}"), ("$kind", kind));
        return rows.Select(r => (string)r["Text"]!).ToList();
    }

    /// <summary>The deadline mail to the address, once the SMTP server has it (other mails of the demo arrive too).</summary>
    private async Task<MimeKit.MimeMessage> MailAsync(string address)
    {
        MimeKit.MimeMessage? found = null;
        await WaitForAsync(async () =>
        {
            found = (await site.Smtp.ReadMessagesAsync())
                .FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == address) && m.Subject?.Contains("The deadline of", StringComparison.Ordinal) == true);
            return found is not null;
        }, $"No deadline mail reached the SMTP server for {address}");
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

/// <summary>Portal:Notifications settings that make no sense stop the portal at start-up and say which key is wrong.</summary>
public sealed class NotificationSettingsTests
{
    [Theory]
    [InlineData("Portal:Notifications:ReminderInterval", "hourly", "Portal:Notifications:ReminderInterval must be a time from 00:00:01 to 1.00:00:00 written hh:mm:ss (for example 01:00:00 for an hour), not 'hourly'.")]
    [InlineData("Portal:Notifications:ReminderInterval", "00:00:00", "Portal:Notifications:ReminderInterval must be a time from 00:00:01 to 1.00:00:00 written hh:mm:ss")]
    [InlineData("Portal:Notifications:ReminderInterval", "2.00:00:00", "Portal:Notifications:ReminderInterval must be a time from 00:00:01 to 1.00:00:00 written hh:mm:ss")]
    [InlineData("Portal:Notifications:ReminderDaysBefore", "-1", "Portal:Notifications:ReminderDaysBefore must be a whole number of days from 0 to 60, not '-1'.")]
    [InlineData("Portal:Notifications:ReminderDaysBefore", "two", "Portal:Notifications:ReminderDaysBefore must be a whole number of days from 0 to 60, not 'two'.")]
    [InlineData("Portal:Notifications:ReminderDaysBefore", "61", "Portal:Notifications:ReminderDaysBefore must be a whole number of days from 0 to 60, not '61'.")]
    public async Task A_bad_setting_stops_the_start_with_a_clear_message(string key, string value, string message)
    {
        var dataPath = TestPaths.NewTempFolder("bad-notifications");
        await using var portal = await PortalProcess.StartAsync(dataPath, new Dictionary<string, string> { [key] = value }, waitUntilReady: false);

        var exitCode = await portal.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, portal.Output, StringComparison.Ordinal);
        TestPaths.DeleteQuietly(dataPath);
    }
}
