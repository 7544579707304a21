using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>The evidence request form, the request page and its actions, through the real portal.</summary>
public sealed class RequestsPageTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    private async Task<string> FrailtyIdAsync() => (await site.Portal.WorkStreamAsync(Frailty)).GetProperty("id").GetString()!;

    [Fact]
    public async Task A_lead_saves_a_draft_submits_it_and_the_timeline_shows_both()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);

        using var saved = await helen.PostRequestAsync(ValidForm(await FrailtyIdAsync(), "Do falls prevention classes reduce hip fractures in people over 85?"));
        var id = RequestIdFrom(saved);
        var draft = await helen.GetStringAsync($"/requests/{id}");
        using var submitted = await helen.PostFormAsync($"/requests/{id}", $"/requests/{id}/submit", []);
        var page = await helen.GetStringAsync($"/requests/{id}");

        Assert.Contains("nhsuk-tag--grey\">Draft<", draft, StringComparison.Ordinal);
        Assert.Contains("Saved as a draft", draft, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("nhsuk-tag--blue\">Submitted<", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("Saved as a draft", StringComparison.Ordinal) < page.IndexOf("Submitted the request", StringComparison.Ordinal));
        Assert.Contains("Helen Armstrong", page, StringComparison.Ordinal);
        Assert.Contains("People over 80 living at home", page, StringComparison.Ordinal);
        Assert.Equal("Submitted", (await site.Portal.RequestRowAsync(id)).State);
    }

    [Fact]
    public async Task Submit_request_on_the_form_drafts_and_submits_at_once()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        var form = ValidForm(await FrailtyIdAsync(), "Does tai chi reduce the fear of falling in older people?");
        form["action"] = "submit";

        var id = RequestIdFrom(await helen.PostRequestAsync(form));

        Assert.Equal("Submitted", (await site.Portal.RequestRowAsync(id)).State);
    }

    [Fact]
    public async Task A_short_deadline_asks_for_a_reason_and_is_accepted_with_one()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        var before = await site.Portal.CountRequestsAsync();
        var form = ValidForm(await FrailtyIdAsync(), "Does vitamin D reduce falls in care home residents?", deadlineInDays: 5);

        using var warned = await helen.PostRequestAsync(form);
        var html = await warned.Content.ReadAsStringAsync();
        Assert.Equal(before, await site.Portal.CountRequestsAsync());
        form["ShortDeadlineReason"] = "The board meets next week.";
        using var accepted = await helen.PostRequestAsync(form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, warned.StatusCode);
        Assert.Contains("A evidence summary usually takes at least 14 days. Give a reason for the shorter deadline, or choose a later one", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#ShortDeadlineReason\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: Request evidence", html, StringComparison.Ordinal);
        Assert.Contains("Does vitamin D reduce falls in care home residents?", html, StringComparison.Ordinal);
        RequestIdFrom(accepted);
    }

    [Theory]
    [InlineData("Question", "", "Enter the question you need evidence for")]
    [InlineData("Question", "x501", "Question must be 500 characters or fewer: one or two sentences")]
    [InlineData("Geography", "x201", "Geography must be 200 characters or fewer")]
    [InlineData("Pico.Outcomes", "x4001", "Outcomes must be 4000 characters or fewer")]
    [InlineData("Deadline.Year", "2020", "Deadline must be today or in the future")]
    [InlineData("Deadline.Day", "", "Deadline must include a day")]
    [InlineData("Deadline.Month", "13", "Deadline must be a real date")]
    [InlineData("Output", "", "Choose the output you want")]
    [InlineData("Output", "Poem", "Choose the output you want")]
    [InlineData("Framework", "Pico2", "Choose a question framework, or none")]
    [InlineData("EvidenceFromYear", "last year", "Year must be a number, like 2015")]
    [InlineData("EvidenceTypes", "Horoscopes", "Choose evidence types from the list")]
    [InlineData("Urgency", "Urgent", "Say why the request is urgent")]
    [InlineData("OnBehalfOfName", "Ann Lee", "Give both the name and the role of the colleague you are asking for")]
    [InlineData("WorkStreamId", "", "Choose the work stream the evidence is for")]
    [InlineData("WorkStreamId", "not-a-guid", "Choose the work stream the evidence is for")]
    public async Task Bad_input_is_explained_beside_the_field_and_saves_nothing(string field, string value, string message)
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        var form = ValidForm(await FrailtyIdAsync());
        // "x501" stands for 501 characters.
        form[field] = value.StartsWith('x') && int.TryParse(value[1..], out var length) ? new string('x', length) : value;
        var before = await site.Portal.CountRequestsAsync();

        using var response = await helen.PostRequestAsync(form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(html.Contains(System.Net.WebUtility.HtmlEncode(message), StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(html, "nhsuk-error-summary__list\">(.*?)</ul>").Groups[1].Value);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Equal(before, await site.Portal.CountRequestsAsync());
    }

    [Theory]
    [InlineData(MentalHealth, "Choose one of the work streams you lead")]
    [InlineData(PausedExercise, "The work stream Physical exercise in preventive healthcare is paused, so it takes no new requests")]
    public async Task A_work_stream_the_lead_does_not_lead_or_that_is_paused_is_refused(string workStream, string message)
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        var id = (await site.Portal.WorkStreamAsync(workStream)).GetProperty("id").GetString()!;
        var before = await site.Portal.CountRequestsAsync();

        using var response = await helen.PostRequestAsync(ValidForm(id));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await site.Portal.CountRequestsAsync());
    }

    [Fact]
    public async Task The_form_offers_only_the_active_work_streams_the_lead_leads()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);

        var html = await helen.GetStringAsync("/requests/new");

        Assert.Contains(">Frailty framework</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Physical exercise in preventive healthcare</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Community mental health transformation</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_a_valid_antiforgery_token_is_refused_and_saves_nothing()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        var form = ValidForm(await FrailtyIdAsync());
        var before = await site.Portal.CountRequestsAsync();

        using var missing = await helen.PostAsync("/requests/new", new FormUrlEncodedContent(form));
        form["__RequestVerificationToken"] = "forged";
        using var forged = await helen.PostAsync("/requests/new", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await site.Portal.CountRequestsAsync());
    }

    [Fact]
    public async Task A_member_may_neither_open_the_form_nor_submit_a_request()
    {
        using var claire = await site.Portal.SignedInAsync(TestSite.MemberEmail, followRedirects: true);
        var before = await site.Portal.CountRequestsAsync();
        var form = ValidForm(await FrailtyIdAsync());
        form["action"] = "submit";

        using var page = await claire.GetAsync("/requests/new");
        using var posted = await claire.PostFormAsync("/workstreams", "/requests/new", form);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(before, await site.Portal.CountRequestsAsync());
    }

    [Fact]
    public async Task Only_the_requester_lead_and_those_who_see_every_request_may_see_it_others_get_not_found()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        var id = RequestIdFrom(await helen.PostRequestAsync(ValidForm(await FrailtyIdAsync(), "Do hip protectors prevent fractures in frail older people?")));
        using var marcus = await site.Portal.SignedInAsync(Marcus);
        using var claire = await site.Portal.SignedInAsync(TestSite.MemberEmail);
        using var lena = await site.Portal.SignedInAsync(TestSite.LibrarianEmail);

        using var otherLead = await marcus.GetAsync($"/requests/{id}");
        using var otherLeadEdit = await marcus.GetAsync($"/requests/{id}/edit");
        using var otherLeadSubmit = await marcus.PostFormAsync("/requests/mine", $"/requests/{id}/submit", []);
        using var member = await claire.GetAsync($"/requests/{id}");
        using var librarian = await lena.GetAsync($"/requests/{id}");
        using var nobody = await helen.GetAsync($"/requests/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, otherLead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherLeadEdit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherLeadSubmit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, member.StatusCode);
        Assert.Equal(HttpStatusCode.OK, librarian.StatusCode);
        Assert.DoesNotContain("/submit\"", await librarian.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Equal("Draft", (await site.Portal.RequestRowAsync(id)).State);
    }

    [Fact]
    public async Task Another_lead_of_the_work_stream_may_see_but_not_edit_someone_elses_request()
    {
        // A work stream led by Helen and Sinéad: Sinéad sees Helen's request, but it is not hers to change.
        using var admin = site.Portal.Api(TestSite.AdminApiToken);
        var shared = await CreateWorkStreamAsync(admin, "Shared frailty and maternity work", Helen, Sinead);
        using var helen = await site.Portal.SignedInAsync(Helen);
        var id = RequestIdFrom(await helen.PostRequestAsync(ValidForm(shared, "What helps older mothers with frailty after birth?")));
        using var sinead = await site.Portal.SignedInAsync(Sinead);
        var changed = ValidForm(shared, "A question Sinéad would rather ask");

        using var page = await sinead.GetAsync($"/requests/{id}");
        using var form = await sinead.GetAsync($"/requests/{id}/edit");
        using var edit = await sinead.PostFormAsync($"/requests/{id}", $"/requests/{id}/edit", changed);
        using var submit = await sinead.PostFormAsync($"/requests/{id}", $"/requests/{id}/submit", []);
        using var withdraw = await sinead.PostFormAsync($"/requests/{id}", $"/requests/{id}/withdraw", []);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Contains("Only the person who made the request can edit it.", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withdraw.StatusCode);
        var row = await site.Portal.RequestRowAsync(id);
        Assert.Equal(("Draft", "What helps older mothers with frailty after birth?", 0), row);
    }

    [Fact]
    public async Task Editing_a_submitted_request_is_tracked_with_old_and_new_values()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        var form = ValidForm(await FrailtyIdAsync(), "Do home hazard assessments reduce falls?");
        form["action"] = "submit";
        var id = RequestIdFrom(await helen.PostRequestAsync(form));

        var editPage = await helen.GetStringAsync($"/requests/{id}/edit");
        form["Question"] = "Do home hazard assessments by occupational therapists reduce falls?";
        form["action"] = "save";
        using var edited = await helen.PostFormAsync($"/requests/{id}/edit", $"/requests/{id}/edit", form);
        var page = await helen.GetStringAsync($"/requests/{id}");

        Assert.Contains("This request has been submitted.", editPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("Changed the request", page, StringComparison.Ordinal);
        Assert.Contains("<strong>Question</strong>: Do home hazard assessments reduce falls? → Do home hazard assessments by occupational therapists reduce falls?", page, StringComparison.Ordinal);
        Assert.Equal("Submitted", (await site.Portal.RequestRowAsync(id)).State);
    }

    [Fact]
    public async Task Submitting_twice_is_a_conflict_and_changes_nothing()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        var form = ValidForm(await FrailtyIdAsync(), "Does a falls risk clinic reduce repeat falls?");
        form["action"] = "submit";
        var id = RequestIdFrom(await helen.PostRequestAsync(form));
        var version = (await site.Portal.RequestRowAsync(id)).Version;

        using var again = await helen.PostFormAsync($"/requests/{id}", $"/requests/{id}/submit", []);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("This request has already been submitted.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(version, (await site.Portal.RequestRowAsync(id)).Version);
    }

    [Fact]
    public async Task A_delivered_request_cannot_be_withdrawn_or_edited()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        var delivered = RecipeRequest("frailty-care-home-deprescribing");

        using var withdraw = await helen.PostFormAsync($"/requests/{delivered}", $"/requests/{delivered}/withdraw", [new("WithdrawReason", "Too late")]);
        using var edit = await helen.GetAsync($"/requests/{delivered}/edit");

        Assert.Equal(HttpStatusCode.Conflict, withdraw.StatusCode);
        Assert.Contains("A delivered request cannot be withdrawn.", await withdraw.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal("Delivered", (await site.Portal.RequestRowAsync(delivered)).State);
    }

    [Fact]
    public async Task The_requester_withdraws_with_a_reason_shown_on_the_timeline()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        var form = ValidForm(await FrailtyIdAsync(), "Do falls alarms reduce time on the floor after a fall?");
        form["action"] = "submit";
        var id = RequestIdFrom(await helen.PostRequestAsync(form));

        using var tooLong = await helen.PostFormAsync($"/requests/{id}", $"/requests/{id}/withdraw", [new("WithdrawReason", new string('r', 4001))]);
        using var withdrawn = await helen.PostFormAsync($"/requests/{id}", $"/requests/{id}/withdraw", [new("WithdrawReason", "The programme board dropped the item.")]);
        var page = await helen.GetStringAsync($"/requests/{id}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("Reason must be 4000 characters or fewer", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("Withdrew the request", page, StringComparison.Ordinal);
        Assert.Contains("The programme board dropped the item.", page, StringComparison.Ordinal);
        Assert.Equal("Withdrawn", (await site.Portal.RequestRowAsync(id)).State);
    }

    [Fact]
    public async Task A_lead_closes_a_submitted_request_as_answered_by_an_existing_summary()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        var form = ValidForm(await FrailtyIdAsync(), "Do strength exercises help people with frailty climb stairs?");
        form["action"] = "submit";
        var id = RequestIdFrom(await helen.PostRequestAsync(form));
        var summary = ReusableSummary;

        using var empty = await helen.PostFormAsync($"/requests/{id}", $"/requests/{id}/close", [new("AnsweredBySummaryId", "")]);
        using var notAnId = await helen.PostFormAsync($"/requests/{id}", $"/requests/{id}/close", [new("AnsweredBySummaryId", "summary 12")]);
        using var closed = await helen.PostFormAsync($"/requests/{id}", $"/requests/{id}/close", [new("AnsweredBySummaryId", summary.ToString()), new("CloseReason", "The 2025 summary answers it.")]);
        using var again = await helen.PostFormAsync($"/requests/{id}", $"/requests/{id}/close", [new("AnsweredBySummaryId", summary.ToString())]);
        var page = await helen.GetStringAsync($"/requests/{id}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Enter the id of the summary that answers the request", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAnId.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains($"Closed it as answered by the existing summary {summary}", page, StringComparison.Ordinal);
        Assert.Equal("Closed", (await site.Portal.RequestRowAsync(id)).State);
    }

    [Fact]
    public async Task The_dashboard_groups_the_leads_requests_by_state_with_overdue_and_waiting_ones()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        using var sinead = await site.Portal.SignedInAsync(Sinead);

        var helens = await helen.GetStringAsync("/requests/mine");
        var sineads = await sinead.GetStringAsync("/requests/mine");

        Assert.Contains("<h2 id=\"overdue\">Overdue (1)</h2>", helens, StringComparison.Ordinal);
        Assert.Contains("How accurate is the electronic Frailty Index", helens, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Delivered\">1<", helens, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Claimed\">2<", helens, StringComparison.Ordinal);
        Assert.Contains("href=\"/workstreams/frailty-framework\"", helens, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"waiting\">Waiting for you (1)</h2>", sineads, StringComparison.Ordinal);
        Assert.Contains("continuity of carer", sineads, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_page_shows_the_deadline_moved_on_by_the_time_waiting_for_the_requester()
    {
        using var sinead = await site.Portal.SignedInAsync(Sinead);

        var page = await sinead.GetStringAsync($"/requests/{RecipeRequest("maternity-continuity-of-carer")}");

        Assert.Contains("moved on by the time spent waiting for the requester", page, StringComparison.Ordinal);
        Assert.Contains("Should the search cover midwife-led units only", page, StringComparison.Ordinal);
        Assert.Contains("Awaiting requester", page, StringComparison.Ordinal);
    }

    internal static async Task<string> CreateWorkStreamAsync(HttpClient admin, string title, params string[] leadEmails)
    {
        var users = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/users?pageSize=200");
        var leads = leadEmails.Select(e => users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == e).GetProperty("id").GetString()).ToList();
        using var created = await admin.PostAsJsonAsync("/api/v1/workstreams", new { title, summary = "A work stream made by a test.", system = "E54000050", topics = new[] { "frailty" }, leads });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }
}
