using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Portal.Core.Summaries.Ris;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>
/// References in and out: RIS imported on the references page and through the API, exported as
/// RIS and CSV, and every way an import goes wrong — nothing added unless something good was read.
/// </summary>
public sealed class SummaryReferenceImportTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private const string TwoGoodOneBroken = """
        TY  - JOUR
        AU  - Sherrington, Catherine
        AU  - Fairhall, Nicola J.
        TI  - Exercise for preventing falls in older people living in the community
        T2  - Cochrane Database of Systematic Reviews
        PY  - 2019
        DO  - 10.1002/14651858.CD012424.pub2
        DB  - MEDLINE
        ER  -
        TY  - JOUR
        AU  - Nobody, A.
        PY  - 2020
        ER  -
        TY  - JOUR
        AU  - Hopewell, Sally
        TI  - =HYPERLINK("http://example.org","Multifactorial interventions")
        JO  - Cochrane Database of Systematic Reviews
        PY  - 2018
        ER  -
        """;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>ReferenceTransfer.MaxUploadBytes: the RIS limit and 64 KB for the form around it.</summary>
    private const int ReferenceTransferLimit = RisReader.MaxFileBytes + (64 * 1024);

    private static StringContent Ris(string text) => new(text, Encoding.UTF8, "application/x-research-info-systems");

    [Fact]
    public async Task The_api_imports_the_good_records_reports_the_broken_one_and_exports_them_as_ris_and_csv()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var client = site.Portal.Api(summary.Claimant.Token);

        using var imported = await client.PostAsync($"/api/v1/summaries/{summary.SummaryId}/references/ris", Ris(TwoGoodOneBroken));
        var body = await JsonAsync(imported);
        var ris = await client.GetStringAsync($"/api/v1/summaries/{summary.SummaryId}/references.ris");
        using var csv = await client.GetAsync($"/api/v1/summaries/{summary.SummaryId}/references.csv");
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal([1, 2], body.GetProperty("imported").EnumerateArray().Select(r => r.GetProperty("position").GetInt32()));
        var rejected = Assert.Single(body.GetProperty("rejected").EnumerateArray());
        Assert.Equal((2, 10), (rejected.GetProperty("record").GetInt32(), rejected.GetProperty("line").GetInt32()));
        Assert.Contains("title", rejected.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, (await site.Portal.SummaryReferenceRowsAsync(summary.SummaryId)).Count);
        Assert.Contains("TI  - Exercise for preventing falls in older people living in the community\r\n", ris, StringComparison.Ordinal);
        Assert.Contains("DO  - 10.1002/14651858.CD012424.pub2\r\n", ris, StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        var csvText = Encoding.UTF8.GetString(csvBytes[3..]);
        Assert.Contains("'=HYPERLINK(", csvText, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK(", csvText, StringComparison.Ordinal);
        Assert.Contains(".csv", csv.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await site.Portal.ScalarAsync<long>(
            "SELECT COUNT(*) FROM AuditEvents WHERE SubjectId = $id AND EventType = 'ReferencesImported'", ("$id", summary.SummaryId.ToString())));
    }

    [Theory]
    [InlineData("", "The file is empty")]
    [InlineData("   \r\n\r\n  ", "The file is empty")]
    [InlineData("Dear colleague,\nplease find the references attached.\n", "RIS")]
    public async Task A_body_that_is_not_ris_is_a_bad_request_and_adds_nothing(string text, string message)
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var client = site.Portal.Api(summary.Claimant.Token);

        using var refused = await client.PostAsync($"/api/v1/summaries/{summary.SummaryId}/references/ris", Ris(text));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, (await JsonAsync(refused)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Empty(await site.Portal.SummaryReferenceRowsAsync(summary.SummaryId));
    }

    [Fact]
    public async Task Binary_content_is_refused_as_not_a_ris_file()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var client = site.Portal.Api(summary.Claimant.Token);
        var binary = new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xFF, 0x00, 0x12, 0x00]);
        binary.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        using var refused = await client.PostAsync($"/api/v1/summaries/{summary.SummaryId}/references/ris", binary);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Empty(await site.Portal.SummaryReferenceRowsAsync(summary.SummaryId));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_413_and_adds_nothing()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var client = site.Portal.Api(summary.Claimant.Token);
        // Just over the RIS limit but within what the endpoint reads, so the portal reads it and
        // answers, rather than the server cutting the connection while the client still sends.
        var record = "TY  - JOUR\r\nTI  - A title long enough to fill the file quickly with many records of padding\r\nER  - \r\n";
        var huge = new StringBuilder(RisReader.MaxFileBytes + 4096);
        while (huge.Length <= RisReader.MaxFileBytes + 1024)
        {
            huge.Append(record);
        }

        Assert.True(huge.Length < ReferenceTransferLimit, "the body stays within what the endpoint reads");
        using var refused = await client.PostAsync($"/api/v1/summaries/{summary.SummaryId}/references/ris", Ris(huge.ToString()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("20 MB", (await JsonAsync(refused)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Empty(await site.Portal.SummaryReferenceRowsAsync(summary.SummaryId));
    }

    [Fact]
    public async Task Only_an_author_of_a_draft_imports_and_only_readers_export()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        var other = (await site.Portal.NewLibrariansAsync(1))[0];
        using var stranger = site.Portal.Api(other.Token);
        using var helen = await site.Portal.ApiAsAsync(Helen);

        using var notAuthor = await stranger.PostAsync($"/api/v1/summaries/{summary.SummaryId}/references/ris", Ris(TwoGoodOneBroken));
        using var requesterBeforeDelivery = await helen.GetAsync($"/api/v1/summaries/{summary.SummaryId}/references.ris");
        await site.Portal.SummaryMadeFinalAsync(summary.SummaryId);
        using var author = site.Portal.Api(summary.Claimant.Token);
        using var final = await author.PostAsync($"/api/v1/summaries/{summary.SummaryId}/references/ris", Ris(TwoGoodOneBroken));

        Assert.Equal(HttpStatusCode.Forbidden, notAuthor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, requesterBeforeDelivery.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, final.StatusCode);
        Assert.Empty(await site.Portal.SummaryReferenceRowsAsync(summary.SummaryId));
    }

    [Fact]
    public async Task The_page_imports_an_uploaded_file_and_reports_the_record_it_could_not_read()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var librarian = await site.Portal.SignedInAsync(summary.Claimant.Email);
        var page = $"/summaries/{summary.SummaryId}/references";
        var form = new MultipartFormDataContent
        {
            { new StringContent(await FormPosting.AntiforgeryTokenAsync(librarian, page)), "__RequestVerificationToken" },
            { new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(TwoGoodOneBroken.ReplaceLineEndings("\r\n"))]), "file", "export.ris" },
        };

        using var posted = await librarian.PostAsync($"{page}/import", form);
        var after = await librarian.GetStringAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"{page}#import-report", posted.Headers.Location?.OriginalString);
        Assert.Contains("2 references were imported.", after, StringComparison.Ordinal);
        Assert.Contains("Record 2 (line 10):", after, StringComparison.Ordinal);
        Assert.Contains("Exercise for preventing falls in older people living in the community", after, StringComparison.Ordinal);
        Assert.Contains($"href=\"/summaries/{summary.SummaryId}/references.ris\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("2 references were imported.", await librarian.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pasted_text_imports_and_an_empty_form_or_a_wrong_file_comes_back_with_the_error_and_nothing_added()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var librarian = await site.Portal.SignedInAsync(summary.Claimant.Email);
        var page = $"/summaries/{summary.SummaryId}/references";

        using var empty = await librarian.PostFormAsync(page, $"{page}/import", [new("ris", " ")]);
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        using var notRis = await librarian.PostFormAsync(page, $"{page}/import", [new("ris", "<html><body>Not references</body></html>")]);
        var referencesBefore = (await site.Portal.SummaryReferenceRowsAsync(summary.SummaryId)).Count;
        using var pasted = await librarian.PostFormAsync(page, $"{page}/import", [new("ris", TwoGoodOneBroken)]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Choose a RIS file exported from your citation manager, or paste RIS text", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("nhsuk-error-summary", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("<title>Error:", emptyHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notRis.StatusCode);
        Assert.Equal(0, referencesBefore);
        Assert.Equal(HttpStatusCode.Redirect, pasted.StatusCode);
        Assert.Equal(2, (await site.Portal.SummaryReferenceRowsAsync(summary.SummaryId)).Count);
    }
}
