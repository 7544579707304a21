using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Summaries;
using Portal.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// A summary as one person reads it, for the page, the print page, the document and the API: the
/// stored findings HTML (never rendered again), people's names, the references and the versions
/// this person may open. Null when there is no summary they may read, so it is "not found".
/// </summary>
public sealed class SummaryReading(PortalDbContext db, IAuthorizationService authorization)
{
    public Task<SummaryAccess> AccessAsync(ClaimsPrincipal user) => authorization.SummaryAccessForAsync(user);

    /// <param name="withReferences">False when only the number of references is wanted.</param>
    public async Task<SummaryView?> ReadAsync(SummaryAccess access, Guid id, bool withReferences, CancellationToken cancellationToken)
    {
        var loaded = await db.LoadSummaryAsync(id, cancellationToken);
        if (loaded is null || !access.MayRead(loaded.Summary, loaded.Request, loaded.WorkStream))
        {
            return null;
        }

        var summary = loaded.Summary;
        var seesLicensed = access.SeesLicensedAbstracts(summary, loaded.Request, loaded.WorkStream);
        var references = withReferences ? await db.ReferencesOfAsync(id, cancellationToken) : [];
        if (!seesLicensed)
        {
            // A reader of a published summary: licensed abstracts never leave the database for them,
            // whatever a page or an export does with the references (none of them shows abstracts then).
            references = references.Select(r => r.Abstract is not null && r.AbstractIsLicensed ? r.Copy(withAbstract: false) : r).ToList();
        }

        var referenceCount = withReferences ? references.Count : await db.SummaryReferences.CountAsync(r => r.SummaryId == id, cancellationToken);
        var series = await db.SearchSummaries.AsNoTracking().Where(s => s.SeriesId == summary.SeriesId)
            .OrderBy(s => s.VersionNumber).ToListAsync(cancellationToken);
        var versions = series
            .Where(s => s.Id == id || access.MayRead(s, loaded.Request, loaded.WorkStream))
            .Select(s => new SummaryVersionLink(s.Id, s.VersionNumber, s.State, s.CreatedAt, s.DeliveredAt))
            .ToList();
        var people = summary.Authors.Concat(summary.ReviewerId is { } reviewer ? [reviewer] : []);
        var names = await db.DisplayNamesAsync(people, cancellationToken);
        return new SummaryView(
            loaded,
            summary.Authors.Select(a => new SummaryPerson(a, names.GetValueOrDefault(a, "Unknown"))).ToList(),
            summary.ReviewerId is { } r ? new SummaryPerson(r, names.GetValueOrDefault(r, "Unknown")) : null,
            references,
            referenceCount,
            versions,
            seesLicensed,
            access.MayEdit(summary));
    }
}

public sealed record SummaryPerson(string Id, string Name);

/// <summary>One version of a summary's series, for the links between them.</summary>
public sealed record SummaryVersionLink(Guid Id, int VersionNumber, SummaryState State, DateTimeOffset StartedAt, DateTimeOffset? DeliveredAt);

/// <summary>What the reading pages, the document and the API show of one summary for one person.</summary>
public sealed record SummaryView(
    LoadedSummary Loaded,
    IReadOnlyList<SummaryPerson> Authors,
    SummaryPerson? Reviewer,
    IReadOnlyList<Reference> References,
    int ReferenceCount,
    IReadOnlyList<SummaryVersionLink> Versions,
    bool SeesAbstracts,
    bool IsAuthor)
{
    public SearchSummary Summary => Loaded.Summary;

    public SummaryContent Content => Loaded.Summary.Content;

    /// <summary>Authors change a summary only while it is a draft.</summary>
    public bool MayChange => IsAuthor && Summary.State == SummaryState.Draft;

    public string AuthorNames => string.Join(", ", Authors.Select(a => a.Name));
}
