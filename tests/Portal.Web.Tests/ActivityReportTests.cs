using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Portal.Testing;
using static Portal.Web.Tests.CoordinationSite;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>
/// The activity report and its CSV, on requests moved into the 2021–22 financial year so the
/// figures are exact whatever else the site holds.
/// </summary>
public sealed class ActivityReportTests(ActivityReportTests.Fixture site) : IClassFixture<ActivityReportTests.Fixture>
{
    private const string Gateshead = "Gateshead Library and Knowledge Service";

    /// <summary>A service name a spreadsheet would run as a formula, to check the CSV neutralises it.</summary>
    private const string FormulaService = "=cmd|' /C calc'!A0";

    private const string NorthEast = "NHS North East and North Cumbria ICB";

    private const string Year2021 = "From.Day=1&From.Month=4&From.Year=2021&To.Day=31&To.Month=3&To.Year=2022";

    /// <summary>The site with four requests in 2021: claimed, delivered, reused, and one submitted the year before.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly CoordinationSiteFixture _site = new();

        public PortalProcess Portal => _site.Portal;

        public async Task InitializeAsync()
        {
            await _site.InitializeAsync();
            await Portal.SetServiceProfileAsync(TestSite.LibrarianEmail, Gateshead, capacity: 10);
            await Portal.SetServiceProfileAsync(Tomasz, FormulaService, capacity: 10);
            var delivered = await Portal.SubmittedRequestAsync("Do falls clinics reduce hip fractures?");
            var claimed = await Portal.SubmittedRequestAsync("Does medication review reduce falls?");
            var reused = await Portal.SubmittedRequestAsync("Do hip protectors work in care homes?");
            var lastYear = await Portal.SubmittedRequestAsync("Does vision screening prevent falls?");
            using var admin = Portal.Api(TestSite.AdminApiToken);
            await AssignAsync(admin, delivered, TestSite.LibrarianEmail);
            await AssignAsync(admin, lastYear, TestSite.LibrarianEmail);
            await AssignAsync(admin, claimed, Tomasz);
            using var helen = await Portal.ApiAsAsync(Helen);
            using var close = await helen.PostAsJsonAsync($"/api/v1/requests/{reused}/close", new { answeredBySummaryId = ReusableSummary.ToString(), reason = "The 2020 summary answers it." });
            Assert.Equal(HttpStatusCode.OK, close.StatusCode);

            await Move(delivered, submitted: At(2021, 5, 1), claimedAt: At(2021, 5, 3), deliveredAt: At(2021, 5, 20));
            await Portal.ExecuteAsync("UPDATE EvidenceRequests SET State = 'Delivered' WHERE Id = $id", ("$id", Key(delivered)));
            await Move(claimed, submitted: At(2021, 6, 1), claimedAt: At(2021, 6, 5));
            await Move(reused, submitted: At(2021, 7, 1), closedAt: At(2021, 7, 2));
            await Move(lastYear, submitted: At(2021, 3, 30), claimedAt: At(2021, 4, 2));
            await RecordTimeAsync(delivered, TestSite.LibrarianEmail, new DateOnly(2021, 5, 10), 90);
            await RecordTimeAsync(claimed, Tomasz, new DateOnly(2021, 6, 10), 30);
            await RecordTimeAsync(delivered, TestSite.LibrarianEmail, new DateOnly(2022, 4, 2), 45);
        }

        public Task DisposeAsync() => _site.DisposeAsync();

        private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

        private async Task AssignAsync(HttpClient admin, Guid id, string email)
        {
            using var response = await admin.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { librarianId = await Portal.UserIdAsync(email), reason = "Report test" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        private async Task Move(Guid id, DateTimeOffset submitted, DateTimeOffset? claimedAt = null, DateTimeOffset? deliveredAt = null, DateTimeOffset? closedAt = null)
        {
            await Portal.SetRequestTimeAsync(id, "SubmittedAt", submitted);
            await Portal.SetRequestTimeAsync(id, "ClaimedAt", claimedAt);
            await Portal.SetRequestTimeAsync(id, "DeliveredAt", deliveredAt);
            await Portal.SetRequestTimeAsync(id, "ClosedAt", closedAt);
        }

        private async Task RecordTimeAsync(Guid requestId, string email, DateOnly on, int minutes) =>
            await Portal.ExecuteAsync(
                "INSERT INTO TimeRecords (Id, RequestId, LibrarianId, \"On\", Minutes, Note, RecordedAt) VALUES ($id, $request, $librarian, $on, $minutes, NULL, $at)",
                ("$id", Key(Guid.NewGuid())), ("$request", Key(requestId)), ("$librarian", await Portal.UserIdAsync(email)),
                ("$on", Day(on)), ("$minutes", minutes), ("$at", DateTimeOffset.UtcNow.UtcTicks));
    }

    [Fact]
    public async Task The_report_counts_each_service_and_the_totals_for_the_period()
    {
        using var priya = await site.Portal.CoordinatorAsync();

        using var response = await priya.GetAsync($"/coordination/activity?{Year2021}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Activity from 1 April 2021 to 31 March 2022", html, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "1", "2.5", "19.0", "1.5", "0"], Figures(html, Gateshead));
        Assert.Equal(["1", "1", "0", "4.0", "–", "0.5", "0"], Figures(html, FormulaService));
        Assert.Equal(["1", "0", "0", "–", "–", "0.0", "1"], Figures(html, "Not claimed"));
        Assert.Equal(["3", "3", "1", "3.0", "19.0", "2.0", "1"], Figures(html, "total"));
        Assert.Contains("Total: All systems", html, StringComparison.Ordinal);
        Assert.Contains(NorthEast, html, StringComparison.Ordinal);
        Assert.Contains("/coordination/activity.csv?From.Day=1&From.Month=4&From.Year=2021&To.Day=31&To.Month=3&To.Year=2022", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_year_before_holds_only_what_happened_before_1_April()
    {
        using var priya = await site.Portal.CoordinatorAsync();

        var html = WebUtility.HtmlDecode(await priya.GetStringAsync("/coordination/activity?From.Day=1&From.Month=4&From.Year=2020&To.Day=31&To.Month=3&To.Year=2021"));

        Assert.Equal(["1", "0", "0", "–", "–", "0.0", "0"], Figures(html, "total"));
    }

    [Fact]
    public async Task The_report_filters_by_service_and_by_system()
    {
        using var priya = await site.Portal.CoordinatorAsync();

        var gateshead = WebUtility.HtmlDecode(await priya.GetStringAsync($"/coordination/activity?{Year2021}&System=E54000050&Service={Uri.EscapeDataString(Gateshead)}"));
        var elsewhere = WebUtility.HtmlDecode(await priya.GetStringAsync($"/coordination/activity?{Year2021}&System=E54000055"));

        Assert.Equal(["1", "2", "1", "2.5", "19.0", "1.5", "0"], Figures(gateshead, "total"));
        Assert.DoesNotContain("data-row=\"Not claimed\"", gateshead, StringComparison.Ordinal);
        Assert.Contains($"Total: {NorthEast}", gateshead, StringComparison.Ordinal);
        Assert.Contains("Nothing happened in this period for the system and service chosen.", elsewhere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_dates_the_report_covers_this_financial_year()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = today.Month >= 4 ? new DateOnly(today.Year, 4, 1) : new DateOnly(today.Year - 1, 4, 1);
        using var priya = await site.Portal.CoordinatorAsync();

        var html = WebUtility.HtmlDecode(await priya.GetStringAsync("/coordination/activity"));

        Assert.Contains($"Activity from 1 April {start.Year} to 31 March {start.Year + 1}", html, StringComparison.Ordinal);
        Assert.Contains("data-row=\"total\"", html, StringComparison.Ordinal);
        Assert.Contains("annual quality return", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_has_the_same_figures_a_file_name_with_the_period_and_no_formulas()
    {
        using var priya = await site.Portal.CoordinatorAsync();

        using var response = await priya.GetAsync($"/coordination/activity.csv?{Year2021}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("activity-2021-04-01-to-2022-03-31.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Period from,Period to,System,LKS service,Requests received,Requests claimed,Requests delivered,Median days to claim,Median days to deliver,Hours spent,Answered by an existing summary (reuse)", lines[0]);
        Assert.Contains($"2021-04-01,2022-03-31,{NorthEast},{Gateshead},1,2,1,2.5,19.0,1.5,0", lines);
        Assert.Contains($"2021-04-01,2022-03-31,{NorthEast},'=cmd|' /C calc'!A0,1,1,0,4.0,,0.5,0", lines);
        Assert.Equal("2021-04-01,2022-03-31,All systems,All services,3,3,1,3.0,19.0,2.0,1", lines[^1]);
        Assert.DoesNotContain(lines, l => l.Contains(",=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_csv_of_one_system_names_it_in_the_file_name()
    {
        using var priya = await site.Portal.CoordinatorAsync();

        using var response = await priya.GetAsync($"/coordination/activity.csv?{Year2021}&System=E54000050");

        Assert.Equal("activity-E54000050-2021-04-01-to-2022-03-31.csv", response.Content.Headers.ContentDisposition?.FileName);
    }

    [Theory]
    [InlineData("From.Day=31&From.Month=2&From.Year=2022", "From", "Start of the period must be a real date")]
    [InlineData("From.Day=1&From.Month=4&From.Year=twenty", "From", "Start of the period must be a real date")]
    [InlineData("From.Day=1&From.Month=4", "From", "Start of the period must include a year")]
    [InlineData("From.Day=1&From.Month=4&From.Year=2022&To.Day=31&To.Month=3&To.Year=2022", "To", "The end of the period must be the same as or after its start")]
    [InlineData("System=E99999999", "System", "Choose a system from the list")]
    [InlineData("Service=Nowhere%20LKS", "Service", "Choose an LKS service from the list")]
    public async Task Bad_filters_give_a_clear_message_and_400_for_the_csv_and_the_page(string query, string field, string message)
    {
        using var priya = await site.Portal.CoordinatorAsync();

        using var csv = await priya.GetAsync($"/coordination/activity.csv?{query}");
        using var page = await priya.GetAsync($"/coordination/activity?{query}");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Equal("application/problem+json", csv.Content.Headers.ContentType?.MediaType);
        var errors = (await csv.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(message, errors.GetProperty(field)[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"activity\"", html, StringComparison.Ordinal);
    }

    /// <summary>The figures of one line of the report (received … reuse), by its service or "total".</summary>
    private static string[] Figures(string html, string row)
    {
        var start = html.IndexOf($"data-row=\"{row}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The report has no line {row}.");
        var line = html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
        return System.Text.RegularExpressions.Regex.Matches(line, "data-figure=\"[a-z-]+\"><span[^>]*>[^<]*</span>(?<value>[^<]*)</td>")
            .Select(m => m.Groups["value"].Value.Trim()).ToArray();
    }
}
