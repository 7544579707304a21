using System.Globalization;
using System.Net.Http.Json;
using Portal.Testing;
using static Portal.Web.Tests.CoordinationSite;
using static Portal.Web.Tests.SummaryReviewSite;

namespace Portal.Web.Tests;

/// <summary>The review-date reminder service in the running portal (every second here): the newest version only, once.</summary>
[Collection(Collection)]
public sealed class SummaryReviewReminderTests(SummaryReviewSiteFixture site)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private PortalProcess Portal => site.Portal;

    private Task<long> RemindersAsync(Guid summaryId) => Portal.ScalarAsync<long>(
        "SELECT COUNT(*) FROM AuditEvents WHERE SubjectType = 'SearchSummary' AND SubjectId = $id AND EventType = 'SummaryReviewDue'", ("$id", summaryId.ToString()));

    [Fact]
    public async Task The_authors_are_reminded_once_when_the_review_date_of_the_newest_version_comes()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var due = await Portal.SummaryReviewFinalAsync(reviewDate: today);

        await WaitForAsync(async () => await RemindersAsync(due.SummaryId) > 0, "No reminder within the time");
        await Task.Delay(TimeSpan.FromSeconds(3)); // a few more rounds: none may remind again

        Assert.Equal(1, await RemindersAsync(due.SummaryId));
        var title = (await Portal.ScalarAsync<string>("SELECT Title FROM SearchSummaries WHERE Id = $id", ("$id", Key(due.SummaryId))))!;
        Assert.Equal([$"The date you set to re-run or review the search summary “{title}” has come ({today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))})."],
            await Portal.SummaryReviewNoticesAsync(due.Author.Id, due.SummaryId, "SummaryReviewDue"));
        Assert.NotNull(await Portal.ScalarAsync<long?>("SELECT ReviewRemindedAt FROM SearchSummaries WHERE Id = $id", ("$id", Key(due.SummaryId))));
    }

    [Fact]
    public async Task A_version_already_re_run_and_one_not_yet_due_are_left_alone()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var rerun = await Portal.SummaryReviewFinalAsync(reviewDate: today.AddDays(1));
        var later = await Portal.SummaryReviewFinalAsync(reviewDate: today.AddDays(1));
        using (var api = Portal.Api(rerun.Author.Token))
        {
            (await api.PostAsync($"/api/v1/summaries/{rerun.SummaryId}/versions", null)).EnsureSuccessStatusCode();
        }

        // Now the earlier version's date comes; it has a newer version being written, so nobody is reminded of it.
        await Portal.ExecuteAsync("UPDATE SearchSummaries SET ReviewDate = $today WHERE Id = $id", ("$today", Day(today)), ("$id", Key(rerun.SummaryId)));
        var control = await Portal.SummaryReviewFinalAsync(reviewDate: today);
        await WaitForAsync(async () => await RemindersAsync(control.SummaryId) > 0, "The control summary was not reminded within the time");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(0, await RemindersAsync(rerun.SummaryId));
        Assert.Equal(0, await RemindersAsync(later.SummaryId));
        Assert.Empty(await Portal.SummaryReviewNoticesAsync(rerun.Author.Id, rerun.SummaryId, "SummaryReviewDue"));
    }

    private async Task WaitForAsync(Func<Task<bool>> condition, string failure)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"{failure} ({Patience}):\n{Portal.Output}");
            await Task.Delay(200);
        }
    }
}

/// <summary>Portal:Summaries settings that make no sense stop the portal at start-up and say which key is wrong.</summary>
public sealed class SummaryReviewSettingsTests
{
    [Theory]
    [InlineData("Portal:Summaries:ReminderInterval", "daily", "Portal:Summaries:ReminderInterval must be a time from 00:00:01 to 1.00:00:00 written hh:mm:ss (for example 01:00:00 for an hour), not 'daily'.")]
    [InlineData("Portal:Summaries:Review:RequireAlways", "yes", "Portal:Summaries:Review:RequireAlways must be true or false, not 'yes'.")]
    public async Task A_bad_setting_stops_the_start_with_a_clear_message(string key, string value, string message)
    {
        var dataPath = TestPaths.NewTempFolder("bad-summaries");
        await using var portal = await PortalProcess.StartAsync(dataPath, new Dictionary<string, string> { [key] = value }, waitUntilReady: false);

        var exitCode = await portal.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, portal.Output, StringComparison.Ordinal);
        TestPaths.DeleteQuietly(dataPath);
    }
}
