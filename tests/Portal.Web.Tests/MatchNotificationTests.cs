using System.Net;
using Portal.Testing;
using static Portal.Web.Tests.MatchingSite;

namespace Portal.Web.Tests;

/// <summary>The best-placed librarians are told of a submitted request in the portal (NotifyTop is 2 in this site).</summary>
public sealed class MatchNotificationTests(MatchingSiteFixture site) : IClassFixture<MatchingSiteFixture>
{
    [Fact]
    public async Task Submitting_a_request_notifies_the_top_matches_who_could_take_it_and_nobody_else()
    {
        var word = Unique();
        var topic = await site.Portal.AddTopicAsync($"Stroke rehabilitation {word}");
        var stream = await site.Portal.AddWorkStreamAsync($"Stroke pathway {word}", NorthEast, topic);
        var best = await site.Portal.AddLibrarianAsync($"ada.{word}@example.org", "Ada");
        var second = await site.Portal.AddLibrarianAsync($"ben.{word}@example.org", "Ben");
        var third = await site.Portal.AddLibrarianAsync($"cal.{word}@example.org", "Cal");
        var full = await site.Portal.AddLibrarianAsync($"dee.{word}@example.org", "Dee");
        var away = await site.Portal.AddLibrarianAsync($"eve.{word}@example.org", "Eve");
        await site.Portal.SetProfileAsync(best, NorthEast, topics: [(topic, "Experienced")]);
        await site.Portal.SetProfileAsync(second, NorthEast, topics: [(topic, "Learning")]);
        await site.Portal.SetProfileAsync(third, Birmingham, topics: [(topic, "Learning")]);
        await site.Portal.SetProfileAsync(full, NorthEast, capacity: 0, topics: [(topic, "Experienced")]);
        await site.Portal.SetProfileAsync(away, NorthEast, topics: [(topic, "Experienced")], away: [(-1, 60)]);

        var draft = await site.Portal.AddRequestAsync(stream, $"Does early supported discharge improve recovery? {word}", submit: false);
        var whileDraft = await site.Portal.NotificationsAboutAsync(draft);
        using var helen = await site.Portal.ApiAsAsync(RequestsSite.Helen);
        using var submitted = await helen.PostAsync($"/api/v1/requests/{draft}/submit", null);
        var told = await site.Portal.NotificationsAboutAsync(draft);

        Assert.Empty(whileDraft);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal([best, second], told.Select(n => n.UserId));
        Assert.Equal($"A request on Stroke rehabilitation {word} matches your profile: Experienced in Stroke rehabilitation {word}. Works in the same system.", told[0].Text);
        Assert.Equal($"A request on Stroke rehabilitation {word} matches your profile: Learning Stroke rehabilitation {word}. Works in the same system.", told[1].Text);
    }

    [Fact]
    public async Task A_request_drafted_and_submitted_at_once_on_the_form_notifies_too_with_a_link_to_it()
    {
        var word = Unique();
        var topic = await site.Portal.AddTopicAsync($"Pressure ulcers {word}");
        var streamId = await site.Portal.AddWorkStreamAsync($"Tissue viability {word}", NorthEast, topic);
        var librarian = await site.Portal.AddLibrarianAsync($"fay.{word}@example.org", "Fay");
        await site.Portal.SetProfileAsync(librarian, Coventry, topics: [(topic, "Experienced")]);
        using var helen = await site.Portal.SignedInAsync(RequestsSite.Helen);
        var form = RequestsSite.ValidForm(streamId, $"Do alternating mattresses prevent pressure ulcers? {word}");
        form["action"] = "submit";

        var id = RequestsSite.RequestIdFrom(await helen.PostRequestAsync(form));
        var rows = await site.Portal.QueryAsync("SELECT UserId, Link, ReadAt FROM Notifications WHERE UserId = $user", ("$user", librarian));

        var row = Assert.Single(rows);
        Assert.Equal($"/requests/{id}", row["Link"]);
        Assert.Null(row["ReadAt"]);
    }

    [Fact]
    public async Task A_request_no_librarian_fits_notifies_nobody()
    {
        var word = Unique();
        var topic = await site.Portal.AddTopicAsync($"Chiropody {word}");
        var stream = await site.Portal.AddWorkStreamAsync($"Foot care {word}", NorthEast, topic);

        var id = await site.Portal.AddRequestAsync(stream, $"Does nail care by volunteers prevent falls? {word}");

        Assert.Empty(await site.Portal.NotificationsAboutAsync(id));
    }
}

/// <summary>Matching settings that cannot work stop the start with a message that names the setting.</summary>
public sealed class MatchingStartupTests
{
    [Theory]
    [InlineData("Portal:Matching:Weights:Topics", "-1", "Portal:Matching:Weights:Topics cannot be negative, but it is -1.")]
    [InlineData("Portal:Matching:NotifyTop", "all", "Portal:Matching:NotifyTop must be a whole number from 0 (notify nobody) to 50, not 'all'.")]
    public async Task A_bad_matching_setting_stops_the_start_and_names_it(string key, string value, string message)
    {
        var dataPath = TestPaths.NewTempFolder("matching-bad");
        await using var portal = await PortalProcess.StartAsync(dataPath, new Dictionary<string, string> { [key] = value }, waitUntilReady: false);

        var exitCode = await portal.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, portal.Output, StringComparison.Ordinal);
        TestPaths.DeleteQuietly(dataPath);
    }

    [Fact]
    public async Task Weights_all_zero_stop_the_start()
    {
        var dataPath = TestPaths.NewTempFolder("matching-zero");
        var zero = new[] { "Topics", "Similarity", "Geography", "Capacity", "Availability" }.ToDictionary(n => $"Portal:Matching:Weights:{n}", _ => "0");
        await using var portal = await PortalProcess.StartAsync(dataPath, zero, waitUntilReady: false);

        Assert.NotEqual(0, await portal.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("must be more than 0, or every librarian would score the same", portal.Output, StringComparison.Ordinal);
        TestPaths.DeleteQuietly(dataPath);
    }
}
