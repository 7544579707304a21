using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Net.Http.Headers;
using Portal.Core.Summaries;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// The summary as a Word document (.docx, Office Open XML) built with the Open XML SDK: the title,
/// who wrote and reviewed it, the question, the search with every strategy line, the findings
/// (converted from the stored, sanitised HTML — see ADR-014), caveats and the references. Headings
/// are real Word headings, so the navigation pane and screen readers find the sections.
/// </summary>
public static class SummaryDocument
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const int SlugMaxLength = 60;

    public static byte[] Build(SummaryView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            var word = new WordWriter(main);
            var body = new Body();
            Write(view, word, body);
            body.Append(PageSetup());
            main.Document = new Document(body);
            word.Finish();
            package.PackageProperties.Title = WordWriter.Clean(view.Content.Title);
            package.PackageProperties.Creator = WordWriter.Clean(view.AuthorNames);
            package.PackageProperties.Created = view.Summary.CreatedAt.UtcDateTime;
            package.PackageProperties.Modified = view.Summary.UpdatedAt.UtcDateTime;
        }

        return stream.ToArray();
    }

    /// <summary>
    /// "attachment" with an ASCII file name made of the title's letters and digits (no quotes, no
    /// line breaks, nothing a header could be split on) and the title itself, encoded, as filename*.
    /// </summary>
    public static string ContentDisposition(string title, int versionNumber, string extension = "docx")
    {
        var slug = Slug(title);
        var version = versionNumber.ToString(CultureInfo.InvariantCulture);
        // Characters a file name or a header cannot hold become spaces; runs of spaces become one.
        var readable = string.Join(' ', new string((title ?? string.Empty).Select(c => char.IsControl(c) || c is '"' or '\\' or '/' or ':' or '*' or '?' or '<' or '>' or '|' ? ' ' : c).ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var header = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"{slug}-v{version}.{extension}",
            FileNameStar = $"{(readable.Length == 0 ? slug : readable)} (version {version}).{extension}",
        };
        return header.ToString();
    }

    /// <summary>"Falls prevention: what works?" → "falls-prevention-what-works"; "search-summary" when nothing is left.</summary>
    public static string Slug(string? title) => Core.Slug.From(title, SlugMaxLength) is { Length: > 0 } slug ? slug : "search-summary";

    private static void Write(SummaryView view, WordWriter word, Body body)
    {
        var s = view.Summary;
        var c = view.Content;
        body.Append(word.Paragraph(c.Title, WordWriter.TitleStyle));
        body.Append(word.Paragraph("Search summary", WordWriter.SubtitleStyle));
        body.Append(word.Table(
            ["About this summary", string.Empty],
            [
                ["Version", $"{s.VersionNumber}, {SummaryLabels.State(s.State).ToLowerInvariant()}"],
                ["Started", SummaryLabels.Day(s.CreatedAt)],
                ["Last changed", SummaryLabels.Day(s.UpdatedAt)],
                .. s.DeliveredAt is { } delivered ? new[] { new[] { "Delivered", SummaryLabels.Day(delivered) } } : [],
                [view.Authors.Count == 1 ? "Author" : "Authors", view.AuthorNames],
                ["Peer reviewer", (view.Reviewer?.Name ?? "Not reviewed yet") + (s.ApprovedAt is { } approved ? $", approved on {SummaryLabels.Day(approved)}" : string.Empty)],
                ["Review or re-run by", SummaryLabels.Day(c.ReviewDate)],
                ["Licence", c.Licence],
            ],
            headerRow: false));

        body.Append(word.Paragraph("Question", WordWriter.Heading1));
        body.Append(word.Paragraphs(c.Question));

        body.Append(word.Paragraph("How the evidence was searched", WordWriter.Heading1));
        WriteSearch(c.Search, word, body);

        body.Append(word.Paragraph("Key findings", WordWriter.Heading1));
        var findings = new SummaryDocumentHtml(word).Convert(s.FindingsHtml);
        body.Append(findings.Count > 0 ? findings : [word.Paragraph("The key findings have not been written yet.")]);

        body.Append(word.Paragraph("Caveats", WordWriter.Heading1));
        body.Append(c.Caveats is null ? [word.Paragraph("None given.")] : word.Paragraphs(c.Caveats));
        if (c.AppraisalNotes is not null)
        {
            body.Append(word.Paragraph("Appraisal notes", WordWriter.Heading1));
            body.Append(word.Paragraphs(c.AppraisalNotes));
        }

        body.Append(word.Paragraph("References", WordWriter.Heading1));
        WriteReferences(view, word, body);
    }

    private static void WriteSearch(SearchReport search, WordWriter word, Body body)
    {
        if (search.Sources.Count == 0)
        {
            body.Append(word.Paragraph("No sources have been reported yet."));
        }
        else
        {
            body.Append(word.Table(
                ["Database", "Interface", "Years covered", "Date searched", "Results"],
                search.Sources.Select(source => new[]
                {
                    source.Database, source.Interface ?? "Not given", source.YearsCovered ?? "Not given", SummaryLabels.Day(source.DateRun), SummaryLabels.Number(source.Hits),
                }).ToList(),
                headerRow: true));
        }

        foreach (var source in search.Sources)
        {
            body.Append(word.Paragraph($"Search strategy: {source.Database}{(source.Interface is null ? string.Empty : $" via {source.Interface}")}", WordWriter.Heading2));
            body.Append(source.Strategy.Count == 0
                ? [word.Paragraph("No strategy has been reported yet.")]
                : source.NumberedStrategy.Select(line => word.Paragraph(line, WordWriter.StrategyStyle)));
            if (source.LimitsAndFilters is not null)
            {
                body.Append(word.Paragraph("Limits and filters", WordWriter.Heading3));
                body.Append(word.Paragraphs(source.LimitsAndFilters));
            }
        }

        var other = search.OtherMethods;
        body.Append(word.Paragraph("Other methods", WordWriter.Heading2));
        var methods = new[] { ("Citation searching", other.CitationSearching), ("Websites", other.Websites), ("Contacts", other.Contacts), ("Other", other.Other) }
            .Where(m => m.Item2 is not null).ToList();
        body.Append(methods.Count == 0
            ? [word.Paragraph("None reported.")]
            : methods.Select(m => word.LabelledParagraph(m.Item1, m.Item2!)));

        body.Append(word.Paragraph("De-duplication", WordWriter.Heading2));
        body.Append(search.Deduplication is null ? [word.Paragraph("Not reported.")] : word.Paragraphs(search.Deduplication));

        body.Append(word.Paragraph("Records", WordWriter.Heading2));
        body.Append(word.LabelledParagraph("Found", SummaryLabels.Number(search.RecordsFound)));
        body.Append(word.LabelledParagraph("After de-duplication", SummaryLabels.Number(search.RecordsAfterDeduplication)));
        body.Append(word.LabelledParagraph("Selected", SummaryLabels.Number(search.RecordsSelected)));
    }

    private static void WriteReferences(SummaryView view, WordWriter word, Body body)
    {
        if (view.References.Count == 0)
        {
            body.Append(word.Paragraph("No references have been added yet."));
            return;
        }

        var list = word.NewNumberedList();
        foreach (var reference in view.References)
        {
            body.Append(word.ListItem(SummaryCitations.Format(reference), list, level: 0));
            var links = new List<(string Text, string Href)>();
            if (SummaryCitations.DoiLink(reference) is { } doi)
            {
                links.Add(($"DOI: {reference.Doi!.Trim()}", doi));
            }

            if (SummaryCitations.PubMedLink(reference) is { } pubmed)
            {
                links.Add(($"PubMed: {reference.Pmid!.Trim()}", pubmed));
            }

            if (SummaryCitations.WebLink(reference) is { } web)
            {
                links.Add(("Full text", web));
            }

            if (links.Count > 0)
            {
                body.Append(word.LinksParagraph(links));
            }

            if (reference.Database is not null)
            {
                body.Append(word.Indented(word.Paragraph($"Found in {reference.Database}")));
            }

            if (reference.Note is not null)
            {
                body.Append(word.Indented(word.LabelledParagraph("Librarian's note", reference.Note)));
            }

            if (view.SeesAbstracts && reference.Abstract is not null)
            {
                body.Append(word.Indented(word.LabelledParagraph("Abstract", reference.Abstract)));
            }
        }
    }

    private static SectionProperties PageSetup() => new(
        new PageSize { Width = 11906U, Height = 16838U },
        new PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 708U, Footer = 708U, Gutter = 0U });
}
