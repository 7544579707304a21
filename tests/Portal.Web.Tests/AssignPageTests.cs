using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.CoordinationSite;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>Assigning and reassigning requests: the page, the API, and every way to get it wrong.</summary>
public sealed class AssignPageTests(CoordinationSiteFixture site) : IClassFixture<CoordinationSiteFixture>
{
    private static string AssignPath(Guid id) => $"/coordination/requests/{id}/assign";

    private async Task<HttpResponseMessage> PostAssignAsync(HttpClient coordinator, Guid id, string? librarianEmail, string reason, bool overCapacity = false, int? version = null)
    {
        var fields = new Dictionary<string, string> { ["Reason"] = reason };
        if (librarianEmail is not null)
        {
            fields["LibrarianId"] = await site.Portal.UserIdAsync(librarianEmail);
        }

        if (overCapacity)
        {
            fields["OverCapacity"] = "true";
        }

        fields["Version"] = (version ?? (await site.Portal.ClaimAsync(id)).Version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await coordinator.PostFormAsync(AssignPath(id), AssignPath(id), fields);
    }

    [Fact]
    public async Task A_coordinator_assigns_a_request_then_reassigns_it_and_the_timeline_and_librarians_hear_of_it()
    {
        var id = await site.Portal.SubmittedRequestAsync("Do home hazard assessments prevent falls in frail older people?");
        await site.Portal.SetServiceProfileAsync(Tomasz, "Newcastle Library and Knowledge Service", capacity: 3);
        await site.Portal.SetServiceProfileAsync(Fiona, "Northumbria Library and Knowledge Service", capacity: 10);
        using var priya = await site.Portal.CoordinatorAsync();

        var before = await priya.GetStringAsync($"/requests/{id}");
        var form = WebUtility.HtmlDecode(await priya.GetStringAsync(AssignPath(id)));
        using var assigned = await PostAssignAsync(priya, id, Tomasz, "Tomasz has searched falls prevention before.");
        var afterAssign = await site.Portal.ClaimAsync(id);
        using var reassigned = await PostAssignAsync(priya, id, Fiona, "Tomasz is away next week.");
        using var helen = await site.Portal.SignedInAsync(Helen);
        var page = await priya.GetStringAsync($"/requests/{id}");
        var helensView = await helen.GetStringAsync($"/requests/{id}");

        Assert.Contains("Assign to a librarian", before, StringComparison.Ordinal);
        Assert.Contains("Assign the request", form, StringComparison.Ordinal);
        Assert.Matches(@"Newcastle Library and Knowledge Service · (?:[^·<]+ · )?holds \d of 3 searches \(\d free\)", form);
        Assert.Contains("Assign anyway", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal($"/requests/{id}", assigned.Headers.Location?.OriginalString);
        Assert.Equal(("Claimed", await site.Portal.UserIdAsync(Tomasz)), (afterAssign.State, afterAssign.ClaimantId));
        Assert.Equal(HttpStatusCode.Redirect, reassigned.StatusCode);
        Assert.Equal(await site.Portal.UserIdAsync(Fiona), (await site.Portal.ClaimAsync(id)).ClaimantId);
        Assert.Contains("Assigned the request to Tomasz Nowak", page, StringComparison.Ordinal);
        Assert.Contains("Tomasz has searched falls prevention before.", page, StringComparison.Ordinal);
        Assert.Contains("Assigned the request to Fiona Laidlaw", page, StringComparison.Ordinal);
        Assert.Contains("Reassign to another librarian", page, StringComparison.Ordinal);
        Assert.DoesNotContain(AssignPath(id), helensView, StringComparison.Ordinal);
        Assert.Contains(await site.Portal.NotificationsAsync(Tomasz, id), n => n.StartsWith("Priya Raman assigned", StringComparison.Ordinal));
        Assert.Contains(await site.Portal.NotificationsAsync(Tomasz, id), n => n.Contains("reassigned", StringComparison.Ordinal) && n.Contains("to Fiona Laidlaw: Tomasz is away next week.", StringComparison.Ordinal));
        Assert.Single(await site.Portal.NotificationsAsync(Fiona, id), n => n.StartsWith("Priya Raman assigned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assigning_to_someone_who_is_not_a_librarian_is_refused_with_a_message()
    {
        var id = await site.Portal.SubmittedRequestAsync("Does a frailty register improve care planning?");
        using var priya = await site.Portal.CoordinatorAsync();

        using var member = await PostAssignAsync(priya, id, TestSite.MemberEmail, "Claire volunteered.");
        using var coordinator = await PostAssignAsync(priya, id, Gareth, "Gareth can do it.");
        var html = await member.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, member.StatusCode);
        Assert.Contains("The person chosen is not an active librarian. Choose one of the librarians listed", html, StringComparison.Ordinal);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, coordinator.StatusCode);
        Assert.Equal(("Submitted", (string?)null), ((await site.Portal.ClaimAsync(id)).State, (await site.Portal.ClaimAsync(id)).ClaimantId));
        Assert.Equal(0, await site.Portal.AuditCountAsync(id, "RequestAssigned"));
    }

    [Fact]
    public async Task Assigning_without_a_reason_or_a_librarian_is_refused_and_keeps_what_was_typed()
    {
        var id = await site.Portal.SubmittedRequestAsync("Does deprescribing reduce falls in care homes?");
        using var priya = await site.Portal.CoordinatorAsync();

        using var noReason = await PostAssignAsync(priya, id, Tomasz, "   ");
        using var nobody = await PostAssignAsync(priya, id, null, "Urgent for the board");
        var noReasonHtml = await noReason.Content.ReadAsStringAsync();
        var nobodyHtml = await nobody.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Say why you are assigning the request", noReasonHtml, StringComparison.Ordinal);
        Assert.Contains($"value=\"{await site.Portal.UserIdAsync(Tomasz)}\" checked", noReasonHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nobody.StatusCode);
        Assert.Contains("Choose the librarian to give the request to", nobodyHtml, StringComparison.Ordinal);
        Assert.Contains("Urgent for the board", nobodyHtml, StringComparison.Ordinal);
        Assert.Equal("Submitted", (await site.Portal.ClaimAsync(id)).State);
    }

    [Fact]
    public async Task A_delivered_request_cannot_be_assigned()
    {
        var delivered = RecipeRequest("frailty-care-home-deprescribing");
        using var priya = await site.Portal.CoordinatorAsync();
        var before = await site.Portal.ClaimAsync(delivered);

        using var page = await priya.GetAsync(AssignPath(delivered));
        using var posted = await PostAssignAsync(priya, delivered, Fiona, "Another look", version: before.Version);
        var requestPage = await priya.GetStringAsync($"/requests/{delivered}");

        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Contains("A delivered request cannot be assigned.", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await site.Portal.ClaimAsync(delivered));
        Assert.DoesNotContain(AssignPath(delivered), requestPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_changed_since_the_page_was_opened_is_not_assigned_over_the_change()
    {
        var id = await site.Portal.SubmittedRequestAsync("Do frailty scores predict who benefits from rehabilitation?");
        using var priya = await site.Portal.CoordinatorAsync();
        var seen = (await site.Portal.ClaimAsync(id)).Version;
        using var admin = site.Portal.Api(TestSite.AdminApiToken);
        using var meanwhile = await admin.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { librarianId = await site.Portal.UserIdAsync(Fiona), reason = "Fiona asked for it", overCapacity = true });

        using var stale = await PostAssignAsync(priya, id, Tomasz, "Tomasz has room", overCapacity: true, version: seen);
        var html = await stale.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed this request while you were assigning it", html, StringComparison.Ordinal);
        Assert.Equal(await site.Portal.UserIdAsync(Fiona), (await site.Portal.ClaimAsync(id)).ClaimantId);
        Assert.Equal(1, await site.Portal.AuditCountAsync(id, "RequestAssigned"));
    }

    [Fact]
    public async Task A_librarian_without_room_needs_the_assign_anyway_tick()
    {
        var id = await site.Portal.SubmittedRequestAsync("Is comprehensive geriatric assessment effective in primary care?");
        await site.Portal.SetServiceProfileAsync(TestSite.LibrarianEmail, "Gateshead Library and Knowledge Service", capacity: 2);
        using var priya = await site.Portal.CoordinatorAsync();

        using var full = await PostAssignAsync(priya, id, TestSite.LibrarianEmail, "Lena knows CGA");
        using var anyway = await PostAssignAsync(priya, id, TestSite.LibrarianEmail, "Lena knows CGA", overCapacity: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, full.StatusCode);
        Assert.Contains("Lena Hartley already holds 2 of the 2 searches they can take at a time. Tick ‘Assign anyway’", WebUtility.HtmlDecode(await full.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anyway.StatusCode);
        Assert.Equal(await site.Portal.UserIdAsync(TestSite.LibrarianEmail), (await site.Portal.ClaimAsync(id)).ClaimantId);
    }

    [Fact]
    public async Task The_requester_is_refused_by_the_request_itself()
    {
        var id = await site.Portal.SubmittedRequestAsync("Do frailty practitioners in care homes reduce admissions?");
        using var admin = site.Portal.Api(TestSite.AdminApiToken);

        using var own = await admin.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { librarianId = await site.Portal.UserIdAsync(Helen), reason = "She knows it best" });

        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("A request cannot be assigned to the person who made it.", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Submitted", (await site.Portal.ClaimAsync(id)).State);
    }

    [Fact]
    public async Task The_api_assigns_with_the_pages_checks_and_answers_with_problem_details()
    {
        var id = await site.Portal.SubmittedRequestAsync("Does exercise on prescription reduce frailty progression?");
        using var admin = site.Portal.Api(TestSite.AdminApiToken);
        using var lena = await site.Portal.ApiAsAsync(TestSite.LibrarianEmail);
        var tomasz = await site.Portal.UserIdAsync(Tomasz);

        using var librarian = await lena.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { librarianId = tomasz, reason = "x" });
        using var notALibrarian = await admin.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { librarianId = await site.Portal.UserIdAsync(TestSite.MemberEmail), reason = "x" });
        using var noReason = await admin.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { librarianId = tomasz });
        using var missing = await admin.PostAsJsonAsync($"/api/v1/requests/{Guid.NewGuid()}/assign", new { librarianId = tomasz, reason = "x" });
        using var delivered = await admin.PostAsJsonAsync($"/api/v1/requests/{RecipeRequest("cmh-peer-support")}/assign", new { librarianId = tomasz, reason = "x" });
        using var done = await admin.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { librarianId = tomasz, reason = "Tomasz has room", overCapacity = true });
        var document = await site.Portal.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Forbidden, librarian.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notALibrarian.StatusCode);
        Assert.Contains("not an active librarian", (await notALibrarian.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("librarianId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, delivered.StatusCode);
        Assert.Equal("application/problem+json", delivered.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var body = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Claimed", body.GetProperty("state").GetString());
        Assert.Equal("Tomasz Nowak", body.GetProperty("claimantName").GetString());
        Assert.Contains("/api/v1/requests/{id}/assign", document, StringComparison.Ordinal);
    }
}
