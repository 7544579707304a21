using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>/api/v1/requests/{id}/claim, /release, /mentor, /messages and /time, and every way to get them wrong.</summary>
public sealed class ClaimsApiTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<string> StateAsync(Guid id) => (await site.Portal.RequestRowAsync(id)).State;

    private async Task<long> ClaimsAuditedAsync(Guid id) => await site.Portal.ScalarAsync<long>(
        "SELECT COUNT(*) FROM AuditEvents WHERE SubjectId = $id AND EventType = 'RequestClaimed'", ("$id", id.ToString()));

    [Fact]
    public async Task A_librarian_claims_asks_the_requester_who_answers_and_then_releases_it_with_a_reason()
    {
        var lena = (await site.Portal.NewLibrariansAsync(1))[0];
        using var librarian = site.Portal.Api(lena.Token);
        using var helen = await site.Portal.ApiAsAsync(Helen);
        var id = await site.Portal.SubmittedRequestAsync();

        using var claimed = await librarian.PostAsync($"/api/v1/requests/{id}/claim", null);
        var empty = await librarian.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}/messages");
        using var asked = await librarian.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { body = "Should the search include day hospitals?", kind = "Question" });
        var waiting = await StateAsync(id);
        using var answered = await helen.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { body = "Yes, include day hospitals.", kind = "Answer" });
        using var talked = await helen.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { body = "Thank you for asking." });
        var thread = await helen.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}/messages");
        using var released = await librarian.PostAsJsonAsync($"/api/v1/requests/{id}/release", new { reason = "Going on leave sooner than planned." });

        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        var claim = await claimed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Claimed", claim.GetProperty("state").GetString());
        Assert.Equal(lena.Id, claim.GetProperty("claimantId").GetString());
        Assert.Equal(0, empty.GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        Assert.Equal("AwaitingRequester", waiting);
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Created, talked.StatusCode);
        Assert.Equal(
            [("Question", lena.Name, "Should the search include day hospitals?"), ("Answer", "Helen Armstrong", "Yes, include day hospitals."), ("Message", "Helen Armstrong", "Thank you for asking.")],
            thread.EnumerateArray().Select(m => (m.GetProperty("kind").GetString(), m.GetProperty("authorName").GetString(), m.GetProperty("body").GetString())));
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        var release = await released.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Submitted", release.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, release.GetProperty("claimantId").ValueKind);
        var told = await site.Portal.ScalarAsync<long>("SELECT COUNT(*) FROM Notifications WHERE UserId = $helen AND Link LIKE $link",
            ("$helen", await site.Portal.UserIdAsync(Helen)), ("$link", $"/requests/{id}%"));
        Assert.True(told >= 3, "The requester is told of the claim, the question and the release.");
    }

    [Fact]
    public async Task Claim_by_someone_without_the_librarian_role_is_forbidden_and_changes_nothing()
    {
        var id = await site.Portal.SubmittedRequestAsync();
        using var helen = await site.Portal.ApiAsAsync(Helen);
        using var claire = await site.Portal.ApiAsAsync(TestSite.MemberEmail);

        using var byLead = await helen.PostAsync($"/api/v1/requests/{id}/claim", null);
        using var byMember = await claire.PostAsync($"/api/v1/requests/{id}/claim", null);

        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal("application/problem+json", byLead.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal("Submitted", await StateAsync(id));
        Assert.Equal(0, await ClaimsAuditedAsync(id));
    }

    [Fact]
    public async Task Claim_of_a_withdrawn_request_is_a_conflict()
    {
        var librarian = (await site.Portal.NewLibrariansAsync(1))[0];
        var id = await site.Portal.SubmittedRequestAsync();
        using var helen = await site.Portal.ApiAsAsync(Helen);
        using var withdrawn = await helen.PostAsJsonAsync($"/api/v1/requests/{id}/withdraw", new { reason = "No longer needed" });
        using var client = site.Portal.Api(librarian.Token);

        using var claim = await client.PostAsync($"/api/v1/requests/{id}/claim", null);

        Assert.Equal(HttpStatusCode.Conflict, claim.StatusCode);
        Assert.Equal("A withdrawn request cannot be claimed.", await claim.ProblemTitleAsync());
        Assert.Equal("Withdrawn", await StateAsync(id));
    }

    [Fact]
    public async Task Claim_of_an_already_claimed_request_is_a_conflict_naming_who_holds_it()
    {
        var librarians = await site.Portal.NewLibrariansAsync(2);
        var id = await site.Portal.SubmittedRequestAsync();
        using var first = site.Portal.Api(librarians[0].Token);
        using var second = site.Portal.Api(librarians[1].Token);

        using var won = await first.PostAsync($"/api/v1/requests/{id}/claim", null);
        using var lost = await second.PostAsync($"/api/v1/requests/{id}/claim", null);
        using var again = await first.PostAsync($"/api/v1/requests/{id}/claim", null);

        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        var claimedAt = (await won.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("claimedAt").GetDateTimeOffset().UtcDateTime;
        Assert.Equal(
            $"{librarians[0].Name} claimed this request on {claimedAt.ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"))} UTC.",
            await lost.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.StartsWith("You claimed this request on ", await again.ProblemTitleAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await ClaimsAuditedAsync(id));
    }

    [Fact]
    public async Task A_claim_beyond_the_librarians_capacity_is_refused_with_a_message_and_changes_nothing()
    {
        var librarian = (await site.Portal.NewLibrariansAsync(1))[0];
        await site.Portal.SetProfileAsync(librarian.Id, capacity: 1);
        var held = await site.Portal.SubmittedRequestAsync();
        var another = await site.Portal.SubmittedRequestAsync("Does hip protector use prevent fractures in care home residents?");
        using var client = site.Portal.Api(librarian.Token);

        using var first = await client.PostAsync($"/api/v1/requests/{held}/claim", null);
        using var beyond = await client.PostAsync($"/api/v1/requests/{another}/claim", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, beyond.StatusCode);
        Assert.Equal(
            "You already hold 1 of the 1 searches your profile says you can take at a time. Release one, or change your capacity, to claim this request.",
            await beyond.ProblemTitleAsync());
        Assert.Equal("Submitted", await StateAsync(another));
        Assert.Equal(0, await ClaimsAuditedAsync(another));
    }

    [Fact]
    public async Task A_librarian_who_seeks_mentoring_claims_with_a_mentor_who_offers_it()
    {
        var people = await site.Portal.NewLibrariansAsync(2);
        var (learner, mentor) = (people[0], people[1]);
        await site.Portal.SetProfileAsync(learner.Id, seeksMentoring: true);
        await site.Portal.SetProfileAsync(mentor.Id, offersMentoring: true);
        var id = await site.Portal.SubmittedRequestAsync();
        using var client = site.Portal.Api(learner.Token);

        using var claimed = await client.PostAsJsonAsync($"/api/v1/requests/{id}/claim", new { mentorId = mentor.Id });
        using var mentorsTime = await site.Portal.Api(mentor.Token).PostAsJsonAsync($"/api/v1/requests/{id}/time", new { on = Day(0), minutes = 30, note = "Reviewed the search strategy" });

        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        var body = await claimed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(mentor.Id, body.GetProperty("mentorId").GetString());
        Assert.Equal(mentor.Name, body.GetProperty("mentorName").GetString());
        Assert.Equal(HttpStatusCode.Created, mentorsTime.StatusCode);
    }

    [Fact]
    public async Task A_mentor_who_does_not_offer_mentoring_is_the_claimant_or_is_not_a_librarian_is_refused()
    {
        var people = await site.Portal.NewLibrariansAsync(3);
        var (learner, notOffering, offering) = (people[0], people[1], people[2]);
        await site.Portal.SetProfileAsync(learner.Id, seeksMentoring: true);
        await site.Portal.SetProfileAsync(offering.Id, offersMentoring: true);
        var id = await site.Portal.SubmittedRequestAsync();
        using var client = site.Portal.Api(learner.Token);
        using var notSeeking = site.Portal.Api(offering.Token);

        async Task<string> RefusedAsync(HttpClient who, string mentorId)
        {
            using var response = await who.PostAsJsonAsync($"/api/v1/requests/{id}/claim", new { mentorId });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("mentorId")[0].GetString()!;
        }

        Assert.Equal($"{notOffering.Name} does not offer mentoring. Choose a librarian who does", await RefusedAsync(client, notOffering.Id));
        Assert.Equal("A librarian cannot mentor their own search.", await RefusedAsync(client, learner.Id));
        Assert.Equal("The person who made the request cannot mentor its search.", await RefusedAsync(client, await site.Portal.UserIdAsync(Helen)));
        Assert.Equal("Choose a librarian who offers mentoring", await RefusedAsync(client, await site.Portal.UserIdAsync(TestSite.MemberEmail)));
        Assert.Equal("Choose a librarian who offers mentoring", await RefusedAsync(client, "no-such-person"));
        Assert.Equal(
            "Your profile does not say you are looking for a mentor. Change your profile to claim with a mentor.",
            await RefusedAsync(notSeeking, learner.Id));
        Assert.Equal("Submitted", await StateAsync(id));
        Assert.Equal(0, await ClaimsAuditedAsync(id));
    }

    [Fact]
    public async Task A_librarian_who_offers_mentoring_joins_a_claimed_request_once()
    {
        var people = await site.Portal.NewLibrariansAsync(4);
        var (claimant, mentor, second, notOffering) = (people[0], people[1], people[2], people[3]);
        await site.Portal.SetProfileAsync(mentor.Id, offersMentoring: true);
        await site.Portal.SetProfileAsync(second.Id, offersMentoring: true);
        var id = await site.Portal.SubmittedRequestAsync();
        using var claim = await site.Portal.Api(claimant.Token).PostAsync($"/api/v1/requests/{id}/claim", null);

        using var refused = await site.Portal.Api(notOffering.Token).PostAsync($"/api/v1/requests/{id}/mentor", null);
        using var joined = await site.Portal.Api(mentor.Token).PostAsync($"/api/v1/requests/{id}/mentor", null);
        using var late = await site.Portal.Api(second.Token).PostAsync($"/api/v1/requests/{id}/mentor", null);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Your profile does not say you offer mentoring. Change your profile to join a search as a mentor.", await refused.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal(mentor.Id, (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mentorId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("This request already has a mentor.", await late.ProblemTitleAsync());
    }

    [Fact]
    public async Task Release_without_a_reason_or_by_someone_else_is_refused_and_the_claim_stays()
    {
        var people = await site.Portal.NewLibrariansAsync(2);
        var id = await site.Portal.SubmittedRequestAsync();
        using var claimant = site.Portal.Api(people[0].Token);
        using var claim = await claimant.PostAsync($"/api/v1/requests/{id}/claim", null);

        using var noReason = await claimant.PostAsJsonAsync($"/api/v1/requests/{id}/release", new { reason = "  " });
        using var tooLong = await claimant.PostAsJsonAsync($"/api/v1/requests/{id}/release", new { reason = new string('r', 4001) });
        using var someoneElse = await site.Portal.Api(people[1].Token).PostAsJsonAsync($"/api/v1/requests/{id}/release", new { reason = "Not mine" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Say why you are releasing the request", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, someoneElse.StatusCode);
        Assert.Equal("Only the librarian who claimed the request can release it.", await someoneElse.ProblemTitleAsync());
        Assert.Equal("Claimed", await StateAsync(id));
    }

    [Fact]
    public async Task Time_that_is_zero_negative_too_long_in_the_future_or_not_yours_is_refused_and_nothing_is_recorded()
    {
        var people = await site.Portal.NewLibrariansAsync(2);
        var id = await site.Portal.SubmittedRequestAsync();
        using var claimant = site.Portal.Api(people[0].Token);
        using var claim = await claimant.PostAsync($"/api/v1/requests/{id}/claim", null);

        async Task<(HttpStatusCode Status, string Field, string Message)> RecordAsync(HttpClient who, object body)
        {
            using var response = await who.PostAsJsonAsync($"/api/v1/requests/{id}/time", body);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (!problem.TryGetProperty("errors", out var errors))
            {
                return (response.StatusCode, string.Empty, problem.GetProperty("title").GetString()!);
            }

            var field = errors.EnumerateObject().Single();
            return (response.StatusCode, field.Name, field.Value[0].GetString()!);
        }

        Assert.Equal((HttpStatusCode.BadRequest, "minutes", "Enter the time spent as a number of minutes greater than 0"), await RecordAsync(claimant, new { on = Day(0), minutes = 0 }));
        Assert.Equal((HttpStatusCode.BadRequest, "minutes", "Enter the time spent as a number of minutes greater than 0"), await RecordAsync(claimant, new { on = Day(0), minutes = -30 }));
        Assert.Equal((HttpStatusCode.BadRequest, "minutes", "Time spent on one day must be 24 hours or less"), await RecordAsync(claimant, new { on = Day(0), minutes = 24 * 60 + 1 }));
        Assert.Equal((HttpStatusCode.BadRequest, "minutes", "Enter the time spent"), await RecordAsync(claimant, new { on = Day(0) }));
        Assert.Equal((HttpStatusCode.BadRequest, "on", "The day the time was spent cannot be in the future"), await RecordAsync(claimant, new { on = Day(1), minutes = 30 }));
        Assert.Equal((HttpStatusCode.BadRequest, "on", "The day the time was spent cannot be before the request was submitted"), await RecordAsync(claimant, new { on = Day(-3), minutes = 30 }));
        Assert.Equal((HttpStatusCode.BadRequest, "on", "Enter the day you spent the time"), await RecordAsync(claimant, new { minutes = 30 }));
        Assert.Equal((HttpStatusCode.BadRequest, "note", "A note must be 500 characters or fewer"), await RecordAsync(claimant, new { on = Day(0), minutes = 30, note = new string('n', 501) }));
        Assert.Equal((HttpStatusCode.Forbidden, "", "Only the librarian who claimed the request, or their mentor, can record time on it."), await RecordAsync(site.Portal.Api(people[1].Token), new { on = Day(0), minutes = 30 }));
        var sheet = await claimant.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}/time");
        Assert.Equal(0, sheet.GetProperty("totalMinutes").GetInt32());

        using var recorded = await claimant.PostAsJsonAsync($"/api/v1/requests/{id}/time", new { on = Day(0), minutes = 95, note = "  Medline and CINAHL  " });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var record = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Medline and CINAHL", record.GetProperty("note").GetString());
        Assert.Equal(95, (await claimant.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}/time")).GetProperty("totalMinutes").GetInt32());
    }

    [Fact]
    public async Task A_message_on_a_request_you_may_not_see_is_not_found_and_one_you_do_not_take_part_in_is_forbidden()
    {
        var outsider = (await site.Portal.NewLibrariansAsync(1))[0];
        var id = await site.Portal.SubmittedRequestAsync();
        using var claire = await site.Portal.ApiAsAsync(TestSite.MemberEmail);
        using var marcus = await site.Portal.ApiAsAsync(Marcus);
        using var librarian = site.Portal.Api(outsider.Token);

        using var memberPosts = await claire.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { body = "Hello?" });
        using var memberReads = await claire.GetAsync($"/api/v1/requests/{id}/messages");
        using var otherLeadPosts = await marcus.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { body = "Hello?" });
        using var librarianPosts = await librarian.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { body = "Hello?" });
        using var librarianReads = await librarian.GetAsync($"/api/v1/requests/{id}/messages");

        Assert.Equal(HttpStatusCode.NotFound, memberPosts.StatusCode);
        Assert.Equal("application/problem+json", memberPosts.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, memberReads.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherLeadPosts.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, librarianPosts.StatusCode);
        Assert.StartsWith("Only the requester, the librarians working on the request", await librarianPosts.ProblemTitleAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, librarianReads.StatusCode);
        Assert.Equal(0, await site.Portal.ScalarAsync<long>("SELECT COUNT(*) FROM RequestMessages WHERE RequestId = $id", ("$id", id.ToString().ToUpperInvariant())));
    }

    [Fact]
    public async Task An_empty_or_over_long_message_is_refused_and_only_the_right_people_ask_and_answer()
    {
        var people = await site.Portal.NewLibrariansAsync(1);
        var id = await site.Portal.SubmittedRequestAsync();
        using var claimant = site.Portal.Api(people[0].Token);
        using var helen = await site.Portal.ApiAsAsync(Helen);
        using var claim = await claimant.PostAsync($"/api/v1/requests/{id}/claim", null);

        using var empty = await helen.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { body = "   " });
        using var tooLong = await helen.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { body = new string('m', 4001) });
        using var emptyQuestion = await claimant.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { kind = "Question" });
        using var unknownKind = await helen.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { body = "Hi", kind = "Shout" });
        using var requesterAsks = await helen.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { body = "Any news?", kind = "Question" });
        using var answerBeforeQuestion = await helen.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { body = "Here you are", kind = "Answer" });
        using var asked = await claimant.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { body = "Which settings?", kind = "Question" });
        using var claimantAnswers = await claimant.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { body = "Hospitals", kind = "Answer" });
        using var emptyAnswer = await helen.PostAsJsonAsync($"/api/v1/requests/{id}/messages", new { body = "", kind = "Answer" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Enter a message", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("A message must be 4000 characters or fewer", (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, emptyQuestion.StatusCode);
        Assert.Equal("Enter your question for the requester", (await emptyQuestion.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, requesterAsks.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, answerBeforeQuestion.StatusCode);
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, claimantAnswers.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, emptyAnswer.StatusCode);
        Assert.Equal("AwaitingRequester", await StateAsync(id));
        Assert.Equal(1, await site.Portal.ScalarAsync<long>("SELECT COUNT(*) FROM RequestMessages WHERE RequestId = $id", ("$id", id.ToString().ToUpperInvariant())));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_claim_and_conversation_endpoints()
    {
        using var client = site.Portal.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/requests/{id}/claim", "/api/v1/requests/{id}/release", "/api/v1/requests/{id}/mentor", "/api/v1/requests/{id}/messages", "/api/v1/requests/{id}/time" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        var text = document.GetRawText();
        Assert.Contains("The first claim wins", text, StringComparison.Ordinal);
        Assert.Contains("\"Question\"", text, StringComparison.Ordinal);
    }
}
