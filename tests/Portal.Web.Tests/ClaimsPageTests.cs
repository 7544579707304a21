using System.Globalization;
using System.Net;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>Claiming, mentoring, the conversation and time on the request page, as a browser without JavaScript would use them.</summary>
public sealed class ClaimsPageTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private static readonly KeyValuePair<string, string>[] NoFields = [];

    private async Task<string> StateAsync(Guid id) => (await site.Portal.RequestRowAsync(id)).State;

    private static Dictionary<string, string> TimeForm(DateOnly on, string hours, string minutes, string note = "") => new()
    {
        ["TimeOn.Day"] = on.Day.ToString(CultureInfo.InvariantCulture),
        ["TimeOn.Month"] = on.Month.ToString(CultureInfo.InvariantCulture),
        ["TimeOn.Year"] = on.Year.ToString(CultureInfo.InvariantCulture),
        ["TimeHours"] = hours,
        ["TimeMinutes"] = minutes,
        ["TimeNote"] = note,
    };

    [Fact]
    public async Task A_librarian_claims_from_the_request_page_and_then_sees_what_the_claimant_can_do()
    {
        var librarian = (await site.Portal.NewLibrariansAsync(1))[0];
        var id = await site.Portal.SubmittedRequestAsync();
        using var client = await site.Portal.SignedInAsync(librarian.Email);

        var before = await client.GetStringAsync($"/requests/{id}");
        using var claimed = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/claim", NoFields);
        var after = await client.GetStringAsync($"/requests/{id}");

        Assert.Contains(">Claim this request</button>", before, StringComparison.Ordinal);
        Assert.Contains("You hold 0 of the 2 searches your profile says you can take at a time.", before, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"conversation\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        Assert.Equal($"/requests/{id}#claim", claimed.Headers.Location?.OriginalString);
        Assert.Contains("You have claimed this request.", after, StringComparison.Ordinal);
        Assert.Contains("nhsuk-notification-banner--success", after, StringComparison.Ordinal);
        Assert.DoesNotContain(">Claim this request</button>", after, StringComparison.Ordinal);
        Assert.Contains("Release the request", after, StringComparison.Ordinal);
        Assert.Contains("Ask the requester a question", after, StringComparison.Ordinal);
        Assert.Contains("Record time spent", after, StringComparison.Ordinal);
        Assert.Contains("No messages yet.", after, StringComparison.Ordinal);
        Assert.Equal("Claimed", await StateAsync(id));
    }

    [Fact]
    public async Task The_loser_of_a_claim_race_sees_a_banner_on_the_request_page_naming_who_claimed_it()
    {
        var librarians = await site.Portal.NewLibrariansAsync(2);
        var id = await site.Portal.SubmittedRequestAsync();
        using var first = await site.Portal.SignedInAsync(librarians[0].Email);
        using var second = await site.Portal.SignedInAsync(librarians[1].Email);
        // Both have the page open, with its Claim button, before either clicks.
        var firstToken = await FormPosting.AntiforgeryTokenAsync(first, $"/requests/{id}");
        var secondToken = await FormPosting.AntiforgeryTokenAsync(second, $"/requests/{id}");

        using var won = await first.PostAsync($"/requests/{id}/claim", new FormUrlEncodedContent([new("__RequestVerificationToken", firstToken)]));
        using var lost = await second.PostAsync($"/requests/{id}/claim", new FormUrlEncodedContent([new("__RequestVerificationToken", secondToken)]));
        using var page = await second.GetAsync(lost.Headers.Location);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, lost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("class=\"nhsuk-notification-banner\" role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains($"{librarians[0].Name} claimed this request on ", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Claim this request</button>", html, StringComparison.Ordinal);
        Assert.Equal(librarians[0].Id, await site.Portal.ScalarAsync<string>("SELECT ClaimantId FROM EvidenceRequests WHERE Id = $id", ("$id", id.ToString().ToUpperInvariant())));
    }

    [Fact]
    public async Task Someone_without_the_librarian_role_has_no_claim_button_and_cannot_claim()
    {
        var id = await site.Portal.SubmittedRequestAsync();
        using var helen = await site.Portal.SignedInAsync(Helen);

        var html = await helen.GetStringAsync($"/requests/{id}");
        using var claim = await helen.PostFormAsync($"/requests/{id}", $"/requests/{id}/claim", NoFields);

        Assert.DoesNotContain(">Claim this request</button>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, claim.StatusCode);
        Assert.Equal("/account/access-denied", claim.Headers.Location?.AbsolutePath);
        using var denied = await helen.GetAsync(claim.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("Submitted", await StateAsync(id));
    }

    [Fact]
    public async Task A_librarian_who_seeks_mentoring_chooses_a_mentor_on_the_claim_form()
    {
        var people = await site.Portal.NewLibrariansAsync(3);
        var (learner, mentor, notOffering) = (people[0], people[1], people[2]);
        await site.Portal.SetProfileAsync(learner.Id, seeksMentoring: true);
        await site.Portal.SetProfileAsync(mentor.Id, offersMentoring: true);
        var id = await site.Portal.SubmittedRequestAsync();
        using var client = await site.Portal.SignedInAsync(learner.Email);

        var form = await client.GetStringAsync($"/requests/{id}");
        using var refused = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/claim", [new("MentorId", notOffering.Id)]);
        var refusal = await refused.Content.ReadAsStringAsync();
        using var claimed = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/claim", [new("MentorId", mentor.Id)]);
        var after = await client.GetStringAsync($"/requests/{id}");

        Assert.Contains("Claim with a mentor (optional)", form, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{mentor.Id}\">{mentor.Name}</option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain(notOffering.Name, form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("There is a problem", refusal, StringComparison.Ordinal);
        Assert.Contains($"{notOffering.Name} does not offer mentoring. Choose a librarian who does", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        Assert.Contains($"{mentor.Name} is mentoring", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_librarian_who_offers_mentoring_joins_a_claimed_request_from_its_page()
    {
        var people = await site.Portal.NewLibrariansAsync(2);
        var (claimant, mentor) = (people[0], people[1]);
        await site.Portal.SetProfileAsync(mentor.Id, offersMentoring: true);
        var id = await site.Portal.SubmittedRequestAsync();
        using var claim = await site.Portal.Api(claimant.Token).PostAsync($"/api/v1/requests/{id}/claim", null);
        using var client = await site.Portal.SignedInAsync(mentor.Email);

        var before = await client.GetStringAsync($"/requests/{id}");
        using var joined = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/mentor", NoFields);
        var after = await client.GetStringAsync($"/requests/{id}");

        Assert.Contains(">Join as mentor</button>", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Contains("You are now mentoring this search.", after, StringComparison.Ordinal);
        Assert.DoesNotContain(">Join as mentor</button>", after, StringComparison.Ordinal);
        Assert.Contains("Record time spent", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_without_a_reason_comes_back_with_the_error_and_the_claim_stays()
    {
        var librarian = (await site.Portal.NewLibrariansAsync(1))[0];
        var id = await site.Portal.SubmittedRequestAsync();
        using var client = await site.Portal.SignedInAsync(librarian.Email);
        using var notYet = await client.GetAsync($"/requests/{id}/release");
        using var claim = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/claim", NoFields);
        var formPage = await client.GetStringAsync($"/requests/{id}/release");

        using var refused = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/release", [new("ReleaseReason", " ")]);
        var html = await refused.Content.ReadAsStringAsync();
        var state = await StateAsync(id);
        using var released = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/release", [new("ReleaseReason", "I am away next week.")]);

        Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);
        Assert.Equal($"/requests/{id}", notYet.Headers.Location?.OriginalString);
        Assert.Contains("<h1>Release this request</h1>", formPage, StringComparison.Ordinal);
        Assert.Contains("Does strength and balance training at home reduce falls", formPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("<title>Error: Release this request", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#ReleaseReason\">Say why you are releasing the request</a>", html, StringComparison.Ordinal);
        Assert.Equal("Claimed", state);
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Equal("Submitted", await StateAsync(id));
    }

    [Fact]
    public async Task The_claimant_asks_a_question_and_the_requester_answers_it_on_the_request_page()
    {
        var librarian = (await site.Portal.NewLibrariansAsync(1))[0];
        var id = await site.Portal.SubmittedRequestAsync();
        using var client = await site.Portal.SignedInAsync(librarian.Email);
        using var helen = await site.Portal.SignedInAsync(Helen);
        using var claim = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/claim", NoFields);

        using var emptyQuestion = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/question", [new("Question", "")]);
        using var asked = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/question", [new("Question", "Should the search cover care homes too?")]);
        var requesterPage = await helen.GetStringAsync($"/requests/{id}");
        using var emptyAnswer = await helen.PostFormAsync($"/requests/{id}", $"/requests/{id}/answer", [new("Answer", "  ")]);
        var waiting = await StateAsync(id);
        using var answered = await helen.PostFormAsync($"/requests/{id}", $"/requests/{id}/answer", [new("Answer", "Yes, care homes as well.")]);
        var claimantPage = await client.GetStringAsync($"/requests/{id}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, emptyQuestion.StatusCode);
        Assert.Contains("Enter your question for the requester", await emptyQuestion.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains($"{librarian.Name} asked you", requesterPage, StringComparison.Ordinal);
        Assert.Contains("Should the search cover care homes too?", requesterPage, StringComparison.Ordinal);
        Assert.Contains(">Send answer</button>", requesterPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, emptyAnswer.StatusCode);
        Assert.Contains("href=\"#Answer\">Enter your answer</a>", await emptyAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("AwaitingRequester", waiting);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal("Claimed", await StateAsync(id));
        Assert.Contains("Question for the requester", claimantPage, StringComparison.Ordinal);
        Assert.Contains("Yes, care homes as well.", claimantPage, StringComparison.Ordinal);
        Assert.True(claimantPage.IndexOf("Should the search cover care homes too?", StringComparison.Ordinal) < claimantPage.IndexOf("Yes, care homes as well.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task People_in_the_conversation_send_messages_and_others_cannot()
    {
        var people = await site.Portal.NewLibrariansAsync(2);
        var (claimant, outsider) = (people[0], people[1]);
        var id = await site.Portal.SubmittedRequestAsync();
        using var claim = await site.Portal.Api(claimant.Token).PostAsync($"/api/v1/requests/{id}/claim", null);
        using var helen = await site.Portal.SignedInAsync(Helen);
        using var librarian = await site.Portal.SignedInAsync(claimant.Email);
        using var other = await site.Portal.SignedInAsync(outsider.Email);
        using var claire = await site.Portal.SignedInAsync(TestSite.MemberEmail);

        using var sent = await helen.PostFormAsync($"/requests/{id}", $"/requests/{id}/messages", [new("Message", "Thank you for taking this on.")]);
        using var empty = await helen.PostFormAsync($"/requests/{id}", $"/requests/{id}/messages", [new("Message", "")]);
        using var tooLong = await helen.PostFormAsync($"/requests/{id}", $"/requests/{id}/messages", [new("Message", new string('m', 4001))]);
        var claimantPage = await librarian.GetStringAsync($"/requests/{id}");
        var outsiderPage = await other.GetStringAsync($"/requests/{id}");
        using var outsiderPosts = await other.PostFormAsync($"/requests/{id}", $"/requests/{id}/messages", [new("Message", "Can I help?")]);
        using var memberPosts = await claire.PostFormAsync("/", $"/requests/{id}/messages", [new("Message", "Hello?")]);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/requests/{id}#conversation", sent.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Enter a message", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("A message must be 4000 characters or fewer", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Thank you for taking this on.", claimantPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Thank you for taking this on.", outsiderPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, outsiderPosts.StatusCode);
        Assert.Contains("You cannot do this", await outsiderPosts.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, memberPosts.StatusCode);
        Assert.Equal(1, await site.Portal.ScalarAsync<long>("SELECT COUNT(*) FROM RequestMessages WHERE RequestId = $id", ("$id", id.ToString().ToUpperInvariant())));
    }

    [Fact]
    public async Task The_claimant_records_time_in_hours_and_minutes_and_sees_the_total()
    {
        var librarian = (await site.Portal.NewLibrariansAsync(1))[0];
        var id = await site.Portal.SubmittedRequestAsync();
        using var client = await site.Portal.SignedInAsync(librarian.Email);
        using var claim = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/claim", NoFields);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        using var notANumber = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/time", TimeForm(today, "two", ""));
        using var nothing = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/time", TimeForm(today, "0", "0"));
        using var future = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/time", TimeForm(today.AddDays(1), "1", ""));
        using var recorded = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/time", TimeForm(today, "1", "30", "Medline and CINAHL"));
        using var more = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/time", TimeForm(today, "", "45"));
        var page = await client.GetStringAsync($"/requests/{id}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notANumber.StatusCode);
        Assert.Contains("href=\"#TimeHours\">Hours must be a whole number, like 2</a>", await notANumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothing.StatusCode);
        Assert.Contains("Enter the time spent as a number of minutes greater than 0", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Contains("href=\"#TimeOn\">The day the time was spent cannot be in the future</a>", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, more.StatusCode);
        Assert.Contains("Total time recorded: 2 hours 15 minutes.", page, StringComparison.Ordinal);
        Assert.Contains("Medline and CINAHL", page, StringComparison.Ordinal);
    }
}
