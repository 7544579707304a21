using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>
/// /account/notifications (how each person hears of things, what they follow) and /notifications
/// (the list, opening one, marking all read, the unread count in the header), in the running portal.
/// </summary>
public sealed partial class NotificationPagesTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private const string Settings = "/account/notifications";

    private static Dictionary<string, string> AllAt(string delivery) =>
        Portal.Core.Notifications.NotificationKinds.All.ToDictionary(kind => $"Delivery[{kind.Kind}]", _ => delivery);

    private async Task<(TestLibrarian Who, HttpClient Client)> NewSignedInLibrarianAsync()
    {
        var librarian = (await site.Portal.NewLibrariansAsync(1))[0];
        return (librarian, await site.Portal.SignedInAsync(librarian.Email));
    }

    private Task<long> CountAsync(string table, string userId) =>
        site.Portal.ScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE UserId = $user", ("$user", userId));

    [Fact]
    public async Task The_settings_page_shows_every_kind_at_its_default_and_the_topics_and_work_streams_to_follow()
    {
        var (_, client) = await NewSignedInLibrarianAsync();
        using (client)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(Settings));

            Assert.Contains("<h1>Email and notification settings</h1>", html, StringComparison.Ordinal);
            Assert.Equal(
                Portal.Core.Notifications.NotificationKinds.All.Count(k => k.Default == Portal.Core.Notifications.NotificationDelivery.Immediately),
                CheckedRadio().Matches(html).Count(m => m.Groups["value"].Value == "Immediately"));
            Assert.Contains("Reminders before the deadline of requests you hold", html, StringComparison.Ordinal);
            Assert.Contains("In the weekly digest", html, StringComparison.Ordinal);
            Assert.Contains("Only in the portal", html, StringComparison.Ordinal);
            Assert.NotEmpty(Choices(html, "Topics"));
            Assert.NotEmpty(Choices(html, "WorkStreams"));
            Assert.Contains("href=\"/account/notifications\">Email and notification settings</a>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Saving_keeps_each_choice_and_replaces_the_subscriptions()
    {
        var (who, client) = await NewSignedInLibrarianAsync();
        using (client)
        {
            var html = await client.GetStringAsync(Settings);
            var topics = Choices(html, "Topics");
            var workStreams = Choices(html, "WorkStreams");
            var deliveries = AllAt("Immediately");
            deliveries["Delivery[RequestClaimed]"] = "Off";
            deliveries["Delivery[RequestMessage]"] = "WeeklyDigest";
            var fields = deliveries.ToList();
            fields.Add(new("Topics", topics[0]));
            fields.Add(new("Topics", topics[1]));
            fields.Add(new("WorkStreams", workStreams[0]));

            using var first = await client.PostFormAsync(Settings, fields);
            using var second = await client.PostFormAsync(Settings, [.. fields.Where(f => f.Key != "Topics" && f.Key != "WorkStreams"), new("Topics", topics[2])]);
            using var again = await client.PostFormAsync(Settings, [.. fields.Where(f => f.Key != "Topics" && f.Key != "WorkStreams"), new("Topics", topics[2])]);
            var page = WebUtility.HtmlDecode(await client.GetStringAsync(Settings));

            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal(Settings, first.Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
            Assert.Contains("Your email and notification settings have been saved.", page, StringComparison.Ordinal);
            var saved = await site.Portal.QueryAsync("SELECT Kind, Delivery FROM NotificationPreferences WHERE UserId = $user ORDER BY Kind", ("$user", who.Id));
            Assert.Equal([("RequestClaimed", "Off"), ("RequestMessage", "WeeklyDigest")], saved.Select(r => ((string)r["Kind"]!, (string)r["Delivery"]!)));
            var followed = await site.Portal.QueryAsync("SELECT TopicId, WorkStreamId FROM Subscriptions WHERE UserId = $user", ("$user", who.Id));
            Assert.Equal(topics[2], Convert.ToString(Assert.Single(followed)["TopicId"], CultureInfo.InvariantCulture));
            Assert.Matches("name=\"Delivery\\[RequestClaimed\\]\" type=\"radio\" value=\"Off\" checked", page);
            Assert.Matches($"name=\"Topics\" type=\"checkbox\" value=\"{topics[2]}\" checked", page);
            Assert.DoesNotMatch($"name=\"Topics\" type=\"checkbox\" value=\"{topics[0]}\" checked", page);
        }
    }

    [Fact]
    public async Task The_weekly_digest_can_be_stopped_and_started_again()
    {
        var (who, client) = await NewSignedInLibrarianAsync();
        using (client)
        {
            var before = await client.GetStringAsync(Settings);
            var fields = AllAt("Immediately");
            fields["Digest"] = "Off";
            using var stopped = await client.PostFormAsync(Settings, fields);
            var whileStopped = await client.GetStringAsync(Settings);
            var rowWhileStopped = await site.Portal.ScalarAsync<string>("SELECT Delivery FROM NotificationPreferences WHERE UserId = $user AND Kind = 'WeeklyDigest'", ("$user", who.Id));
            fields["Digest"] = "On";
            using var started = await client.PostFormAsync(Settings, fields);

            Assert.Matches("name=\"Digest\" type=\"radio\" value=\"On\" checked", before);
            Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
            Assert.Matches("name=\"Digest\" type=\"radio\" value=\"Off\" checked", whileStopped);
            Assert.Equal("Off", rowWhileStopped);
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
            Assert.Equal(0, await site.Portal.ScalarAsync<int>("SELECT COUNT(*) FROM NotificationPreferences WHERE UserId = $user AND Kind = 'WeeklyDigest'", ("$user", who.Id)));
        }
    }

    [Theory]
    [InlineData("Delivery[RequestClaimed]", "Sometimes", "Choose how you want to hear about claims, releases and mentors on requests you take part in")]
    [InlineData("Delivery[Nonsense]", "Off", "Choose how to hear about only the kinds of notification listed")]
    [InlineData("Topics", "999999", "Choose only topics from the list")]
    [InlineData("Topics", "frailty", "Choose only topics from the list")]
    [InlineData("WorkStreams", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "Choose only work streams from the list")]
    [InlineData("WorkStreams", "not-a-work-stream", "Choose only work streams from the list")]
    [InlineData("Digest", "Fortnightly", "Choose whether to get the weekly digest")]
    public async Task A_value_the_page_does_not_offer_is_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var (who, client) = await NewSignedInLibrarianAsync();
        using (client)
        {
            var fields = AllAt("Off");
            fields[field] = value;

            using var response = await client.PostFormAsync(Settings, fields);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("nhsuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.Contains("<title>Error: Email and notification settings", html, StringComparison.Ordinal);
            Assert.Equal(0, await CountAsync("NotificationPreferences", who.Id));
            Assert.Equal(0, await CountAsync("Subscriptions", who.Id));
        }
    }

    [Fact]
    public async Task A_save_without_the_antiforgery_token_is_refused()
    {
        var (who, client) = await NewSignedInLibrarianAsync();
        using (client)
        {
            using var response = await client.PostAsync(Settings, new FormUrlEncodedContent(AllAt("Off")));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(0, await CountAsync("NotificationPreferences", who.Id));
        }
    }

    [Theory]
    [InlineData(Settings)]
    [InlineData("/notifications")]
    public async Task Someone_not_signed_in_is_sent_to_sign_in(string path)
    {
        using var client = site.Portal.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claims_only_in_the_portal_make_no_mail_and_messages_for_the_digest_are_marked_for_it()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        var fields = AllAt("Immediately");
        fields["Delivery[RequestClaimed]"] = "Off";
        fields["Delivery[RequestMessage]"] = "WeeklyDigest";
        using var saved = await helen.PostFormAsync(Settings, fields);
        var librarian = (await site.Portal.NewLibrariansAsync(1))[0];
        using var api = site.Portal.Api(librarian.Token);
        var id = await site.Portal.SubmittedRequestAsync("Do hospital at home services reduce readmissions for frail older people?");

        using var claimed = await api.PostAsync($"/api/v1/requests/{id}/claim", null);
        using var message = await api.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { body = "I am starting the search today." });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, message.StatusCode);
        var helenId = await site.Portal.UserIdAsync(Helen);
        var told = await site.Portal.QueryAsync(
            "SELECT Kind, ForDigest FROM Notifications WHERE UserId = $user AND Link LIKE $link ORDER BY Id", ("$user", helenId), ("$link", $"/requests/{id}%"));
        Assert.Equal([("RequestClaimed", 0L), ("RequestMessage", 1L)], told.Select(r => ((string)r["Kind"]!, Convert.ToInt64(r["ForDigest"], CultureInfo.InvariantCulture))));
        var mails = await site.Portal.OutboxAsync("Notification", Helen);
        Assert.DoesNotContain(mails, m => m.Model.GetProperty("url").GetString()?.Contains(id.ToString(), StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_list_shows_the_newest_first_twenty_a_page_with_the_unread_marked_and_counted_in_the_header()
    {
        var (who, client) = await NewSignedInLibrarianAsync();
        using (client)
        {
            await AddNotificationsAsync(who.Id, 25, read: 3);

            var first = WebUtility.HtmlDecode(await client.GetStringAsync("/notifications"));
            var second = WebUtility.HtmlDecode(await client.GetStringAsync("/notifications?page=2"));

            Assert.Equal(20, NotificationLinks().Count(first));
            Assert.Contains("Notice 25 for the test", first, StringComparison.Ordinal);
            Assert.True(first.IndexOf("Notice 25 for", StringComparison.Ordinal) < first.IndexOf("Notice 24 for", StringComparison.Ordinal), "newest first");
            Assert.DoesNotContain("Notice 5 for the test", first, StringComparison.Ordinal);
            Assert.Equal(5, NotificationLinks().Count(second));
            Assert.Contains("Notice 1 for the test", second, StringComparison.Ordinal);
            Assert.Contains("You have 22 unread notifications.", first, StringComparison.Ordinal);
            Assert.Equal(20, Regex.Count(first, ">Unread</strong>"));
            Assert.Equal(2, Regex.Count(second, ">Unread</strong>"));
            Assert.Contains("href=\"/notifications\">Notifications (22<span class=\"nhsuk-u-visually-hidden\"> unread</span>)</a>", first, StringComparison.Ordinal);
            Assert.Contains("Page 2 of 2", first, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Opening_a_notification_marks_it_read_and_goes_to_its_page_only_when_that_is_on_this_site()
    {
        var (who, client) = await NewSignedInLibrarianAsync();
        using (client)
        {
            var local = await AddNotificationAsync(who.Id, "Your request was claimed.", "/requests/3f2504e0-4f89-11d3-9a0c-0305e82c3301#conversation");
            var elsewhere = await AddNotificationAsync(who.Id, "A link to another site.", "//evil.example.org/steal");
            var absolute = await AddNotificationAsync(who.Id, "An absolute link.", "https://evil.example.org/steal");
            var backslash = await AddNotificationAsync(who.Id, "A backslash link.", "/\\evil.example.org");

            using var opened = await client.GetAsync($"/notifications/{local}");
            var headerAfter = WebUtility.HtmlDecode(await client.GetStringAsync("/notifications"));

            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            Assert.Equal("/requests/3f2504e0-4f89-11d3-9a0c-0305e82c3301#conversation", opened.Headers.Location?.OriginalString);
            Assert.NotNull(await site.Portal.ScalarAsync<object>("SELECT ReadAt FROM Notifications WHERE Id = $id", ("$id", local)));
            Assert.Contains("Notifications (3<span class=\"nhsuk-u-visually-hidden\"> unread</span>)", headerAfter, StringComparison.Ordinal);
            foreach (var id in new[] { elsewhere, absolute, backslash })
            {
                using var refused = await client.GetAsync($"/notifications/{id}");
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.Equal("/notifications", refused.Headers.Location?.OriginalString);
            }
        }
    }

    [Fact]
    public async Task Another_persons_notification_is_not_found_and_stays_unread()
    {
        var (who, client) = await NewSignedInLibrarianAsync();
        var other = (await site.Portal.NewLibrariansAsync(1))[0];
        using (client)
        {
            var theirs = await AddNotificationAsync(other.Id, "Not yours.", "/requests");

            using var response = await client.GetAsync($"/notifications/{theirs}");
            using var missing = await client.GetAsync("/notifications/999999999");

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Null(await site.Portal.ScalarAsync<object>("SELECT ReadAt FROM Notifications WHERE Id = $id", ("$id", theirs)));
            Assert.Equal(0, await CountAsync("Notifications", who.Id));
        }
    }

    [Fact]
    public async Task Mark_all_as_read_clears_the_count_and_leaves_other_peoples_notifications_alone()
    {
        var (who, client) = await NewSignedInLibrarianAsync();
        var other = (await site.Portal.NewLibrariansAsync(1))[0];
        using (client)
        {
            await AddNotificationsAsync(who.Id, 4, read: 1);
            await AddNotificationsAsync(other.Id, 2, read: 0);

            using var response = await client.PostFormAsync("/notifications", "/notifications/read", []);
            var page = WebUtility.HtmlDecode(await client.GetStringAsync("/notifications"));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("3 notifications marked as read.", page, StringComparison.Ordinal);
            Assert.Contains("You have no unread notifications.", page, StringComparison.Ordinal);
            Assert.Contains("href=\"/notifications\">Notifications</a>", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Mark all as read", page, StringComparison.Ordinal);
            Assert.Equal(2, await site.Portal.ScalarAsync<long>("SELECT COUNT(*) FROM Notifications WHERE UserId = $user AND ReadAt IS NULL", ("$user", other.Id)));
        }
    }

    [Fact]
    public async Task Mark_all_as_read_without_the_antiforgery_token_is_refused()
    {
        var (who, client) = await NewSignedInLibrarianAsync();
        using (client)
        {
            await AddNotificationsAsync(who.Id, 2, read: 0);

            using var response = await client.PostAsync("/notifications/read", new FormUrlEncodedContent([]));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(2, await site.Portal.ScalarAsync<long>("SELECT COUNT(*) FROM Notifications WHERE UserId = $user AND ReadAt IS NULL", ("$user", who.Id)));
        }
    }

    /// <summary>Notices numbered 1 (oldest) to <paramref name="count"/>, the oldest <paramref name="read"/> of them read.</summary>
    private async Task AddNotificationsAsync(string userId, int count, int read)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-count);
        for (var i = 1; i <= count; i++)
        {
            await site.Portal.ExecuteAsync(
                "INSERT INTO Notifications (UserId, CreatedAt, Text, Link, ReadAt, Kind, ForDigest) VALUES ($user, $at, $text, '/requests', $read, 'RequestMessage', 0)",
                ("$user", userId), ("$at", start.AddHours(i).UtcTicks), ("$text", $"Notice {i} for the test"), ("$read", i <= read ? (object)start.AddHours(i).UtcTicks : null));
        }
    }

    private async Task<long> AddNotificationAsync(string userId, string text, string link)
    {
        await site.Portal.ExecuteAsync(
            "INSERT INTO Notifications (UserId, CreatedAt, Text, Link, Kind, ForDigest) VALUES ($user, $at, $text, $link, 'RequestClaimed', 0)",
            ("$user", userId), ("$at", DateTimeOffset.UtcNow.UtcTicks), ("$text", text), ("$link", link));
        return await site.Portal.ScalarAsync<long>("SELECT MAX(Id) FROM Notifications WHERE UserId = $user", ("$user", userId));
    }

    private static List<string> Choices(string html, string name) =>
        Regex.Matches(html, $"name=\"{name}\" type=\"checkbox\" value=\"(?<value>[^\"]+)\"").Select(m => m.Groups["value"].Value).ToList();

    [GeneratedRegex("name=\"Delivery\\[[A-Za-z]+\\]\" type=\"radio\" value=\"(?<value>[A-Za-z]+)\" checked")]
    private static partial Regex CheckedRadio();

    [GeneratedRegex("<a href=\"/notifications/\\d+\"")]
    private static partial Regex NotificationLinks();
}
