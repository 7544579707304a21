using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Portal.Segmentation.Disclosure;
using Portal.Segmentation.Output;
using Portal.Segmentation.PatientLevel;
using Portal.Segmentation.Synthetic;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>A portal that accepts patient-level uploads, as the demo and the tests run it.</summary>
public sealed class SegmentationSiteFixture : SetUpSiteFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Portal:Segmentation:AllowPatientLevelUpload"] = "true",
        ["Portal:Api:TokenRequestsPerMinute"] = "1000",
    };
}

/// <summary>Files for the upload tests: the tool's output and patient-level files, made by the generator.</summary>
internal static class SegmentationFiles
{
    public const string AnalystEmail = "daniel.okafor@example.org";

    public static byte[] PatientLevel(int people, ulong seed) => PopulationGenerator.Generate(people, seed);

    public static string Aggregated(int people = 3000, ulong seed = 11)
    {
        using var stream = new MemoryStream(PatientLevel(people, seed));
        var outcome = PatientLevelReader.Read(stream, new PatientLevelOptions());
        return OutputWriter.ToCsv(DisclosureControl.Protect(outcome.Result!, new OutputContext("System", "E54000050", "2024-25", "stem-segment test")));
    }

    /// <summary>Replaces the count (and so the cost per head) of the first row matching.</summary>
    public static string WithCount(string csv, string rowStart, long count)
    {
        var lines = csv.Split('\n');
        var i = Array.FindIndex(lines, l => l.StartsWith(rowStart, StringComparison.Ordinal));
        var f = lines[i].Split(',');
        f[7] = count.ToString(CultureInfo.InvariantCulture);
        f[9] = (decimal.Parse(f[8], CultureInfo.InvariantCulture) / count).ToString("0.00", CultureInfo.InvariantCulture);
        lines[i] = string.Join(',', f);
        return string.Join('\n', lines);
    }

    public static MultipartFormDataContent Form(byte[] file, string? antiforgeryToken = null, string title = "Segmentation test", string? kind = null,
        string geographyCode = "E54000050", string period = "2024-25", string narrative = "", IEnumerable<string>? workStreams = null)
    {
        var form = new MultipartFormDataContent();
        if (antiforgeryToken is not null)
        {
            form.Add(new StringContent(antiforgeryToken), "__RequestVerificationToken");
        }

        form.Add(new StringContent(title), "title");
        form.Add(new StringContent(geographyCode), "geographyCode");
        form.Add(new StringContent(period), "period");
        form.Add(new StringContent(narrative), "narrative");
        if (kind is not null)
        {
            form.Add(new StringContent(kind), "kind");
        }

        foreach (var workStream in workStreams ?? [])
        {
            form.Add(new StringContent(workStream), "workStreams");
        }

        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "output.csv");
        return form;
    }

    public static async Task<long> CountStoredAsync(PortalProcess portal) =>
        (long)(await portal.QueryAsync("SELECT COUNT(*) AS n FROM SegmentationOutputs"))[0]["n"]!;
}

/// <summary>Uploading outputs through the pages: what is accepted, what is refused and why, and who may.</summary>
public sealed class SegmentationUploadTests(SegmentationSiteFixture site) : IClassFixture<SegmentationSiteFixture>
{
    private async Task<HttpClient> SignedInAsync(string email = SegmentationFiles.AnalystEmail)
    {
        var client = site.Portal.CreateClient();
        using var signIn = await client.SignInAsync(email, TestSite.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string path = "/segmentation/upload", string title = "Segmentation test", string narrative = "")
    {
        var token = await FormPosting.AntiforgeryTokenAsync(client, path == "/segmentation/upload" ? path : "/segmentation/upload?kind=patient-level");
        using var form = SegmentationFiles.Form(file, token, title: title, narrative: narrative);
        return await client.PostAsync(path, form);
    }

    [Fact]
    public async Task An_analyst_publishes_the_tools_output_and_sees_its_page()
    {
        using var client = await SignedInAsync();

        using var response = await UploadAsync(client, Encoding.UTF8.GetBytes(SegmentationFiles.Aggregated()), title: "Aggregated upload",
            narrative: "**Read this first.** <script>alert(1)</script> [a link](javascript:alert(1))");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("<h1>Aggregated upload</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<strong>Read this first.</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", page, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", page, StringComparison.Ordinal);
        var stored = await site.Portal.QueryAsync("SELECT Kind, Period FROM SegmentationOutputs WHERE Title = 'Aggregated upload'");
        Assert.Equal(("Aggregated", "2024-25"), ((string)stored[0]["Kind"]!, (string)stored[0]["Period"]!));
    }

    [Fact]
    public async Task A_count_of_3_is_refused_with_its_row_and_nothing_is_stored()
    {
        using var client = await SignedInAsync();
        var before = await SegmentationFiles.CountStoredAsync(site.Portal);
        var csv = SegmentationFiles.WithCount(SegmentationFiles.Aggregated(), "System,E54000050,2024-25,segment,ltc_1_3,ltc_1_3,total,", 3);

        using var response = await UploadAsync(client, Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("a count of 3 must never be published", page, StringComparison.Ordinal);
        Assert.Contains("population_count", page, StringComparison.Ordinal);
        Assert.Contains("Error: Upload a segmentation output", page, StringComparison.Ordinal);
        Assert.Equal(before, await SegmentationFiles.CountStoredAsync(site.Portal));
    }

    [Fact]
    public async Task An_unrounded_count_is_refused()
    {
        using var client = await SignedInAsync();
        var csv = SegmentationFiles.WithCount(SegmentationFiles.Aggregated(), "System,E54000050,2024-25,segment,ltc_1_3,ltc_1_3,total,", 1234);

        using var response = await UploadAsync(client, Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("1234 is not rounded to the nearest 5", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_columns_are_refused()
    {
        using var client = await SignedInAsync();
        var csv = SegmentationFiles.Aggregated().Replace("population_count", "people", StringComparison.Ordinal);

        using var response = await UploadAsync(client, Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("The columns must be exactly", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_413_and_a_clear_message()
    {
        using var client = await SignedInAsync();
        var token = await FormPosting.AntiforgeryTokenAsync(client, "/segmentation/upload");
        var tooBig = new byte[11 * 1024 * 1024];
        Array.Fill(tooBig, (byte)'#');
        using var request = new HttpRequestMessage(HttpMethod.Post, "/segmentation/upload") { Content = SegmentationFiles.Form(tooBig, token) };
        request.Headers.ExpectContinue = true; // as curl does for a large body: the refusal comes before it is sent

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than 10 MB, the most an aggregated output can be", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_is_not_an_analyst_or_coordinator_may_read_but_not_upload()
    {
        using var member = site.Portal.CreateClient(followRedirects: true);
        await member.SignInAsync(TestSite.MemberEmail, TestSite.DemoPassword);
        using var analyst = await SignedInAsync();
        var token = await FormPosting.AntiforgeryTokenAsync(analyst, "/segmentation/upload");

        using var list = await member.GetAsync("/segmentation");
        using var form = await member.GetAsync("/segmentation/upload");
        using var post = await member.PostAsync("/segmentation/upload", SegmentationFiles.Form(Encoding.UTF8.GetBytes(SegmentationFiles.Aggregated()), token));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("Upload an output", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_first_is_refused()
    {
        using var client = await SignedInAsync();

        using var response = await client.PostAsync("/segmentation/upload", SegmentationFiles.Form(Encoding.UTF8.GetBytes(SegmentationFiles.Aggregated())));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_patient_level_file_is_aggregated_as_it_streams_in_and_only_the_protected_output_is_kept()
    {
        using var client = await SignedInAsync();
        var people = SegmentationFiles.PatientLevel(5000, seed: 77);
        var firstToken = Encoding.UTF8.GetString(people).Split('\n')[1].Split(',')[0];

        using var response = await UploadAsync(client, people, "/segmentation/upload/patient-level", title: "Patient-level upload");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await site.Portal.QueryAsync("SELECT Kind, OutputCsv, People FROM SegmentationOutputs WHERE Title = 'Patient-level upload'");
        Assert.Equal("PatientLevel", stored[0]["Kind"]);
        Assert.Equal(5000L, stored[0]["People"]);
        Assert.StartsWith("# format: stem-segmentation-output/1", (string)stored[0]["OutputCsv"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(firstToken, (string)stored[0]["OutputCsv"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(firstToken, site.Portal.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFiles(site.Portal.DataPath), f => !Path.GetFileName(f).StartsWith("portal.db", StringComparison.Ordinal) && !f.EndsWith(".txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_patient_level_file_with_bad_rows_lists_them_and_stores_nothing()
    {
        using var client = await SignedInAsync();
        var before = await SegmentationFiles.CountStoredAsync(site.Portal);
        var lines = Encoding.UTF8.GetString(SegmentationFiles.PatientLevel(2000, seed: 3)).Split('\n');
        lines[5] = lines[5].Replace(",none,", ",very frail,", StringComparison.Ordinal);
        lines[9] = lines[2]; // the person in row 3 again

        using var response = await UploadAsync(client, Encoding.UTF8.GetBytes(string.Join('\n', lines)), "/segmentation/upload/patient-level");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("frailty_band", page, StringComparison.Ordinal);
        Assert.Contains("repeats the person token of an earlier row", page, StringComparison.Ordinal);
        Assert.Equal(before, await SegmentationFiles.CountStoredAsync(site.Portal));
    }

    [Fact]
    public async Task The_demo_recipe_publishes_an_output_linked_to_the_frailty_work_stream()
    {
        using var member = await SignedInAsync(TestSite.MemberEmail);

        var list = await member.GetStringAsync("/segmentation");
        var link = list.Split("href=\"/segmentation/").Single(l => l.Contains("(synthetic demonstration)</a>", StringComparison.Ordinal));
        var id = link[..36];
        var page = await member.GetStringAsync($"/segmentation/{id}");

        Assert.Contains("synthetic demonstration", list, StringComparison.Ordinal);
        Assert.Contains("Frailty framework", page, StringComparison.Ordinal);
        using var csv = await member.GetAsync($"/segmentation/{id}/data/multimorbidity.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("age_band,imd_decile,people,multimorbid,prevalence_percent", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>The segmentation API: multipart upload, list, and one output exactly as its page shows it.</summary>
public sealed class SegmentationApiTests(SegmentationSiteFixture site) : IClassFixture<SegmentationSiteFixture>
{
    private async Task<HttpClient> ApiAsync(string email = SegmentationFiles.AnalystEmail)
    {
        using var anonymous = site.Portal.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = TestSite.DemoPassword });
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var client = site.Portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task An_upload_returns_its_id_and_the_output_reads_back_as_the_page_shows_it()
    {
        using var api = await ApiAsync();
        var csv = SegmentationFiles.Aggregated(seed: 21);

        var summary = Guid.NewGuid();
        using var form = SegmentationFiles.Form(Encoding.UTF8.GetBytes(csv), title: "From the API", kind: "aggregated");
        form.Add(new StringContent(summary.ToString()), "summaries");
        using var created = await api.PostAsync("/api/v1/segmentation/outputs", form);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var list = await api.GetAsync("/api/v1/segmentation/outputs");
        Assert.Contains(id.ToString(), await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var output = await api.GetFromJsonAsync<JsonElement>($"/api/v1/segmentation/outputs/{id}");
        var expected = (await OutputReader.ReadAsync(csv)).Output!;
        Assert.Equal(expected.Header.Gini, output.GetProperty("gini").GetDecimal());
        Assert.Equal(expected.Header.Rule, output.GetProperty("rule").GetString());
        Assert.Equal(expected.Header.DisclosureControl, output.GetProperty("disclosureControl").GetString());
        Assert.Equal(expected.Rows.Count, output.GetProperty("rows").GetArrayLength());
        Assert.True(output.GetProperty("figures").GetProperty("costConcentration").GetArrayLength() > 0);
        Assert.Equal(summary, output.GetProperty("summaryIds")[0].GetGuid());

        using var browser = site.Portal.CreateClient();
        await browser.SignInAsync(TestSite.MemberEmail, TestSite.DemoPassword);
        var page = await browser.GetStringAsync($"/segmentation/{id}");
        foreach (var share in output.GetProperty("figures").GetProperty("segmentShares").EnumerateArray())
        {
            Assert.Contains(share.GetProperty("costSharePercent").GetDecimal().ToString("0.0", CultureInfo.InvariantCulture) + "%", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Row_level_errors_come_back_as_problem_details_and_nothing_is_stored()
    {
        using var api = await ApiAsync();
        var before = await SegmentationFiles.CountStoredAsync(site.Portal);
        var lines = Encoding.UTF8.GetString(SegmentationFiles.PatientLevel(1500, seed: 8)).Split('\n');
        var fields = lines[4].Split(',');
        fields[10] = "-12.50"; // cost_ae
        lines[4] = string.Join(',', fields);

        using var response = await api.PostAsync("/api/v1/segmentation/outputs", SegmentationFiles.Form(Encoding.UTF8.GetBytes(string.Join('\n', lines)), kind: "patient-level"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors")[0];
        Assert.Equal(5, error.GetProperty("row").GetInt64());
        Assert.Equal("cost_ae", error.GetProperty("column").GetString());
        Assert.Contains("negative", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await SegmentationFiles.CountStoredAsync(site.Portal));
    }

    [Fact]
    public async Task Missing_fields_are_named()
    {
        using var api = await ApiAsync();

        using var response = await api.PostAsync("/api/v1/segmentation/outputs",
            SegmentationFiles.Form(Encoding.UTF8.GetBytes(SegmentationFiles.Aggregated()), title: "", geographyCode: "E99999999", period: ""));

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("geographyCode", out _));
        Assert.True(errors.TryGetProperty("period", out _));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_segmentation_endpoints()
    {
        using var anonymous = site.Portal.CreateClient();

        var document = await anonymous.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/segmentation/outputs", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/segmentation/outputs/{id}", document, StringComparison.Ordinal);
        Assert.Contains("multipart/form-data", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_may_list_but_not_upload()
    {
        using var api = await ApiAsync(TestSite.MemberEmail);

        using var list = await api.GetAsync("/api/v1/segmentation/outputs");
        using var upload = await api.PostAsync("/api/v1/segmentation/outputs", SegmentationFiles.Form(Encoding.UTF8.GetBytes(SegmentationFiles.Aggregated())));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
    }
}

/// <summary>With patient-level uploads off (the default), the portal takes only the tool's output.</summary>
public sealed class SegmentationWithoutPatientLevelTests(SetUpSiteFixture site) : IClassFixture<SetUpSiteFixture>
{
    [Fact]
    public async Task A_patient_level_file_is_refused_and_its_page_does_not_exist()
    {
        using var browser = site.Portal.CreateClient();
        await browser.SignInAsync(SegmentationFiles.AnalystEmail, TestSite.DemoPassword);
        using var page = await browser.GetAsync("/segmentation/upload?kind=patient-level");
        using var anonymous = site.Portal.CreateClient();
        using var tokenResponse = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = SegmentationFiles.AnalystEmail, password = TestSite.DemoPassword });
        using var api = site.Portal.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());

        using var upload = await api.PostAsync("/api/v1/segmentation/outputs", SegmentationFiles.Form(SegmentationFiles.PatientLevel(1000, 1)));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);
        Assert.Contains("does not accept patient-level data", await upload.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Upload a patient-level file instead", await browser.GetStringAsync("/segmentation/upload"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_refuses_more_than_an_aggregated_output_can_be_with_413_problem_details()
    {
        using var anonymous = site.Portal.CreateClient();
        using var tokenResponse = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = SegmentationFiles.AnalystEmail, password = TestSite.DemoPassword });
        using var api = site.Portal.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/segmentation/outputs") { Content = SegmentationFiles.Form(new byte[11 * 1024 * 1024]) };
        request.Headers.ExpectContinue = true;

        using var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("10 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
