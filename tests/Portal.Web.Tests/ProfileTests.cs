using System.Net;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>The signed-in person's own details.</summary>
public sealed class ProfileTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private PortalProcess Portal => site.Portal;

    [Fact]
    public async Task A_member_changes_their_details_and_sees_their_address_read_only()
    {
        const string email = "beth.lowther@example.org";
        using var client = Portal.CreateClient();
        await client.SignInAsync(email, TestSite.DemoPassword);
        var page = await client.GetStringAsync("/account/profile");
        Assert.Contains($"id=\"email\">{email}<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Email\"", page, StringComparison.Ordinal);
        var system = await Portal.ScalarAsync<long>("SELECT Id FROM GeoAreas WHERE Code = 'E54000050'");

        using var saved = await client.PostFormAsync("/account/profile", new Dictionary<string, string>
        {
            ["DisplayName"] = "  Beth Lowther-Smith ",
            ["Organisation"] = "Gateshead Health NHS Foundation Trust",
            ["JobTitle"] = "",
            ["SystemId"] = system.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email"] = "hijack@example.org",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await client.GetStringAsync("/account/profile");
        Assert.Contains("Your details have been saved.", after, StringComparison.Ordinal);
        Assert.Contains("value=\"Beth Lowther-Smith\"", after, StringComparison.Ordinal);
        var id = await Portal.UserIdAsync(email);
        Assert.NotNull(id);
        Assert.Null(await Portal.ScalarAsync<string>("SELECT JobTitle FROM AspNetUsers WHERE Id = $id", ("$id", id)));
        Assert.Equal(system, await Portal.ScalarAsync<long>("SELECT SystemId FROM AspNetUsers WHERE Id = $id", ("$id", id)));
        Assert.Equal(0, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AspNetUsers WHERE NormalizedEmail = $email", ("$email", "HIJACK@EXAMPLE.ORG")));
        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT COUNT(*) FROM AuditEvents WHERE EventType = 'ProfileUpdated' AND SubjectId = $id", ("$id", id)));
    }

    [Fact]
    public async Task Bad_details_are_named_and_nothing_is_saved()
    {
        const string email = "imran.siddiqui@example.org";
        using var client = Portal.CreateClient();
        await client.SignInAsync(email, TestSite.DemoPassword);
        var before = await Portal.ScalarAsync<string>("SELECT DisplayName FROM AspNetUsers WHERE NormalizedEmail = upper($e)", ("$e", email));

        using var response = await client.PostFormAsync("/account/profile", new Dictionary<string, string>
        {
            ["DisplayName"] = " ",
            ["Organisation"] = new string('o', 201),
            ["JobTitle"] = "Analyst",
            ["SystemId"] = "not-a-system",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("<a href=\"#DisplayName\">Enter your name</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Organisation\">Organisation must be 200 characters or fewer</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#SystemId\">Choose a system from the list</a>", html, StringComparison.Ordinal);
        Assert.Equal(before, await Portal.ScalarAsync<string>("SELECT DisplayName FROM AspNetUsers WHERE NormalizedEmail = upper($e)", ("$e", email)));
    }

    [Fact]
    public async Task The_profile_asks_a_visitor_to_sign_in()
    {
        using var client = Portal.CreateClient();

        using var response = await client.GetAsync("/account/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
