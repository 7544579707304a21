using System.Net;
using System.Text.RegularExpressions;
using Portal.Testing;
using static Portal.Web.Tests.LibrarianProfileSite;

namespace Portal.Web.Tests;

/// <summary>/librarians/me: a librarian keeps their profile; bad input is explained and saves nothing.</summary>
public sealed class LibrarianProfilePageTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private const string Path = "/librarians/me";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A complete, valid profile form: frailty experienced, dementia learning, one period of time away.</summary>
    private async Task<Dictionary<string, string>> ValidFormAsync()
    {
        var from = Today.AddDays(30);
        var to = Today.AddDays(37);
        return new Dictionary<string, string>
        {
            ["Service"] = "Queen Elizabeth Hospital Library",
            ["Organisation"] = "Gateshead Health NHS Foundation Trust",
            ["SystemId"] = (await site.Portal.AreaIdAsync("E54000050")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Topics[{await site.Portal.TopicIdAsync("frailty")}]"] = "Experienced",
            [$"Topics[{await site.Portal.TopicIdAsync("dementia")}]"] = "Learning",
            [$"Topics[{await site.Portal.TopicIdAsync("diabetes")}]"] = "NotKnown",
            ["Skills"] = "SystematicSearch",
            ["Databases"] = "CINAHL",
            ["OtherDatabases"] = "ASSIA, Social Care Online",
            ["Capacity"] = "3",
            ["HoursPerMonth"] = "10",
            ["TimeAway[0].From.Day"] = Day(from),
            ["TimeAway[0].From.Month"] = Month(from),
            ["TimeAway[0].From.Year"] = Year(from),
            ["TimeAway[0].To.Day"] = Day(to),
            ["TimeAway[0].To.Month"] = Month(to),
            ["TimeAway[0].To.Year"] = Year(to),
            ["Mentoring"] = "Seeks",
        };
    }

    private static bool IsChecked(string html, string name, string value) =>
        Regex.IsMatch(html, $"name=\"{Regex.Escape(name)}\" type=\"(radio|checkbox)\" value=\"{Regex.Escape(value)}\" checked");

    [Fact]
    public async Task A_librarian_sees_their_profile_their_searches_against_capacity_and_the_menu_item()
    {
        using var lena = await site.Portal.SignedInAsync(Lena);
        var frailty = await site.Portal.TopicIdAsync("frailty");
        var dementia = await site.Portal.TopicIdAsync("dementia");
        var diabetes = await site.Portal.TopicIdAsync("diabetes");

        using var response = await lena.GetAsync(Path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Your librarian profile", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Your librarian profile</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/librarians/me\">Librarian profile</a>", html, StringComparison.Ordinal);
        Assert.Matches("id=\"open-claims\">2 of 3<", html);
        Assert.Contains("Yes, 1 more at a time", html, StringComparison.Ordinal);
        Assert.Contains("id=\"region\">North East and Yorkshire<", html, StringComparison.Ordinal);
        Assert.True(IsChecked(html, $"Topics[{frailty}]", "Experienced"), "frailty: experienced");
        Assert.True(IsChecked(html, $"Topics[{dementia}]", "Learning"), "dementia: learning");
        Assert.True(IsChecked(html, $"Topics[{diabetes}]", "NotKnown"), "diabetes: not known");
        Assert.Contains("Falls prevention: Experienced", html, StringComparison.Ordinal); // each radio's label names its topic and parent
        Assert.True(IsChecked(html, "Skills", "QuickSearch"));
        Assert.True(IsChecked(html, "Databases", "Medline"));
        Assert.False(IsChecked(html, "Databases", "PsycINFO"));
        Assert.Contains("value=\"Gateshead Health Library and Knowledge Service\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Capacity\" type=\"text\" value=\"3\"", html, StringComparison.Ordinal);
        // No time away yet: two empty periods to fill in.
        Assert.Contains("name=\"TimeAway[1].To.Year\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"TimeAway[2].From.Day\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_librarian_at_capacity_is_told_there_is_no_room()
    {
        using var rhys = await site.Portal.SignedInAsync(Rhys);

        var html = await rhys.GetStringAsync(Path);

        Assert.Matches("id=\"open-claims\">2 of 2<", html);
        Assert.Contains("No. Release a search, or raise the number of searches you take at a time, to claim another.", html, StringComparison.Ordinal);
        Assert.True(IsChecked(html, "Mentoring", "Seeks"));
    }

    [Fact]
    public async Task Existing_time_away_is_shown_with_a_remove_box_and_two_empty_periods()
    {
        using var tomasz = await site.Portal.SignedInAsync(Tomasz);
        var away = Today.AddDays(7);

        var html = await tomasz.GetStringAsync(Path);

        Assert.Contains($"name=\"TimeAway[0].From.Day\" type=\"text\" inputmode=\"numeric\" value=\"{Day(away)}\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"TimeAway[0].Remove\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"TimeAway[1].Remove\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"TimeAway[2].Remove\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"TimeAway[3].To.Year\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_librarian_sees_the_defaults_until_the_first_save()
    {
        var email = await site.Portal.NewLibrarianAsync("new.librarian");
        using var client = await site.Portal.SignedInAsync(email);

        var html = await client.GetStringAsync(Path);

        Assert.Contains("You have not saved your profile yet", html, StringComparison.Ordinal);
        Assert.Matches("id=\"open-claims\">0 of 2<", html);
        Assert.Contains("name=\"Capacity\" type=\"text\" value=\"2\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await site.Portal.ScalarAsync<long>("SELECT COUNT(*) FROM LibrarianProfiles WHERE UserId = $id", ("$id", await site.Portal.UserIdAsync(email))));
    }

    [Fact]
    public async Task A_librarian_saves_their_profile_whole_and_it_is_audited()
    {
        var email = await site.Portal.NewLibrarianAsync("saving.librarian");
        using var client = await site.Portal.SignedInAsync(email);
        var id = await site.Portal.UserIdAsync(email);
        var form = await ValidFormAsync();

        using var saved = await client.PostFormAsync(Path, form);
        var html = await client.GetStringAsync(Path);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Path, saved.Headers.Location?.OriginalString);
        Assert.Contains("Your librarian profile has been saved.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("You have not saved your profile yet", html, StringComparison.Ordinal);
        var row = Assert.Single(await site.Portal.QueryAsync("SELECT * FROM LibrarianProfiles WHERE UserId = $id", ("$id", id)));
        Assert.Equal("Queen Elizabeth Hospital Library", row["Service"]);
        Assert.Equal(3L, row["Capacity"]);
        Assert.Equal(10L, row["HoursPerMonth"]);
        Assert.Equal(4L, row["Skills"]); // SystematicSearch
        Assert.Equal("[\"CINAHL\",\"ASSIA\",\"Social Care Online\"]", row["Databases"]);
        Assert.Equal(0L, row["OffersMentoring"]);
        Assert.Equal(1L, row["SeeksMentoring"]);
        var topics = await site.Portal.QueryAsync("SELECT TopicId, Level FROM LibrarianTopics WHERE UserId = $id ORDER BY Level", ("$id", id));
        Assert.Equal([("Experienced", (long)await site.Portal.TopicIdAsync("frailty")), ("Learning", (long)await site.Portal.TopicIdAsync("dementia"))],
            topics.Select(t => ((string)t["Level"]!, (long)t["TopicId"]!)));
        var away = Assert.Single(await site.Portal.QueryAsync("SELECT \"From\", \"To\" FROM LibrarianTimeAway WHERE UserId = $id", ("$id", id)));
        Assert.Equal(Iso(Today.AddDays(30)), away["From"]);
        Assert.Equal(Iso(Today.AddDays(37)), away["To"]);
        Assert.Equal(1L, await site.Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AuditEvents WHERE SubjectType = 'LibrarianProfile' AND SubjectId = $id", ("$id", id)));
        Assert.True(IsChecked(html, "Skills", "SystematicSearch"));
        Assert.Contains("value=\"ASSIA, Social Care Online\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"TimeAway[0].Remove\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_period_and_clearing_choices_replaces_the_profile()
    {
        var email = await site.Portal.NewLibrarianAsync("removing.librarian");
        using var client = await site.Portal.SignedInAsync(email);
        var form = await ValidFormAsync();
        using var first = await client.PostFormAsync(Path, form);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        form["TimeAway[0].Remove"] = "true";
        form.Remove("Skills");
        form.Remove("Mentoring");
        form["OtherDatabases"] = "";
        form["Capacity"] = "0";
        using var second = await client.PostFormAsync(Path, form);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var snapshot = await site.Portal.ProfileSnapshotAsync(email);
        Assert.Contains("Skills=0, Capacity=0,", snapshot, StringComparison.Ordinal);
        Assert.Contains("SeeksMentoring=0, Databases=[\"CINAHL\"]", snapshot, StringComparison.Ordinal);
        Assert.EndsWith("| ", snapshot, StringComparison.Ordinal); // no time away left
        var html = await client.GetStringAsync(Path);
        Assert.Contains("No. Release a search, or raise the number of searches you take at a time, to claim another.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TimeAway[0].To.Year", "2020", "Time away must end on or after the day it starts")]
    [InlineData("TimeAway[0].From.Month", "13", "Start of time away must be a real date")]
    [InlineData("TimeAway[0].To.Day", "", "End of time away must include a day")]
    [InlineData("TimeAway[1].From.Day", "1", "Start of time away must include a month and a year")]
    [InlineData("TimeAway[1].To.Year", "2027", "Enter the start of time away")]
    [InlineData("Capacity", "-1", "Searches at a time cannot be negative")]
    [InlineData("Capacity", "51", "Searches at a time must be 50 or fewer")]
    [InlineData("Capacity", "two", "Searches at a time must be a whole number, like 2")]
    [InlineData("Capacity", "", "Enter how many searches you can take at a time, or 0 if none for now")]
    [InlineData("HoursPerMonth", "-5", "Hours a month cannot be negative")]
    [InlineData("HoursPerMonth", "401", "Hours a month must be 400 or fewer")]
    [InlineData("HoursPerMonth", "2.5", "Hours a month must be a whole number, like 2")]
    [InlineData("Topics[999999]", "Learning", "Choose only topics from the list")]
    [InlineData("Topics[frailty]", "Learning", "Choose only topics from the list")]
    [InlineData("Topics[{frailty}]", "Expert", "Choose not known, learning or experienced for each topic")]
    [InlineData("SystemId", "999999", "Choose one of the systems listed")]
    [InlineData("SystemId", "north-east", "Choose one of the systems listed")]
    [InlineData("SystemId", "{E06000047}", "Choose one of the systems listed")]   // a place, not a system
    [InlineData("SystemId", "{E54000049}", "Choose one of the systems listed")]   // a system that ended in 2022
    [InlineData("Service", "x201", "Library and knowledge service must be 200 characters or fewer")]
    [InlineData("Organisation", "x201", "Organisation must be 200 characters or fewer")]
    [InlineData("OtherDatabases", "x101", "Each database or platform must be 100 characters or fewer")]
    [InlineData("Databases", "Scopus", "Choose databases from the list, or type others in the box below it")]
    [InlineData("Skills", "Knitting", "Choose skills from the list")]
    [InlineData("Mentoring", "Always", "Choose mentoring from the list")]
    public async Task Bad_input_is_explained_in_the_error_summary_and_saves_nothing(string field, string value, string message)
    {
        using var aisha = await site.Portal.SignedInAsync(Aisha);
        var form = await ValidFormAsync();
        // "x201" stands for 201 characters; "{key}" for the id of that topic or area.
        if (value.StartsWith('x') && int.TryParse(value[1..], out var length))
        {
            value = new string('x', length);
        }
        else if (value.StartsWith('{'))
        {
            value = (await site.Portal.AreaIdAsync(value.Trim('{', '}'))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        field = field.Replace("{frailty}", (await site.Portal.TopicIdAsync("frailty")).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        form[field] = value;
        var before = await site.Portal.ProfileSnapshotAsync(Aisha);

        using var response = await aisha.PostFormAsync(Path, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: Your librarian profile", html, StringComparison.Ordinal);
        var summary = Regex.Match(html, "nhsuk-error-summary__list\">(.*?)</ul>").Groups[1].Value;
        Assert.True(summary.Contains(WebUtility.HtmlEncode(message), StringComparison.Ordinal), summary);
        Assert.Equal(before, await site.Portal.ProfileSnapshotAsync(Aisha));
        // What was typed comes back, so nothing has to be typed again.
        Assert.Contains(field == "OtherDatabases" ? "value=\"Queen Elizabeth Hospital Library\"" : "value=\"ASSIA, Social Care Online\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_error_links_to_its_field()
    {
        using var aisha = await site.Portal.SignedInAsync(Aisha);
        var form = await ValidFormAsync();
        form["TimeAway[0].To.Year"] = "2020";
        form["Capacity"] = "-1";
        form["Topics[999999]"] = "Learning";
        form["OtherDatabases"] = new string('x', 101);

        using var response = await aisha.PostFormAsync(Path, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("href=\"#TimeAway_0__To\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"TimeAway_0__To\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Capacity\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Topics\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Topics\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#OtherDatabases\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_may_neither_see_nor_save_a_librarian_profile()
    {
        using var claire = await site.Portal.SignedInAsync(TestSite.MemberEmail, followRedirects: true);
        var form = await ValidFormAsync();

        using var page = await claire.GetAsync(Path);
        // The antiforgery token of a page the member may open: the refusal must come from the permission.
        using var post = await claire.PostFormAsync("/account/profile", Path, form);
        var home = await claire.GetStringAsync("/");

        // Pages send the refused to the access-denied page, which answers 403.
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("access-denied", page.RequestMessage?.RequestUri?.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.DoesNotContain("href=\"/librarians/me\"", home, StringComparison.Ordinal);
        Assert.Equal(0, await site.Portal.ScalarAsync<long>("SELECT COUNT(*) FROM LibrarianProfiles WHERE UserId = $id", ("$id", await site.Portal.UserIdAsync(TestSite.MemberEmail))));
    }

    [Fact]
    public async Task Someone_signed_out_is_sent_to_sign_in()
    {
        using var client = site.Portal.CreateClient();

        using var response = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_and_saves_nothing()
    {
        using var aisha = await site.Portal.SignedInAsync(Aisha);
        var before = await site.Portal.ProfileSnapshotAsync(Aisha);

        using var response = await aisha.PostAsync(Path, new FormUrlEncodedContent(await ValidFormAsync()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await site.Portal.ProfileSnapshotAsync(Aisha));
    }
}
