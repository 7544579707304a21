using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>The summary as a Word document: it opens, it is valid Office Open XML, and it says what the page says.</summary>
public sealed class SummaryDocumentTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private const string Findings = """
        # What we found

        Strength and balance training **reduces falls** by about a *quarter* ([Cochrane](https://doi.org/10.1002/14651858.CD012424.pub2)).

        - Home-based programmes
        - Group classes
          1. twice a week
          2. for 12 weeks

        > Not every trial reported injuries.

        ```
        code line one
        code line two
        ```
        """;

    private async Task<HttpResponseMessage> DocumentAsync(SummaryFixtureRequest summary)
    {
        using var client = await site.Portal.SignedInAsync(summary.Claimant.Email);
        return await client.GetAsync($"/summaries/{summary.SummaryId}/document");
    }

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);

    /// <summary>Each paragraph's style and text, in order.</summary>
    private static List<(string? Style, string Text)> Paragraphs(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>()
            .Select(p => (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, p.InnerText))
            .ToList();

    [Fact]
    public async Task The_document_is_valid_and_holds_the_search_the_findings_and_the_references()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var api = site.Portal.Api(summary.Claimant.Token);
        using var put = await api.SummaryPutAsync(summary.SummaryId, SummarySite.SummaryBody(findings: Findings));
        await site.Portal.SummaryReferencesInsertedAsync(summary.SummaryId,
            new SummaryTestReference("Exercise for preventing falls in older people living in the community", ["Sherrington, C"], 2019, "Cochrane Database of Systematic Reviews",
                Doi: "10.1002/14651858.CD012424.pub2", Abstract: "Exercise reduces the rate of falls by 23%.", Note: "The key review.", Database: "MEDLINE"),
            new SummaryTestReference("Hip protectors in care homes", ["Santesso, N"], 2014, Url: "https://example.org/hip"));

        using var response = await DocumentAsync(summary);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var document = Open(bytes);
        var paragraphs = Paragraphs(document);
        var text = paragraphs.Select(p => p.Text).ToList();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Equal("Strength and balance training and falls in people over 75", document.PackageProperties.Title);
        Assert.Equal(("Title", "Strength and balance training and falls in people over 75"), paragraphs[0]);
        Assert.Equal(
            ["Question", "How the evidence was searched", "Key findings", "Caveats", "References"],
            paragraphs.Where(p => p.Style == "Heading1").Select(p => p.Text));
        Assert.Contains(("Strategy", $"1. {SummarySite.SummaryStrategyLine}"), paragraphs);
        Assert.Contains(("Strategy", "3. 1 or 2"), paragraphs);
        Assert.Contains(("Strategy", "3. S1 OR S2"), paragraphs);
        Assert.Contains(("Heading2", "Search strategy: MEDLINE via Ovid"), paragraphs);
        Assert.Contains(("Heading2", "What we found"), paragraphs);
        Assert.Contains("Strength and balance training reduces falls by about a quarter (Cochrane).", text);
        Assert.Contains(("Quote", "Not every trial reported injuries."), paragraphs);
        Assert.Contains(("Code", "code line two"), paragraphs);
        var listItems = paragraphs.Where(p => p.Style == "ListParagraph").Select(p => p.Text).ToList();
        Assert.Equal(["Home-based programmes", "Group classes", "twice a week", "for 12 weeks"], listItems.Take(4));
        Assert.Contains("Sherrington, C (2019). Exercise for preventing falls in older people living in the community. Cochrane Database of Systematic Reviews, 12(3), 45-67.", listItems);
        Assert.Contains("Santesso, N (2014). Hip protectors in care homes.", listItems);
        Assert.Contains("Librarian's note: The key review.", text);
        Assert.Contains("Abstract: Exercise reduces the rate of falls by 23%.", text);
        var links = document.MainDocumentPart!.HyperlinkRelationships.Select(r => r.Uri.AbsoluteUri).ToList();
        Assert.Contains("https://doi.org/10.1002/14651858.CD012424.pub2", links);
        Assert.Contains("https://example.org/hip", links);
        var table = document.MainDocumentPart.Document!.Body!.Elements<Table>().ElementAt(1);
        Assert.Equal(["Database", "Interface", "Years covered", "Date searched", "Results"], table.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal("312", table.Elements<TableRow>().ElementAt(1).Elements<TableCell>().Last().InnerText);
    }

    [Fact]
    public async Task A_title_with_quotes_line_breaks_and_accents_gives_a_safe_file_name_and_control_characters_do_not_break_the_document()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var api = site.Portal.Api(summary.Claimant.Token);
        using var put = await api.SummaryPutAsync(summary.SummaryId, SummarySite.SummaryBody(
            title: "Falls \"prevention\"\r\nSet-Cookie: x=1 – café",
            findings: "Bell\u0007 and form feed\u000C in the text"));

        using var response = await DocumentAsync(summary);
        var disposition = response.Content.Headers.ContentDisposition;
        using var document = Open(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = string.Join(",", response.Content.Headers.GetValues("Content-Disposition"));
        Assert.DoesNotContain('\r', raw);
        Assert.DoesNotContain('\n', raw);
        Assert.StartsWith("attachment; filename=falls-prevention-set-cookie-x-1-cafe-v1.docx; filename*=UTF-8''", raw, StringComparison.Ordinal);
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal("Falls prevention Set-Cookie x=1 – café (version 1).docx", disposition?.FileNameStar);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
        Assert.Contains(Paragraphs(document), p => p.Text == "Bell and form feed in the text");
    }

    [Fact]
    public async Task An_empty_draft_still_makes_a_document_that_says_what_is_missing()
    {
        var summary = await site.Portal.SummaryStartedAsync();

        using var response = await DocumentAsync(summary);
        using var document = Open(await response.Content.ReadAsByteArrayAsync());
        var text = Paragraphs(document).Select(p => p.Text).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
        Assert.Contains("No sources have been reported yet.", text);
        Assert.Contains("The key findings have not been written yet.", text);
        Assert.Contains("No references have been added yet.", text);
    }

    [Fact]
    public async Task The_requester_downloads_the_document_once_the_summary_is_final()
    {
        var summary = await site.Portal.SummaryStartedAsync();
        using var helen = await site.Portal.SignedInAsync(Helen);
        var path = $"/summaries/{summary.SummaryId}/document";

        using var before = await helen.GetAsync(path);
        await site.Portal.SummaryMadeFinalAsync(summary.SummaryId);
        using var after = await helen.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var document = Open(await after.Content.ReadAsByteArrayAsync());
        Assert.Contains(Paragraphs(document), p => p.Text == "1, final");
    }
}
