using System.Net;
using Portal.Testing;
using static Portal.Web.Tests.CoordinationSite;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>The pipeline board and the capacity view, through the real portal.</summary>
public sealed class CoordinationPageTests(CoordinationSiteFixture site) : IClassFixture<CoordinationSiteFixture>
{
    [Fact]
    public async Task The_board_shows_requests_by_state_and_system_with_long_unclaimed_and_overdue_ones_highlighted()
    {
        var old = await site.Portal.SubmittedRequestAsync("Do strength and balance classes keep frail people out of hospital?");
        await site.Portal.SetRequestTimeAsync(old, "SubmittedAt", DateTimeOffset.UtcNow.AddDays(-8));
        var fresh = await site.Portal.SubmittedRequestAsync("Does a frailty hub reduce emergency admissions?");
        using var priya = await site.Portal.CoordinatorAsync();

        using var response = await priya.GetAsync("/coordination");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unclaimed = Section(html, "unclaimed");
        Assert.Contains("Unclaimed for 5 days or more", unclaimed, StringComparison.Ordinal);
        Assert.Contains(old.ToString(), unclaimed, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh.ToString(), unclaimed, StringComparison.Ordinal);
        Assert.Contains($"/coordination/requests/{old}/assign", unclaimed, StringComparison.Ordinal);
        var overdue = Section(html, "overdue");
        Assert.Contains(RecipeRequest("frailty-efi-accuracy").ToString(), overdue, StringComparison.Ordinal);
        Assert.Contains("Fiona Laidlaw", overdue, StringComparison.Ordinal);
        var bySystem = Section(html, "by-system");
        Assert.Contains("North East and North Cumbria", bySystem, StringComparison.Ordinal);
        Assert.Contains("data-system=\"E54000050\"", bySystem, StringComparison.Ordinal);
        var byState = Section(html, "by-state");
        Assert.Contains("id=\"state-AwaitingRequester\"", byState, StringComparison.Ordinal);
        Assert.Contains(RecipeRequest("maternity-continuity-of-carer").ToString(), byState, StringComparison.Ordinal);
        Assert.Contains("Delivered in the last 30 days", byState, StringComparison.Ordinal);
        Assert.DoesNotContain(RecipeRequest("frailty-virtual-wards").ToString(), html, StringComparison.Ordinal); // a draft is not in the pipeline
        Assert.Contains("href=\"/coordination\"", html, StringComparison.Ordinal); // the menu item
    }

    [Fact]
    public async Task The_board_filters_by_system_and_says_so_when_the_system_is_unknown()
    {
        using var priya = await site.Portal.CoordinatorAsync();

        using var elsewhere = await priya.GetAsync("/coordination?System=E54000055");
        using var unknown = await priya.GetAsync("/coordination?System=E99999999");
        var elsewhereHtml = await elsewhere.Content.ReadAsStringAsync();
        var unknownHtml = await unknown.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Contains("There are no requests on the board for this system", elsewhereHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(RecipeRequest("frailty-efi-accuracy").ToString(), elsewhereHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("There is a problem", unknownHtml, StringComparison.Ordinal);
        Assert.Contains("Choose a system from the list", unknownHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestSite.LibrarianEmail, "/coordination")]
    [InlineData(TestSite.LibrarianEmail, "/coordination/activity")]
    [InlineData(TestSite.LibrarianEmail, "/coordination/activity.csv")]
    [InlineData(Helen, "/coordination")]
    [InlineData(Helen, "/coordination/activity")]
    [InlineData(Helen, "/coordination/librarians")]
    [InlineData(TestSite.MemberEmail, "/coordination/librarians")]
    public async Task Librarians_leads_and_members_may_not_open_the_coordinator_pages(string email, string path)
    {
        using var client = await site.Portal.SignedInAsync(email, followRedirects: true);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("href=\"/coordination\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_capacity_view_shows_who_has_room_and_who_is_away()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await site.Portal.SetServiceProfileAsync(TestSite.LibrarianEmail, "Gateshead Library and Knowledge Service", capacity: 2);
        await site.Portal.SetServiceProfileAsync(Tomasz, "Newcastle Library and Knowledge Service", capacity: 3, away: (today.AddDays(-1), today.AddDays(6)));
        await site.Portal.SetServiceProfileAsync(Fiona, null, capacity: 4, away: (today.AddDays(10), today.AddDays(12)));
        await site.Portal.ExecuteAsync("DELETE FROM LibrarianProfiles WHERE UserId = $user", ("$user", await site.Portal.UserIdAsync("aisha.mahmood@example.org")));
        using var priya = await site.Portal.CoordinatorAsync();

        var html = await priya.GetStringAsync("/coordination/librarians");
        var byName = await priya.GetStringAsync("/coordination/librarians?sort=name");

        var lena = Row(html, await site.Portal.UserIdAsync(TestSite.LibrarianEmail));
        Assert.Contains("Gateshead Library and Knowledge Service", lena, StringComparison.Ordinal);
        Assert.Contains("data-open-claims=\"2\"", lena, StringComparison.Ordinal);
        Assert.Contains(">Full<", lena, StringComparison.Ordinal);
        var tomasz = Row(html, await site.Portal.UserIdAsync(Tomasz));
        Assert.Contains($"Away now, back after {today.AddDays(6).ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}", tomasz, StringComparison.Ordinal);
        Assert.Contains("Offers", tomasz, StringComparison.Ordinal);
        var fiona = Row(html, await site.Portal.UserIdAsync(Fiona));
        Assert.Contains("Away from", fiona, StringComparison.Ordinal);
        Assert.Contains("data-open-claims=\"1\"", fiona, StringComparison.Ordinal);
        var aisha = Row(html, await site.Portal.UserIdAsync("aisha.mahmood@example.org"));
        Assert.Contains("No profile yet", aisha, StringComparison.Ordinal);
        // Most room first: Fiona (3 free) before Lena (full); Tomasz is away, so last.
        Assert.True(html.IndexOf("Fiona Laidlaw", StringComparison.Ordinal) < html.IndexOf("Lena Hartley", StringComparison.Ordinal));
        Assert.True(html.IndexOf("Lena Hartley", StringComparison.Ordinal) < html.IndexOf("Tomasz Nowak", StringComparison.Ordinal));
        Assert.True(byName.IndexOf("Aisha Mahmood", StringComparison.Ordinal) < byName.IndexOf("Fiona Laidlaw", StringComparison.Ordinal));
        Assert.DoesNotContain("Priya Raman</td>", html, StringComparison.Ordinal); // coordinators are not librarians
    }

    private static string Row(string html, string userId)
    {
        var start = html.IndexOf($"data-librarian=\"{userId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row for {userId}.");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
