using System.Net;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;
using static Portal.Web.Tests.SimilarSite;

namespace Portal.Web.Tests;

/// <summary>"Searched before?" on the request form (the button without JavaScript), on the request page, and related summaries on summary pages.</summary>
[Collection(Collection)]
public sealed class SimilarFormTests(SimilarSiteFixture site)
{
    private PortalProcess Portal => site.Portal;

    private async Task<string> FrailtyIdAsync() => (await Portal.WorkStreamAsync(Frailty)).GetProperty("id").GetString()!;

    [Fact]
    public async Task The_check_button_shows_a_published_summary_like_the_question_keeps_what_was_typed_and_saves_nothing()
    {
        await Portal.WaitForRecipeAsync();
        using var helen = await Portal.SignedInAsync(Helen);
        var form = ValidForm(await FrailtyIdAsync(), DeprescribingQuestion);
        form.Remove("action");
        form["NotWanted"] = "Studies in hospital inpatients";
        var before = await Portal.CountRequestsAsync();

        using var checkedForm = await helen.PostFormAsync("/requests/new", "/requests/new/similar", form);
        var html = await checkedForm.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, checkedForm.StatusCode);
        Assert.Contains(Deprescribing.ToString(), SuggestedIds(html));
        Assert.Contains("Summaries that may already answer this", html, StringComparison.Ordinal);
        Assert.Contains("If one of these answers your question, you may not need a new search.", html, StringComparison.Ordinal);
        Assert.Contains("Medication review and deprescribing in care homes", html, StringComparison.Ordinal);
        Assert.Contains("target=\"_blank\"", html, StringComparison.Ordinal);
        // What was typed is there again, ready to submit: the question, the framework's parts, the other fields.
        Assert.Contains(DeprescribingQuestion, html, StringComparison.Ordinal);
        Assert.Contains("People over 80 living at home", html, StringComparison.Ordinal);
        Assert.Contains("Studies in hospital inpatients", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("nhsuk-error-summary", html, StringComparison.Ordinal);
        Assert.Equal(before, await Portal.CountRequestsAsync());

        // The form shown again still submits: its antiforgery token is good.
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        form["action"] = "draft";
        form["__RequestVerificationToken"] = WebUtility.HtmlDecode(token);
        using var saved = await helen.PostAsync("/requests/new", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(before + 1, await Portal.CountRequestsAsync());
    }

    [Fact]
    public async Task The_check_button_needs_the_antiforgery_token_and_a_lead()
    {
        using var helen = await Portal.SignedInAsync(Helen);
        using var claire = await Portal.SignedInAsync(TestSite.MemberEmail, followRedirects: true);
        using var anonymous = Portal.CreateClient();
        var form = ValidForm(await FrailtyIdAsync(), DeprescribingQuestion);

        using var forged = await helen.PostAsync("/requests/new/similar", new FormUrlEncodedContent(form));
        using var member = await claire.PostFormAsync("/workstreams", "/requests/new/similar", form);
        using var signedOut = await anonymous.PostAsync("/requests/new/similar", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/account/sign-in", signedOut.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_button_says_so_when_no_summary_is_like_the_question()
    {
        await Portal.WaitForRecipeAsync();
        using var helen = await Portal.SignedInAsync(Helen);
        var form = ValidForm(await FrailtyIdAsync(), UnrelatedQuestion);

        using var checkedForm = await helen.PostFormAsync("/requests/new", "/requests/new/similar", form);
        var html = await checkedForm.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, checkedForm.StatusCode);
        Assert.Empty(SuggestedIds(html));
        Assert.Contains("No published summaries look like your question.", html, StringComparison.Ordinal);
        Assert.Contains(UnrelatedQuestion, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_never_suggests_a_summary_the_lead_may_not_open()
    {
        // A delivered summary of Helen's, not shared: Helen may open it, Marcus (another work stream's lead) may not.
        var title = DistinctTitle("Whole-body vibration platforms for sarcopenia", out var word);
        var summary = await Portal.SimilarFinalAsync(title);
        var question = $"Do whole-body vibration platforms help sarcopenia {word}?";
        using var helenApi = await Portal.ApiAsAsync(Helen);
        await WaitUntilFoundAsync(helenApi, question, summary.SummaryId);
        using var marcus = await Portal.SignedInAsync(Marcus);
        using var helen = await Portal.SignedInAsync(Helen);
        var mentalHealth = (await Portal.WorkStreamAsync(MentalHealth)).GetProperty("id").GetString()!;

        using var marcusForm = await marcus.PostFormAsync("/requests/new", "/requests/new/similar", ValidForm(mentalHealth, question));
        using var helenForm = await helen.PostFormAsync("/requests/new", "/requests/new/similar", ValidForm(await FrailtyIdAsync(), question));

        Assert.Equal(HttpStatusCode.OK, marcusForm.StatusCode);
        Assert.DoesNotContain(summary.SummaryId.ToString(), SuggestedIds(await marcusForm.Content.ReadAsStringAsync()));
        Assert.Contains(summary.SummaryId.ToString(), SuggestedIds(await helenForm.Content.ReadAsStringAsync()));
        // Nor a draft, even to those who may open every summary.
        var draft = await Portal.SummaryReviewDraftAsync(title: DistinctTitle("Whole-body vibration platforms for sarcopenia", out var draftWord));
        var draftQuestion = $"Do whole-body vibration platforms help sarcopenia {draftWord}?";
        // A final summary written after the draft: once it is found, the draft has been indexed too.
        var later = await Portal.SimilarFinalAsync($"Whole-body vibration platforms for sarcopenia {draftWord}");
        await WaitUntilFoundAsync(helenApi, draftQuestion, later.SummaryId);
        // Librarians may open every summary, drafts too (the API says what the form would).
        using var lena = await Portal.ApiAsAsync(TestSite.LibrarianEmail);
        var librarians = await SimilarIdsAsync(lena, draftQuestion, 20);
        Assert.Contains(later.SummaryId.ToString(), librarians);
        Assert.DoesNotContain(draft.SummaryId.ToString(), librarians);
    }

    [Fact]
    public async Task Editing_a_request_shows_the_summaries_like_its_question_and_the_edit_check_button_works()
    {
        await Portal.WaitForRecipeAsync();
        using var helen = await Portal.SignedInAsync(Helen);
        using var saved = await helen.PostRequestAsync(ValidForm(await FrailtyIdAsync(), DeprescribingQuestion));
        var id = RequestIdFrom(saved);

        var edit = await helen.GetStringAsync($"/requests/{id}/edit");
        var form = ValidForm(await FrailtyIdAsync(), UnrelatedQuestion);
        using var checkedEdit = await helen.PostFormAsync($"/requests/{id}/edit", $"/requests/{id}/edit/similar", form);
        using var marcus = await Portal.SignedInAsync(Marcus);
        using var notHis = await marcus.PostFormAsync("/requests/new", $"/requests/{id}/edit/similar", form);

        Assert.Contains(Deprescribing.ToString(), SuggestedIds(edit));
        Assert.Contains($"formaction=\"/requests/{id}/edit/similar#similar-summaries\"", edit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, checkedEdit.StatusCode);
        Assert.Empty(SuggestedIds(await checkedEdit.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, notHis.StatusCode);
        Assert.Equal(DeprescribingQuestion, (await Portal.RequestRowAsync(id)).Question);
    }

    [Fact]
    public async Task The_request_page_shows_summaries_that_may_already_answer_it_with_a_way_to_close_it_as_answered()
    {
        await Portal.WaitForRecipeAsync();
        using var helen = await Portal.SignedInAsync(Helen);
        var form = ValidForm(await FrailtyIdAsync(), DeprescribingQuestion);
        form["action"] = "submit";
        var answered = RequestIdFrom(await helen.PostRequestAsync(form));
        var unrelated = RequestIdFrom(await helen.PostRequestAsync(ValidForm(await FrailtyIdAsync(), UnrelatedQuestion)));
        using var lena = await Portal.SignedInAsync(TestSite.LibrarianEmail);

        var page = await helen.GetStringAsync($"/requests/{answered}");
        var librarians = await lena.GetStringAsync($"/requests/{answered}");
        var none = await helen.GetStringAsync($"/requests/{unrelated}");

        Assert.Contains("Summaries that may already answer this", page, StringComparison.Ordinal);
        Assert.Contains(Deprescribing.ToString(), SuggestedIds(page));
        Assert.Contains("Close as answered by this summary", page, StringComparison.Ordinal);
        Assert.Contains(Deprescribing.ToString(), SuggestedIds(librarians));
        Assert.DoesNotContain("Close as answered by this summary", librarians, StringComparison.Ordinal);
        Assert.DoesNotContain("Summaries that may already answer this", none, StringComparison.Ordinal);

        // The lead closes it as answered from the suggestion.
        using var closed = await helen.PostFormAsync($"/requests/{answered}", $"/requests/{answered}/close", [new("AnsweredBySummaryId", Deprescribing.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal("Closed", (await Portal.RequestRowAsync(answered)).State);
        Assert.DoesNotContain("Summaries that may already answer this", await helen.GetStringAsync($"/requests/{answered}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Related_summaries_on_a_summary_page_leave_out_its_own_series()
    {
        var title = DistinctTitle("Hip protectors in care homes", out var word);
        var first = await Portal.SimilarFinalAsync(title);
        var other = await Portal.SimilarFinalAsync($"Hip protector adherence {word}");
        using var author = Portal.Api(first.Author.Token);
        using var rerun = await author.PostAsync($"/api/v1/summaries/{first.SummaryId}/versions", null);
        Assert.True(rerun.StatusCode == HttpStatusCode.Created, await rerun.Content.ReadAsStringAsync());
        var second = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(rerun.Content)).GetProperty("id").GetGuid();
        using var reader = await Portal.SignedInAsync(first.Author.Email);

        // The re-run (a draft) is read by its author; the first version, final and most like it, is its own series.
        var deadline = DateTime.UtcNow + Patience;
        string page;
        while (!SuggestedIds(page = await reader.GetStringAsync($"/summaries/{second}")).Contains(other.SummaryId.ToString()))
        {
            Assert.True(DateTime.UtcNow < deadline, "Related summaries did not show the other summary in time.");
            await Task.Delay(250);
        }

        Assert.Contains("Related summaries", page, StringComparison.Ordinal);
        Assert.DoesNotContain(first.SummaryId.ToString(), SuggestedIds(page));
        Assert.DoesNotContain(second.ToString(), SuggestedIds(page));
        var firstPage = await reader.GetStringAsync($"/summaries/{first.SummaryId}");
        Assert.Contains(other.SummaryId.ToString(), SuggestedIds(firstPage));
        Assert.DoesNotContain(first.SummaryId.ToString(), SuggestedIds(firstPage));
    }

    [Fact]
    public async Task Related_summaries_on_a_published_page_are_only_what_the_reader_may_open()
    {
        var title = DistinctTitle("Falls alarms and pendant use", out var word);
        var shared = await Portal.PublicationFinalAsync(title, consent: "Public");
        var slug = await Portal.PublishedSlugAsync(shared, "Public");
        // Not shared, and written first: once the shared one after it is found, it has been indexed too.
        var notShared = await Portal.SimilarFinalAsync($"Falls alarms and pendant wearing {word}");
        var alsoShared = await Portal.PublicationFinalAsync($"Pendant alarms worn at night {word}", consent: "Public");
        await Portal.PublishedSlugAsync(alsoShared, "Public");
        using var anonymous = Portal.CreateClient();

        var deadline = DateTime.UtcNow + Patience;
        string page;
        while (!SuggestedIds(page = await anonymous.GetStringAsync($"/evidence/{slug}")).Contains(alsoShared.SummaryId.ToString()))
        {
            Assert.True(DateTime.UtcNow < deadline, "Related summaries did not show the other published summary in time.");
            await Task.Delay(250);
        }

        Assert.Contains("Related summaries", page, StringComparison.Ordinal);
        Assert.DoesNotContain(notShared.SummaryId.ToString(), SuggestedIds(page));
        Assert.DoesNotContain(shared.SummaryId.ToString(), SuggestedIds(page));
    }
}
