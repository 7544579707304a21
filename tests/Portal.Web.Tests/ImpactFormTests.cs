using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.CoordinationSite;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>
/// The impact form, on the page and in the API: the requester answers a delivered request once;
/// each mistake is named and nothing is saved; others are refused as requests refuse them.
/// </summary>
public sealed class ImpactFormTests(CoordinationSiteFixture site) : IClassFixture<CoordinationSiteFixture>
{
    private static Dictionary<string, string> ValidForm() => new()
    {
        ["Uses"] = "InformedDecision",
        ["ContributedTo"] = "PolicyOrGuideline",
        ["HoursSaved"] = "1.5",
        ["WouldRecommend"] = "Yes",
        ["Comments"] = "The guideline group used it.",
        ["CaseStudyConsent"] = "true",
    };

    [Fact]
    public async Task The_requester_answers_on_the_page_and_the_request_page_says_so()
    {
        var id = await site.Portal.DeliveredRequestAsync("Do medication reviews reduce falls in care homes (form)?", DateTimeOffset.UtcNow.AddDays(-3));
        using var helen = await site.Portal.SignedInAsync(Helen);
        var before = WebUtility.HtmlDecode(await helen.GetStringAsync($"/requests/{id}"));
        var form = WebUtility.HtmlDecode(await helen.GetStringAsync($"/requests/{id}/impact"));

        var fields = new List<KeyValuePair<string, string>>(ValidForm()) { new("Uses", "SharedWithColleagues"), new("ContributedTo", "Practice") };
        using var posted = await helen.PostFormAsync($"/requests/{id}/impact", fields);
        var thanks = WebUtility.HtmlDecode(await helen.GetStringAsync($"/requests/{id}/impact"));
        var after = WebUtility.HtmlDecode(await helen.GetStringAsync($"/requests/{id}"));

        Assert.Contains($"href=\"/requests/{id}/impact\">Answer the impact form</a>", before, StringComparison.Ordinal);
        Assert.Contains("How did you use the information?", form, StringComparison.Ordinal);
        Assert.Contains("Saving time or money", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/requests/{id}/impact", posted.Headers.Location?.OriginalString);
        Assert.Contains("Thank you for answering the impact form", thanks, StringComparison.Ordinal);
        Assert.Contains("You answered the impact form on", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Answer the impact form</a>", after, StringComparison.Ordinal);
        var row = Assert.Single(await site.Portal.QueryAsync("SELECT Uses, ContributedTo, HoursSaved, WouldRecommend, Comments, CaseStudyConsent FROM ImpactAnswers WHERE RequestId = $id", ("$id", Key(id))));
        Assert.Equal(1 | 4, Convert.ToInt32(row["Uses"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2 | 4, Convert.ToInt32(row["ContributedTo"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.5m, Convert.ToDecimal(row["HoursSaved"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Yes", row["WouldRecommend"]);
        Assert.Equal("The guideline group used it.", row["Comments"]);
        Assert.Equal(1L, row["CaseStudyConsent"]);
    }

    [Theory]
    [InlineData("Uses", "", "Say how you used the evidence, or that you have not used it yet")]
    [InlineData("Uses", "Framed", "Choose how you used the evidence from the list")]
    [InlineData("ContributedTo", "WorldPeace", "Choose what the evidence contributed to from the list")]
    [InlineData("HoursSaved", "a few", "Hours saved must be a number, like 2 or 1.5")]
    [InlineData("HoursSaved", "-2", "Hours saved must be a number, like 2 or 1.5")]
    [InlineData("HoursSaved", "20000", "Hours saved must be between 0 and 10,000")]
    [InlineData("WouldRecommend", "", "Say whether you would recommend the service")]
    [InlineData("WouldRecommend", "Maybe", "Say whether you would recommend the service")]
    public async Task Each_mistake_on_the_form_is_named_and_nothing_is_saved(string field, string value, string message)
    {
        var id = await site.Portal.DeliveredRequestAsync($"Do medication reviews reduce falls ({field} {value})?", DateTimeOffset.UtcNow.AddDays(-3));
        using var helen = await site.Portal.SignedInAsync(Helen);
        var form = ValidForm();
        form[field] = value;

        using var posted = await helen.PostFormAsync($"/requests/{id}/impact", form);
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#{field}\">{message}</a>", html, StringComparison.Ordinal);
        Assert.Contains("The guideline group used it.", html, StringComparison.Ordinal); // what they typed is kept
        Assert.Equal(0, await site.Portal.ImpactAnswerCountAsync(id));
        Assert.Null(await site.Portal.ScalarAsync<long?>("SELECT ImpactAnsweredAt FROM EvidenceRequests WHERE Id = $id", ("$id", Key(id))));
    }

    [Fact]
    public async Task Not_yet_used_with_a_use_and_comments_too_long_are_refused()
    {
        var id = await site.Portal.DeliveredRequestAsync("Do medication reviews reduce falls (two mistakes)?", DateTimeOffset.UtcNow.AddDays(-3));
        using var helen = await site.Portal.SignedInAsync(Helen);
        var fields = new List<KeyValuePair<string, string>>(ValidForm().Where(f => f.Key != "Comments"))
        {
            new("Uses", "NotYetUsed"),
            new("Comments", new string('x', 4001)),
        };

        using var posted = await helen.PostFormAsync($"/requests/{id}/impact", fields);
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        Assert.Contains("You said you have not used it yet and also how you used it", html, StringComparison.Ordinal);
        Assert.Contains("Comments must be 4,000 characters or fewer", html, StringComparison.Ordinal);
        Assert.Equal(0, await site.Portal.ImpactAnswerCountAsync(id));
    }

    [Fact]
    public async Task A_second_answer_on_the_page_gets_a_clear_409_and_changes_nothing()
    {
        var id = await site.Portal.DeliveredRequestAsync("Do medication reviews reduce falls (twice on the page)?", DateTimeOffset.UtcNow.AddDays(-3));
        using var helen = await site.Portal.SignedInAsync(Helen);
        var token = await FormPosting.AntiforgeryTokenAsync(helen, $"/requests/{id}/impact");
        using var first = await helen.PostAsync($"/requests/{id}/impact", new FormUrlEncodedContent(ValidForm().Append(new("__RequestVerificationToken", token))));
        var second = ValidForm();
        second["Comments"] = "Second thoughts.";

        using var again = await helen.PostAsync($"/requests/{id}/impact", new FormUrlEncodedContent(second.Append(new("__RequestVerificationToken", token))));
        var html = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("You have already answered this impact form", html, StringComparison.Ordinal);
        Assert.Contains("your new answers were not saved", html, StringComparison.Ordinal);
        Assert.Equal("The guideline group used it.", await site.Portal.ScalarAsync<string>("SELECT Comments FROM ImpactAnswers WHERE RequestId = $id", ("$id", Key(id))));
    }

    [Fact]
    public async Task The_form_is_refused_without_antiforgery()
    {
        var id = await site.Portal.DeliveredRequestAsync("Do medication reviews reduce falls (no token)?", DateTimeOffset.UtcNow.AddDays(-3));
        using var helen = await site.Portal.SignedInAsync(Helen);

        using var posted = await helen.PostAsync($"/requests/{id}/impact", new FormUrlEncodedContent(ValidForm()));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(0, await site.Portal.ImpactAnswerCountAsync(id));
    }

    [Fact]
    public async Task Others_are_refused_on_the_page_and_a_request_not_delivered_has_no_form()
    {
        var id = await site.Portal.DeliveredRequestAsync("Do medication reviews reduce falls (others)?", DateTimeOffset.UtcNow.AddDays(-3));
        var submitted = await site.Portal.SubmittedRequestAsync("Do medication reviews reduce falls (not delivered)?");
        using var sinead = await site.Portal.SignedInAsync(Sinead);
        using var priya = await site.Portal.CoordinatorAsync();
        using var helen = await site.Portal.SignedInAsync(Helen);

        using var stranger = await sinead.GetAsync($"/requests/{id}/impact");
        using var coordinator = await priya.GetAsync($"/requests/{id}/impact");
        using var early = await helen.GetAsync($"/requests/{submitted}/impact");
        var coordinatorHtml = WebUtility.HtmlDecode(await coordinator.Content.ReadAsStringAsync());
        var earlyHtml = WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync());
        var coordinatorView = WebUtility.HtmlDecode(await priya.GetStringAsync($"/requests/{id}"));

        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
        Assert.Contains("Only the person who made the request can answer its impact form.", coordinatorHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("The impact form opens once the evidence for this request has been delivered.", earlyHtml, StringComparison.Ordinal);
        Assert.Contains("The impact form has not been sent to the requester yet.", coordinatorView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_once_and_says_what_was_saved()
    {
        var id = await site.Portal.DeliveredRequestAsync("Do medication reviews reduce falls (API)?", DateTimeOffset.UtcNow.AddDays(-3));
        using var helen = await site.Portal.ApiAsAsync(Helen);

        using var first = await helen.AnswerAsync(id, ImpactSite.ValidAnswer());
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        using var second = await helen.AnswerAsync(id, ImpactSite.ValidAnswer("Again"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"/requests/{id}/impact", first.Headers.Location?.OriginalString);
        Assert.Equal(["SharedWithColleagues", "InformedDecision"], body.GetProperty("uses").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(["Decision", "SavedTimeOrMoney"], body.GetProperty("contributedTo").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(2.5m, body.GetProperty("hoursSaved").GetDecimal());
        Assert.Equal("Yes", body.GetProperty("wouldRecommend").GetString());
        Assert.True(body.GetProperty("caseStudyConsent").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("The impact form for this request has already been answered. Thank you.", await second.ProblemTitleAsync());
        Assert.Equal(1, await site.Portal.ImpactAnswerCountAsync(id));
    }

    [Fact]
    public async Task The_api_refuses_others_as_requests_do()
    {
        var id = await site.Portal.DeliveredRequestAsync("Do medication reviews reduce falls (API others)?", DateTimeOffset.UtcNow.AddDays(-3));
        using var sinead = await site.Portal.ApiAsAsync(Sinead);
        using var admin = site.Portal.Api(TestSite.AdminApiToken);

        using var stranger = await sinead.AnswerAsync(id, ImpactSite.ValidAnswer());
        using var seesIt = await admin.AnswerAsync(id, ImpactSite.ValidAnswer());
        using var missing = await admin.AnswerAsync(Guid.NewGuid(), ImpactSite.ValidAnswer());

        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, seesIt.StatusCode);
        Assert.Equal("Only the person who made the request can answer its impact form.", await seesIt.ProblemTitleAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, await site.Portal.ImpactAnswerCountAsync(id));
    }

    [Fact]
    public async Task Bad_bodies_in_the_api_are_400_with_the_field_named()
    {
        var id = await site.Portal.DeliveredRequestAsync("Do medication reviews reduce falls (API bad)?", DateTimeOffset.UtcNow.AddDays(-3));
        using var helen = await site.Portal.ApiAsAsync(Helen);

        using var notJson = await helen.PostAsync($"/api/v1/requests/{id}/impact", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        using var textHours = await helen.PostAsync($"/api/v1/requests/{id}/impact", new StringContent("{ \"uses\": [\"InformedDecision\"], \"hoursSaved\": \"lots\", \"wouldRecommend\": \"Yes\" }", Encoding.UTF8, "application/json"));
        using var empty = await helen.PostAsJsonAsync($"/api/v1/requests/{id}/impact", new { });
        using var unknown = await helen.PostAsJsonAsync($"/api/v1/requests/{id}/impact", new { uses = new[] { "Framed" }, contributedTo = new[] { "Decision", "Peace" }, wouldRecommend = "Maybe", hoursSaved = -1 });
        var errors = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var emptyErrors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, textHours.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Say how you used the evidence, or that you have not used it yet", emptyErrors.GetProperty("uses")[0].GetString());
        Assert.Equal("Say whether you would recommend the service", emptyErrors.GetProperty("wouldRecommend")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("Choose how you used the evidence from the list", errors.GetProperty("uses")[0].GetString());
        Assert.Equal("Choose what the evidence contributed to from the list", errors.GetProperty("contributedTo")[0].GetString());
        Assert.Equal("Say whether you would recommend the service", errors.GetProperty("wouldRecommend")[0].GetString());
        Assert.Equal("Hours saved must be between 0 and 10,000", errors.GetProperty("hoursSaved")[0].GetString());
        Assert.Equal(0, await site.Portal.ImpactAnswerCountAsync(id));
    }

    [Fact]
    public async Task Two_answers_at_once_one_lands_and_the_other_is_409()
    {
        var id = await site.Portal.DeliveredRequestAsync("Do medication reviews reduce falls (race)?", DateTimeOffset.UtcNow.AddDays(-3));
        using var one = await site.Portal.ApiAsAsync(Helen);
        using var two = await site.Portal.ApiAsAsync(Helen);
        await Task.WhenAll(one.GetAsync($"/api/v1/requests/{id}"), two.GetAsync($"/api/v1/requests/{id}")); // warm both connections

        var answers = await Task.WhenAll(
            Task.Run(() => one.AnswerAsync(id, ImpactSite.ValidAnswer("First"))),
            Task.Run(() => two.AnswerAsync(id, ImpactSite.ValidAnswer("Second"))));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal("The impact form for this request has already been answered. Thank you.", await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).ProblemTitleAsync());
        Assert.Equal(1, await site.Portal.ImpactAnswerCountAsync(id));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
