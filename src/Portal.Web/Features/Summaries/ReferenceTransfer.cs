using System.Text;
using Portal.Core.Summaries;
using Portal.Core.Summaries.Ris;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Summaries;

/// <summary>What an import did, for the page after it and the API's answer.</summary>
public sealed record ReferenceImportReport(int Imported, int Rejected, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings)
{
    /// <summary>How many problems the page lists; the rest are counted, so the report stays short.</summary>
    public const int Listed = 10;

    public static ReferenceImportReport From(RisReadResult result) => new(
        result.References.Count,
        result.Rejected.Count,
        result.Rejected.Select(r => r.Message).Take(Listed).ToList(),
        result.Warnings.Select(w => w.Message).Take(Listed).ToList());
}

/// <summary>
/// References in and out as files: RIS from a citation manager appended to a draft, and the list
/// as RIS or CSV for anyone who may read the summary (abstracts only for those who may see them).
/// Pages and the API share it.
/// </summary>
public sealed class ReferenceTransfer(SummaryEditing editing)
{
    /// <summary>The largest upload accepted: the RIS limit, and room for the form around it.</summary>
    public const long MaxUploadBytes = RisReader.MaxFileBytes + (64 * 1024);

    public const string RisContentType = "application/x-research-info-systems";

    /// <summary>Reads the RIS and appends the good records; a file that cannot be read at all is one field error.</summary>
    public async Task<(Outcome<SearchSummary> Outcome, ReferenceImportReport? Report)> ImportAsync(
        SummaryAccess access, Guid id, RisReadResult read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.FileError is { } error)
        {
            return (Outcome.Invalid<SearchSummary>([new(SummaryEditing.ReferencesField, error)]), null);
        }

        var outcome = await editing.ImportReferencesAsync(access, id, read.References, read.Rejected.Count, cancellationToken);
        return (outcome, outcome.IsDone ? ReferenceImportReport.From(read) : null);
    }

    public static (byte[] Body, string ContentType, string Disposition) Ris(SummaryView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = RisWriter.Write(Readable(view));
        return (Encoding.UTF8.GetBytes(text), RisContentType + "; charset=utf-8", SummaryDocument.ContentDisposition(view.Content.Title, view.Summary.VersionNumber, "ris"));
    }

    public static (byte[] Body, string ContentType, string Disposition) Csv(SummaryView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, ReferenceCsv.Encoding))
        {
            ReferenceCsv.Write(view.References, writer, includeAbstracts: view.SeesAbstracts);
        }

        return (buffer.ToArray(), ReferenceCsv.ContentType, SummaryDocument.ContentDisposition(view.Content.Title, view.Summary.VersionNumber, "csv"));
    }

    private static IEnumerable<Reference> Readable(SummaryView view) =>
        view.SeesAbstracts ? view.References : view.References.Select(r => r.Copy(withAbstract: false));
}
