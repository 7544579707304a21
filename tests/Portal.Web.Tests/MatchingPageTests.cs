using System.Net;
using System.Text.RegularExpressions;
using Portal.Testing;
using static Portal.Web.Tests.MatchingSite;

namespace Portal.Web.Tests;

/// <summary>"Requests for me" and the coordinator's "Best-placed librarians", through the real portal.</summary>
public sealed partial class MatchingPageTests(MatchingSiteFixture site) : IClassFixture<MatchingSiteFixture>
{
    /// <summary>
    /// A librarian in the North East, experienced in one topic and with past work on it, and three
    /// submitted requests: on that topic in the North East, on another topic in Birmingham, and one due soon.
    /// </summary>
    private async Task<Situation> SeedAsync()
    {
        var word = Unique();
        var sarcopenia = await site.Portal.AddTopicAsync($"Sarcopenia {word}");
        var hearing = await site.Portal.AddTopicAsync($"Hearing loss {word}");
        var northEast = await site.Portal.AddWorkStreamAsync($"Muscle health {word}", NorthEast, sarcopenia, hearing);
        var birmingham = await site.Portal.AddWorkStreamAsync($"Hearing services {word}", Birmingham, hearing);
        var email = $"nadia.{word}@example.org";
        var nadia = await site.Portal.AddLibrarianAsync(email, $"Nadia {word}");
        await site.Portal.SetProfileAsync(nadia, NorthEast, capacity: 2, topics: [(sarcopenia, "Experienced")]);
        var past = await site.Portal.AddRequestAsync(northEast, $"Does resistance training help sarcopenia? {word}");
        await site.Portal.GiveRequestAsync(past, nadia, "Delivered");

        var near = await site.Portal.AddRequestAsync(northEast, $"Does protein supplementation prevent sarcopenia? {word}");
        var far = await site.Portal.AddRequestAsync(birmingham, $"Do hearing aids slow cognitive decline? {word}");
        var soon = await site.Portal.AddRequestAsync(birmingham, $"Is hearing screening at 65 cost effective? {word}", deadlineInDays: 10);
        return new Situation(word, sarcopenia, hearing, email, nadia, near, far, soon);
    }

    private sealed record Situation(string Word, string Sarcopenia, string Hearing, string Email, string Nadia, Guid Near, Guid Far, Guid Soon);

    private static List<Guid> RequestsListed(string html) =>
        ListedRequest().Matches(html).Select(m => Guid.Parse(m.Groups["id"].Value)).ToList();

    /// <summary>The card of one request on the page.</summary>
    private static string Card(string html, Guid id)
    {
        var start = html.IndexOf($"data-request=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"Request {id} is not listed.");
        return html[start..html.IndexOf("</li>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Requests_for_me_ranks_the_best_match_first_and_says_why()
    {
        var s = await SeedAsync();
        using var nadia = await site.Portal.SignedInAsync(s.Email);

        // Both work streams share the hearing topic, so this lists exactly this test's requests.
        var html = await nadia.GetStringAsync($"/librarians/me/matches?Topic={s.Hearing}");
        var listed = RequestsListed(html);
        var near = Card(html, s.Near);
        var far = Card(html, s.Far);

        Assert.Equal([s.Near, s.Soon, s.Far], listed); // best match first; of equal matches, the nearer deadline; delivered work is not listed
        Assert.Contains(">Strong match<", near, StringComparison.Ordinal);
        Assert.Contains($"Experienced in Sarcopenia {s.Word}.", near, StringComparison.Ordinal);
        Assert.Contains("Past summaries on very similar questions.", near, StringComparison.Ordinal);
        Assert.Contains("Works in the same system.", near, StringComparison.Ordinal);
        Assert.Contains("2 of 2 searches free.", near, StringComparison.Ordinal);
        Assert.Contains("Available until the deadline.", near, StringComparison.Ordinal);
        Assert.Contains($"href=\"/requests/{s.Near}\"", near, StringComparison.Ordinal);
        Assert.Contains(">Weak match<", far, StringComparison.Ordinal);
        Assert.Contains("None of the request&#x27;s topics are on the profile.", far, StringComparison.Ordinal);
        Assert.Contains("Past summaries on similar questions.", far, StringComparison.Ordinal); // half its topics were in her past work
        Assert.Contains("Works elsewhere.", far, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_away_and_searches_held_lower_the_match_and_are_explained()
    {
        var s = await SeedAsync();
        await site.Portal.SetProfileAsync(s.Nadia, NorthEast, capacity: 1, topics: [(s.Sarcopenia, "Experienced")], away: [(3, 5)]);
        await site.Portal.GiveRequestAsync(s.Soon, s.Nadia, "Claimed");
        using var nadia = await site.Portal.SignedInAsync(s.Email);

        var near = Card(await nadia.GetStringAsync("/librarians/me/matches"), s.Near);

        Assert.Contains(">Good match<", near, StringComparison.Ordinal);
        Assert.Contains("0 of 1 searches free.", near, StringComparison.Ordinal);
        Assert.Contains("before the deadline.", near, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filters_narrow_the_list_by_topic_system_and_deadline()
    {
        var s = await SeedAsync();
        using var nadia = await site.Portal.SignedInAsync(s.Email);

        var byTopic = RequestsListed(await nadia.GetStringAsync($"/librarians/me/matches?Topic={s.Sarcopenia}"));
        var bySystem = RequestsListed(await nadia.GetStringAsync($"/librarians/me/matches?System={Birmingham}"));
        var dueSoon = RequestsListed(await nadia.GetStringAsync("/librarians/me/matches?DueWithin=14"));
        var all = await nadia.GetStringAsync($"/librarians/me/matches?Topic={s.Hearing}&System={Birmingham}&DueWithin=30");

        Assert.Equal([s.Near], byTopic);
        Assert.Contains(s.Far, bySystem);
        Assert.Contains(s.Soon, bySystem);
        Assert.DoesNotContain(s.Near, bySystem);
        Assert.Contains(s.Soon, dueSoon);
        Assert.DoesNotContain(s.Near, dueSoon);
        Assert.Equal([s.Soon, s.Far], RequestsListed(all));
        Assert.Contains("2 requests match the filters", all, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{s.Hearing}\" selected", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_that_match_nothing_say_so()
    {
        var s = await SeedAsync();
        using var nadia = await site.Portal.SignedInAsync(s.Email);

        var html = await nadia.GetStringAsync($"/librarians/me/matches?Topic={s.Sarcopenia}&System={Coventry}");

        Assert.Empty(RequestsListed(html));
        Assert.Contains("No open requests match these filters. Try fewer filters.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Topic=no-such-topic", "Choose a topic from the list")]
    [InlineData("System=E99999999", "Choose a system from the list")]
    [InlineData("System=E08000037", "Choose a system from the list")] // Gateshead is a place, not a system
    [InlineData("DueWithin=soon", "Due within must be a whole number of days from 1 to 365")]
    [InlineData("DueWithin=0", "Due within must be a whole number of days from 1 to 365")]
    [InlineData("DueWithin=366", "Due within must be a whole number of days from 1 to 365")]
    [InlineData("Page=0", "Page must be a whole number, 1 or more")]
    [InlineData("Page=two", "Page must be a whole number, 1 or more")]
    public async Task A_bad_filter_is_explained_with_a_400_and_no_list(string query, string message)
    {
        using var lena = await site.Portal.SignedInAsync(TestSite.LibrarianEmail);

        using var response = await lena.GetAsync($"/librarians/me/matches?{query}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: Requests for me", html, StringComparison.Ordinal);
        Assert.Empty(RequestsListed(html));
    }

    [Fact]
    public async Task A_long_list_is_paged_keeping_the_filters()
    {
        var word = Unique();
        var topic = await site.Portal.AddTopicAsync($"Polypharmacy {word}");
        var stream = await site.Portal.AddWorkStreamAsync($"Medicines review {word}", NorthEast, topic);
        for (var i = 0; i < 12; i++)
        {
            await site.Portal.AddRequestAsync(stream, $"Question {i} on polypharmacy {word}?", deadlineInDays: 20 + i);
        }

        using var lena = await site.Portal.SignedInAsync(TestSite.LibrarianEmail);

        var first = await lena.GetStringAsync($"/librarians/me/matches?Topic={topic}");
        var second = await lena.GetStringAsync($"/librarians/me/matches?Topic={topic}&Page=2");
        var beyond = await lena.GetStringAsync($"/librarians/me/matches?Topic={topic}&Page=9");

        Assert.Equal(10, RequestsListed(first).Count);
        Assert.Contains($"href=\"/librarians/me/matches?Topic={topic}&amp;Page=2\"", first, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", first, StringComparison.Ordinal);
        Assert.Equal(2, RequestsListed(second).Count);
        Assert.Empty(RequestsListed(first).Intersect(RequestsListed(second)));
        Assert.Equal(RequestsListed(second), RequestsListed(beyond));
    }

    [Fact]
    public async Task The_page_is_in_a_librarians_menu_and_refused_to_members_and_leads()
    {
        using var lena = await site.Portal.SignedInAsync(TestSite.LibrarianEmail);
        using var claire = await site.Portal.SignedInAsync(TestSite.MemberEmail, followRedirects: true);
        using var helen = await site.Portal.SignedInAsync(RequestsSite.Helen, followRedirects: true);

        var home = await lena.GetStringAsync("/");
        using var member = await claire.GetAsync("/librarians/me/matches");
        using var lead = await helen.GetAsync("/librarians/me/matches");
        var leadHome = await helen.GetStringAsync("/");

        Assert.Contains("href=\"/librarians/me/matches\"", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, lead.StatusCode);
        Assert.DoesNotContain("href=\"/librarians/me/matches\"", leadHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_librarian_is_not_offered_their_own_request()
    {
        var word = Unique();
        var helenId = await site.Portal.UserIdAsync(RequestsSite.Helen);
        await site.Portal.ExecuteAsync(
            "INSERT INTO AspNetUserRoles (UserId, RoleId) SELECT $user, Id FROM AspNetRoles WHERE Name = 'Librarian'", ("$user", helenId));
        try
        {
            var topic = await site.Portal.AddTopicAsync($"Delirium {word}");
            var stream = await site.Portal.AddWorkStreamAsync($"Delirium care {word}", NorthEast, topic);
            var own = await site.Portal.AddRequestAsync(stream, $"Does a delirium bundle shorten stays? {word}");
            using var helen = await site.Portal.SignedInAsync(RequestsSite.Helen);

            var html = await helen.GetStringAsync($"/librarians/me/matches?Topic={topic}");

            Assert.DoesNotContain(own, RequestsListed(html));
            Assert.Contains("No open requests match these filters.", html, StringComparison.Ordinal);
        }
        finally
        {
            await site.Portal.ExecuteAsync(
                "DELETE FROM AspNetUserRoles WHERE UserId = $user AND RoleId = (SELECT Id FROM AspNetRoles WHERE Name = 'Librarian')", ("$user", helenId));
        }
    }

    [Fact]
    public async Task A_coordinator_sees_the_best_placed_librarians_on_a_submitted_request_with_the_reasons()
    {
        var s = await SeedAsync();
        using var priya = site.Portal.CreateClient();
        await priya.SignInAsCoordinatorAsync();
        using var helen = await site.Portal.SignedInAsync(RequestsSite.Helen);

        var html = await priya.GetStringAsync($"/requests/{s.Near}");
        var section = html[html.IndexOf("id=\"best-placed\"", StringComparison.Ordinal)..];
        var requesterView = await helen.GetStringAsync($"/requests/{s.Near}");
        var claimed = await priya.GetStringAsync($"/requests/{RequestsSite.RecipeRequest("frailty-cga-community")}");

        Assert.Contains("<h2 id=\"best-placed-librarians\">Best-placed librarians</h2>", html, StringComparison.Ordinal);
        Assert.Equal(s.Nadia, BestPlaced().Match(section).Groups["id"].Value);
        Assert.Contains($"Nadia {s.Word}: strong match", section, StringComparison.Ordinal);
        Assert.Contains($"Experienced in Sarcopenia {s.Word}.", section, StringComparison.Ordinal);
        Assert.Contains("best placed first", section, StringComparison.Ordinal);
        Assert.DoesNotContain("data-librarian=\"" + await site.Portal.UserIdAsync(RequestsSite.Helen) + "\"", section, StringComparison.Ordinal);
        Assert.DoesNotContain("Best-placed librarians", requesterView, StringComparison.Ordinal);
        Assert.DoesNotContain("Best-placed librarians", claimed, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-request=\"(?<id>[0-9a-f-]{36})\"")]
    private static partial Regex ListedRequest();

    [GeneratedRegex("data-librarian=\"(?<id>[^\"]+)\"")]
    private static partial Regex BestPlaced();
}
