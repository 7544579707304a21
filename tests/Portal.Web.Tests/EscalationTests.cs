using System.Net;
using System.Text.RegularExpressions;
using Portal.Testing;
using static Portal.Web.Tests.CoordinationSite;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>A portal whose escalation service looks every second.</summary>
public sealed class EscalatingSiteFixture : SetUpSiteFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Portal:Api:TokenRequestsPerMinute"] = "1000",
        ["Portal:Coordination:EscalationInterval"] = "00:00:01",
        ["Portal:Coordination:UnclaimedAfterDays"] = "5",
    };
}

/// <summary>The escalation service in the running portal: it flags old and overdue requests once, on the timeline and to every coordinator.</summary>
public sealed partial class EscalationTests(EscalatingSiteFixture site) : IClassFixture<EscalatingSiteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_request_unclaimed_for_too_long_is_escalated_once_on_the_timeline_and_to_every_coordinator()
    {
        var id = await site.Portal.SubmittedRequestAsync("Do community frailty teams reduce care home admissions?");
        await site.Portal.SetRequestTimeAsync(id, "SubmittedAt", DateTimeOffset.UtcNow.AddDays(-8));

        await WaitForAsync(async () => await site.Portal.AuditCountAsync(id, "RequestEscalated") > 0);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a few more rounds: none may flag it again
        using var priya = await site.Portal.CoordinatorAsync();
        var page = WebUtility.HtmlDecode(await priya.GetStringAsync($"/requests/{id}"));

        Assert.Equal(1, await site.Portal.AuditCountAsync(id, "RequestEscalated"));
        Assert.Contains("Told the coordinators nobody has claimed the request in 8 days", page, StringComparison.Ordinal);
        Assert.Contains("The portal,", page, StringComparison.Ordinal);
        foreach (var coordinator in new[] { TestSite.CoordinatorEmail, Gareth })
        {
            var notification = Assert.Single(await site.Portal.NotificationsAsync(coordinator, id));
            Assert.Equal("Unclaimed: nobody has claimed “Do community frailty teams reduce care home admissions?” in 8 days.", notification);
        }

        // Lena may have been told the request matches her profile, but not of the escalation.
        Assert.DoesNotContain(await site.Portal.NotificationsAsync(TestSite.LibrarianEmail, id), n => n.StartsWith("Unclaimed", StringComparison.Ordinal));
        Assert.Empty(await site.Portal.NotificationsAsync(Helen, id));
    }

    [Fact]
    public async Task A_claim_past_its_deadline_is_escalated_and_one_within_it_is_not()
    {
        var overdue = RecipeRequest("frailty-efi-accuracy");
        var onTime = RecipeRequest("frailty-cga-community");

        await WaitForAsync(async () => await site.Portal.AuditCountAsync(overdue, "RequestEscalated") > 0);
        using var priya = await site.Portal.CoordinatorAsync();
        var page = WebUtility.HtmlDecode(await priya.GetStringAsync($"/requests/{overdue}"));

        Assert.Equal(1, await site.Portal.AuditCountAsync(overdue, "RequestEscalated"));
        Assert.Matches(PastDeadline(), page);
        // The demo's claim of it was told to coordinators too; the escalation is told once.
        Assert.Single(await site.Portal.NotificationsAsync(TestSite.CoordinatorEmail, overdue), n => n.StartsWith("Overdue: ", StringComparison.Ordinal));
        Assert.Equal(0, await site.Portal.AuditCountAsync(onTime, "RequestEscalated"));
    }

    [Fact]
    public async Task A_freshly_submitted_request_is_left_alone()
    {
        var id = await site.Portal.SubmittedRequestAsync("Does a falls app help older people stay active?");
        await site.Portal.SetRequestTimeAsync(id, "SubmittedAt", DateTimeOffset.UtcNow.AddDays(-4));

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(0, await site.Portal.AuditCountAsync(id, "RequestEscalated"));
        Assert.Empty(await site.Portal.NotificationsAsync(TestSite.CoordinatorEmail, id));
    }

    private async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Nothing was escalated within {Patience}:\n{site.Portal.Output}");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"Told the coordinators the request is \d+ days? past its deadline")]
    private static partial Regex PastDeadline();
}

/// <summary>Portal:Coordination settings that make no sense stop the portal at start-up and say which key is wrong.</summary>
public sealed class CoordinationSettingsTests
{
    [Theory]
    [InlineData("Portal:Coordination:UnclaimedAfterDays", "0", "Portal:Coordination:UnclaimedAfterDays must be a whole number of days from 1 to 365, not '0'.")]
    [InlineData("Portal:Coordination:UnclaimedAfterDays", "five", "Portal:Coordination:UnclaimedAfterDays must be a whole number of days from 1 to 365, not 'five'.")]
    [InlineData("Portal:Coordination:EscalationInterval", "soon", "Portal:Coordination:EscalationInterval must be a time from 00:00:01 to 1.00:00:00 written hh:mm:ss")]
    [InlineData("Portal:Coordination:EscalationInterval", "00:00:00", "Portal:Coordination:EscalationInterval must be a time from 00:00:01 to 1.00:00:00 written hh:mm:ss")]
    public async Task A_bad_setting_stops_the_start_with_a_clear_message(string key, string value, string message)
    {
        var dataPath = TestPaths.NewTempFolder("bad-coordination");
        await using var portal = await PortalProcess.StartAsync(dataPath, new Dictionary<string, string> { [key] = value }, waitUntilReady: false);

        var exitCode = await portal.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, portal.Output, StringComparison.Ordinal);
        TestPaths.DeleteQuietly(dataPath);
    }
}
