using System.Net;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>The preview of the next weekly digest, on a portal whose digest service does not run during the tests (it looks every half hour).</summary>
public sealed class DigestPreviewTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    [Fact]
    public async Task A_librarian_sees_their_digest_notices_by_kind_and_the_new_requests_that_match_them()
    {
        var lena = await site.Portal.UserIdAsync(TestSite.LibrarianEmail);
        await site.Portal.SetLastDigestAsync(lena, DateTimeOffset.UtcNow);
        await site.Portal.AddDigestNoticeAsync(lena, "RequestMessage", "Helen Armstrong sent a message about the evidence request.", "/requests/abc#conversation");
        await site.Portal.AddDigestNoticeAsync(lena, "DeadlineReminder", "The deadline of “Hip protectors in care homes” is in 3 days.", "/requests/def");
        var request = await site.Portal.SubmittedRequestAsync("Do home hazard assessments prevent falls after a hospital stay?");
        using var client = await site.Portal.SignedInAsync(TestSite.LibrarianEmail);

        using var response = await client.GetAsync("/account/digest");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Your next weekly digest</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing new since your last digest", html, StringComparison.Ordinal);
        // Headings in the order of the kinds, then the matching requests.
        var messages = html.IndexOf("<h2>Messages, questions and answers on requests you take part in</h2>", StringComparison.Ordinal);
        var reminders = html.IndexOf("<h2>Reminders before the deadline of requests you hold</h2>", StringComparison.Ordinal);
        var matches = html.IndexOf("<h2>New requests that match your librarian profile</h2>", StringComparison.Ordinal);
        Assert.True(messages > 0 && reminders > messages && matches > reminders, html);
        Assert.Contains("<a href=\"/requests/abc#conversation\">Helen Armstrong sent a message about the evidence request.</a>", html, StringComparison.Ordinal);
        Assert.Contains("The deadline of “Hip protectors in care homes” is in 3 days.", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/requests/{request}\">Do home hazard assessments prevent falls after a hospital stay? (", html, StringComparison.Ordinal);
        // Only requests submitted since the last digest: the recipe's older ones are not news.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html[matches..html.IndexOf("</ul>", matches, StringComparison.Ordinal)], "<a href=\"/requests/"));
        Assert.Contains("href=\"/account/notifications\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_librarian_who_turned_matching_requests_off_gets_no_matches_in_the_digest()
    {
        var tomasz = await site.Portal.UserIdAsync("tomasz.nowak@example.org");
        await site.Portal.SetLastDigestAsync(tomasz, DateTimeOffset.UtcNow);
        await site.Portal.ExecuteAsync("INSERT INTO NotificationPreferences (UserId, Kind, Delivery) VALUES ($user, 'RequestMatched', 'Off')", ("$user", tomasz));
        var request = await site.Portal.SubmittedRequestAsync("Does a falls clinic reduce readmissions in frail older people?");
        using var client = await site.Portal.SignedInAsync("tomasz.nowak@example.org");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/account/digest"));

        Assert.DoesNotContain($"/requests/{request}", html, StringComparison.Ordinal);
        Assert.Contains("Nothing new since your last digest — no email will be sent.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_with_nothing_new_is_told_no_email_will_be_sent()
    {
        using var client = await site.Portal.SignedInAsync(TestSite.MemberEmail);

        using var response = await client.GetAsync("/account/digest");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing new since your last digest — no email will be sent.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>", html[..html.IndexOf("Nothing new", StringComparison.Ordinal)].Split("<h1>")[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        using var client = site.Portal.CreateClient();

        using var response = await client.GetAsync("/account/digest");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.ToString() ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }
}
