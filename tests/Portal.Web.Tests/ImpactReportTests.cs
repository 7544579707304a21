using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.CoordinationSite;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>
/// The impact report, its CSV and its API, and case studies, on requests delivered in the 2021–22
/// financial year so the figures are exact whatever else the site holds.
/// </summary>
public sealed class ImpactReportTests(ImpactReportTests.Fixture site) : IClassFixture<ImpactReportTests.Fixture>
{
    private const string Year2021 = "From.Day=1&From.Month=4&From.Year=2021&To.Day=31&To.Month=3&To.Year=2022";
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"Click\")";

    /// <summary>Three requests delivered in 2021: answered after the form, answered before it, and asked but not answered.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly CoordinationSiteFixture _site = new();

        public PortalProcess Portal => _site.Portal;

        public Guid AnsweredWithConsent { get; private set; }

        public Guid AnsweredWithoutConsent { get; private set; }

        public async Task InitializeAsync()
        {
            await _site.InitializeAsync();
            AnsweredWithConsent = await Portal.DeliveredRequestAsync("Do falls clinics reduce hip fractures (report)?", At(2021, 5, 20));
            AnsweredWithoutConsent = await Portal.DeliveredRequestAsync("Does strength training help frail people (report)?", At(2021, 9, 1));
            var unanswered = await Portal.DeliveredRequestAsync("Does vision screening prevent falls (report)?", At(2022, 3, 31));
            await Portal.DeliveredRequestAsync("Do hip protectors work (delivered the year after)?", At(2022, 4, 1));
            await Portal.SetRequestTimeAsync(AnsweredWithConsent, "ImpactAskedAt", At(2021, 6, 17));
            await Portal.SetRequestTimeAsync(unanswered, "ImpactAskedAt", At(2022, 4, 28));
            using var helen = await Portal.ApiAsAsync(Helen);
            using var first = await helen.AnswerAsync(AnsweredWithConsent, ImpactSite.ValidAnswer(Formula));
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            using var second = await helen.AnswerAsync(AnsweredWithoutConsent, new
            {
                uses = new[] { "PersonalLearning" },
                contributedTo = new[] { "Education" },
                hoursSaved = 4m,
                wouldRecommend = "NotSure",
                comments = "It shaped our teaching.",
                caseStudyConsent = false,
            });
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        }

        public Task DisposeAsync() => _site.DisposeAsync();

        private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);
    }

    [Fact]
    public async Task The_report_counts_answers_shares_hours_and_quotes_with_charts_and_tables()
    {
        using var priya = await site.Portal.CoordinatorAsync();

        using var response = await priya.GetAsync($"/coordination/impact?{Year2021}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Impact of requests delivered from 1 April 2021 to 31 March 2022", html, StringComparison.Ordinal);
        Assert.Equal("3", Figure(html, "delivered"));
        Assert.Equal("2", Figure(html, "asked"));
        Assert.Equal("2", Figure(html, "answered"));
        Assert.Equal("66.7%", Figure(html, "response-rate"));
        Assert.Equal("6.5", Figure(html, "hours-total"));
        Assert.StartsWith("3.25", Figure(html, "hours-median"), StringComparison.Ordinal);
        Assert.Equal("50%", Figure(html, "recommend"));
        Assert.Contains("<td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">1</td>", Row(html, "InformedDecision"), StringComparison.Ordinal);
        Assert.Contains(">50%<", Row(html, "InformedDecision"), StringComparison.Ordinal);
        Assert.Contains(">0%<", Row(html, "NotYetUsed"), StringComparison.Ordinal);
        Assert.Contains(">50%<", Row(html, "Education"), StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-labelledby=\"uses-chart-title uses-chart-desc\"", html, StringComparison.Ordinal);
        Assert.Contains("Of 2 answers: I shared it with colleagues 1 (50%);", html, StringComparison.Ordinal);
        Assert.Contains("“It shaped our teaching.”", html, StringComparison.Ordinal);
        Assert.Contains($"“{Formula}”", html, StringComparison.Ordinal);
        // The answer with consent offers a case study (started, or to start: the case study test may run first).
        Assert.True(html.Contains("Start a case study", StringComparison.Ordinal) || html.Contains("Open its case study", StringComparison.Ordinal));
        Assert.Contains("/coordination/impact.csv?From.Day=1&From.Month=4&From.Year=2021&To.Day=31&To.Month=3&To.Year=2022", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_filters_by_work_stream_and_system()
    {
        using var priya = await site.Portal.CoordinatorAsync();

        var frailty = WebUtility.HtmlDecode(await priya.GetStringAsync($"/coordination/impact?{Year2021}&WorkStream={Frailty}&System=E54000050"));
        var mentalHealth = WebUtility.HtmlDecode(await priya.GetStringAsync($"/coordination/impact?{Year2021}&WorkStream={MentalHealth}"));

        Assert.Equal("3", Figure(frailty, "delivered"));
        Assert.Equal("0", Figure(mentalHealth, "delivered"));
        Assert.Equal("–", Figure(mentalHealth, "response-rate"));
        Assert.Contains("No answers yet.", mentalHealth, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_gives_the_same_numbers_as_json()
    {
        using var priya = site.Portal.Api(TestSite.AdminApiToken);

        var report = await priya.GetFromJsonAsync<JsonElement>("/api/v1/reports/impact?from=2021-04-01&to=2022-03-31&system=E54000050&workstream=" + Frailty);

        Assert.Equal("2021-04-01", report.GetProperty("from").GetString());
        Assert.Equal(3, report.GetProperty("delivered").GetInt32());
        Assert.Equal(2, report.GetProperty("asked").GetInt32());
        Assert.Equal(2, report.GetProperty("answered").GetInt32());
        Assert.Equal(66.7, report.GetProperty("responseRatePercent").GetDouble());
        Assert.Equal(6.5m, report.GetProperty("hoursSavedTotal").GetDecimal());
        Assert.Equal(3.25m, report.GetProperty("hoursSavedMedian").GetDecimal());
        Assert.Equal(50, report.GetProperty("wouldRecommendPercent").GetDouble());
        var decision = report.GetProperty("contributions").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Decision");
        Assert.Equal(1, decision.GetProperty("count").GetInt32());
        Assert.Equal(50, decision.GetProperty("percent").GetDouble());
        Assert.Equal(2, report.GetProperty("quotes").GetArrayLength());
    }

    [Fact]
    public async Task The_csv_has_the_figures_and_quotes_with_formulas_neutralised()
    {
        using var priya = await site.Portal.CoordinatorAsync();

        using var response = await priya.GetAsync($"/coordination/impact.csv?{Year2021}&WorkStream={Frailty}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"impact-{Frailty}-2021-04-01-to-2022-03-31.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Period from,Period to,System,Work stream,Measure,Item,Value,Percent", lines[0]);
        Assert.Contains("2021-04-01,2022-03-31,All systems,Frailty framework,Impact forms answered,,2,66.7", lines);
        Assert.Contains("2021-04-01,2022-03-31,All systems,Frailty framework,Contributed to,A decision,1,50.0", lines);
        Assert.Contains("2021-04-01,2022-03-31,All systems,Frailty framework,Hours saved,Median,3.25,", lines);
        Assert.Contains(lines, l => l.EndsWith(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",=", StringComparison.Ordinal) || l.Contains(",\"=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("From.Day=31&From.Month=2&From.Year=2022", "From", "Start of the period must be a real date")]
    [InlineData("From.Day=1&From.Month=4", "From", "Start of the period must include a year")]
    [InlineData("From.Day=1&From.Month=4&From.Year=2022&To.Day=31&To.Month=3&To.Year=2022", "To", "The end of the period must be the same as or after its start")]
    [InlineData("System=E99999999", "System", "Choose a system from the list")]
    [InlineData("WorkStream=no-such-stream", "WorkStream", "Choose a work stream from the list")]
    public async Task Bad_filters_give_a_clear_message_and_400_on_the_page_and_the_csv(string query, string field, string message)
    {
        using var priya = await site.Portal.CoordinatorAsync();

        using var page = await priya.GetAsync($"/coordination/impact?{query}");
        using var csv = await priya.GetAsync($"/coordination/impact.csv?{query}");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-figure=\"delivered\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Equal(message, (await csv.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("from=2022-04-01&to=2022-03-31", "to", "The end of the period must be the same as or after its start")]
    [InlineData("from=1%20April%202021", "from", "from must be a real date written yyyy-MM-dd, like 2026-04-01")]
    [InlineData("to=2022-02-30", "to", "to must be a real date written yyyy-MM-dd, like 2026-04-01")]
    [InlineData("system=nowhere", "system", "Choose a system from the list")]
    [InlineData("workstream=nowhere", "workStream", "Choose a work stream from the list")]
    public async Task Bad_filters_in_the_api_are_400_with_the_field_named(string query, string field, string message)
    {
        using var priya = site.Portal.Api(TestSite.AdminApiToken);

        using var response = await priya.GetAsync($"/api/v1/reports/impact?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Only_coordinators_see_the_report()
    {
        using var helen = await site.Portal.SignedInAsync(Helen);
        using var helenApi = await site.Portal.ApiAsAsync(Helen);

        using var page = await helen.GetAsync("/coordination/impact");
        using var csv = await helen.GetAsync("/coordination/impact.csv");
        using var api = await helenApi.GetAsync("/api/v1/reports/impact");
        var answerId = await AnswerIdAsync(site.AnsweredWithConsent);
        using var start = await helen.PostFormAsync("/requests/mine", $"/coordination/impact/{answerId}/case-study", []);

        Assert.True(page.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{page.StatusCode}");
        Assert.True(csv.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{csv.StatusCode}");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.True(start.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{start.StatusCode}");
        Assert.False(start.Headers.Location?.OriginalString.Contains("case-studies", StringComparison.Ordinal) ?? false);
    }

    [Fact]
    public async Task A_case_study_starts_from_an_answer_with_consent_and_is_edited_and_listed()
    {
        using var priya = await site.Portal.CoordinatorAsync();
        var answerId = await AnswerIdAsync(site.AnsweredWithConsent);

        using var started = await priya.PostFormAsync($"/coordination/impact?{Year2021}", $"/coordination/impact/{answerId}/case-study", []);
        var edit = started.Headers.Location!.OriginalString;
        using var again = await priya.PostFormAsync($"/coordination/impact?{Year2021}", $"/coordination/impact/{answerId}/case-study", []);
        var draft = WebUtility.HtmlDecode(await priya.GetStringAsync(edit));
        using var empty = await priya.PostFormAsync(edit, [new("Title", " "), new("Story", "Some story")]);
        using var saved = await priya.PostFormAsync(edit, [new("Title", "Falls clinics changed our pathway"), new("Story", "## What changed\n\nThe *falls* pathway.\n\n<script>alert(1)</script>")]);
        var view = await priya.GetStringAsync(saved.Headers.Location!.OriginalString);
        var report = WebUtility.HtmlDecode(await priya.GetStringAsync($"/coordination/impact?{Year2021}"));

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Matches("^/coordination/impact/case-studies/[0-9a-f-]{36}/edit$", edit);
        Assert.Equal(edit, again.Headers.Location?.OriginalString); // the same draft, not a second one
        Assert.Equal(1, await site.Portal.ScalarAsync<int>("SELECT COUNT(*) FROM CaseStudies WHERE ImpactAnswerId = $id", ("$id", Key(answerId))));
        Assert.Contains("Impact story: Do falls clinics reduce hip fractures (report)?", draft, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Enter a title of 200 characters or fewer", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<em>falls</em>", view, StringComparison.Ordinal);
        Assert.Contains("What changed</h4>", view, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", view, StringComparison.Ordinal);
        Assert.Contains("Falls clinics changed our pathway</a>", report, StringComparison.Ordinal);
        Assert.Contains("Open its case study", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_study_from_an_answer_without_consent_is_refused_with_409()
    {
        using var priya = await site.Portal.CoordinatorAsync();
        var answerId = await AnswerIdAsync(site.AnsweredWithoutConsent);

        using var refused = await priya.PostFormAsync($"/coordination/impact?{Year2021}", $"/coordination/impact/{answerId}/case-study", []);
        using var missing = await priya.PostFormAsync($"/coordination/impact?{Year2021}", $"/coordination/impact/{Guid.NewGuid()}/case-study", []);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("The requester did not agree to an impact case study, so none can be started from this answer.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, await site.Portal.ScalarAsync<int>("SELECT COUNT(*) FROM CaseStudies WHERE ImpactAnswerId = $id", ("$id", Key(answerId))));
    }

    private async Task<Guid> AnswerIdAsync(Guid requestId) =>
        Guid.Parse((await site.Portal.ScalarAsync<string>("SELECT Id FROM ImpactAnswers WHERE RequestId = $id", ("$id", Key(requestId))))!);

    /// <summary>The value of one figure of the counts, by its data-figure name.</summary>
    private static string Figure(string html, string name)
    {
        var start = html.IndexOf($"data-figure=\"{name}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page has no figure {name}.");
        start = html.IndexOf('>', start) + 1;
        return html[start..html.IndexOf('<', start)].Trim();
    }

    /// <summary>One row of the tables behind the charts, by the name of its use or contribution.</summary>
    private static string Row(string html, string name)
    {
        var start = html.IndexOf($"data-row=\"{name}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page has no row {name}.");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
