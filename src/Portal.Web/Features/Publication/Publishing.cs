using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Requests;
using Portal.Core.Summaries;
using Portal.Data;
using Portal.Web.Features.Requests;
using Portal.Web.Features.Summaries;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Publication;

/// <summary>
/// The requester's consent to share and the author's or coordinator's publication, for the pages
/// and the API alike. Something the person may not see is "not found"; someone else's summary is
/// 403; no consent, or a summary that is not final, is 409 (the state of things, not the input).
/// </summary>
public sealed class Publishing(PortalDbContext db, RequestActions requests, TimeProvider clock)
{
    public const string VisibilityField = "Visibility";
    public const string ScopeField = "Scope";

    /// <summary>When nothing is left of a title to make a slug from.</summary>
    public const string FallbackSlug = "search-summary";

    private const int SlugMaxLength = 80;

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Reads "Members", "Public" or "RequesterOnly" (any case); null for anything else.</summary>
    public static SummaryVisibility? ParseVisibility(string? text) =>
        Enum.TryParse<SummaryVisibility>(text?.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;

    public async Task<Outcome<EvidenceRequest>> ConsentAsync(Viewer viewer, Guid requestId, string? scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var found = await requests.FindVisibleAsync(viewer, requestId, tracked: true, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<EvidenceRequest>();
        }

        if (found.Request.RequesterId != viewer.UserId)
        {
            return Outcome.Forbidden<EvidenceRequest>("Only the person who made the request can agree to share its summary.");
        }

        if (ParseVisibility(scope ?? nameof(SummaryVisibility.Public)) is not { } chosen)
        {
            return Outcome.Invalid<EvidenceRequest>([new(ScopeField, "Choose who may read the summary: members, the public, or only you")]);
        }

        try
        {
            found.Request.ConsentToSharing(viewer.UserId, chosen, Now);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(found.Request);
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused<EvidenceRequest>(refusal);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Overtaken<EvidenceRequest>();
        }
    }

    /// <summary>
    /// Publishes a final summary to members or the public, or withdraws it to the requester only.
    /// The slug is the series' own once it has one; otherwise made from the title and kept clear of
    /// other series'. Two series racing for the same slug meet the unique index: the loser picks
    /// again once, then gets a 409.
    /// </summary>
    public async Task<Outcome<SearchSummary>> PublishAsync(SummaryAccess access, Guid summaryId, string? visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await db.LoadSummaryAsync(summaryId, cancellationToken);
            if (loaded is null || !access.MayRead(loaded.Summary, loaded.Request, loaded.WorkStream))
            {
                return Outcome.NotFound<SearchSummary>();
            }

            var (summary, request, _) = loaded;
            if (!access.IsCoordinator && !summary.IsAuthor(access.Viewer.UserId))
            {
                return Outcome.Forbidden<SearchSummary>("Only an author of the summary or a coordinator can publish it.");
            }

            if (ParseVisibility(visibility) is not { } chosen)
            {
                return Outcome.Invalid<SearchSummary>([new(VisibilityField, "Choose who may read the summary: members, the public, or only the requester")]);
            }

            try
            {
                summary.Publish(request, access.Viewer.UserId, access.IsCoordinator, chosen, await SlugForAsync(summary, cancellationToken), Now);
                await db.SaveChangesAsync(cancellationToken);
                return Outcome.Done(summary);
            }
            catch (DomainException refusal)
            {
                db.ChangeTracker.Clear();
                return Outcome.Refused<SearchSummary>(refusal);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Outcome.Overtaken<SearchSummary>();
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another series took the slug between our look and our save: look again.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return Outcome.Refused<SearchSummary>(new DomainException(
                    "Another summary was published with the same address at the same time. Try again.", RuleViolationKind.WrongState));
            }
        }
    }

    /// <summary>The series' slug when a version has one; else one made from the title, free of every other series' slug.</summary>
    private async Task<string> SlugForAsync(SearchSummary summary, CancellationToken cancellationToken)
    {
        if (summary.Slug is { } own)
        {
            return own;
        }

        var series = await db.SearchSummaries.AsNoTracking().Where(s => s.SeriesId == summary.SeriesId && s.Slug != null)
            .Select(s => s.Slug).FirstOrDefaultAsync(cancellationToken);
        if (series is not null)
        {
            return series;
        }

        var wanted = Slug.From(summary.Content.Title, SlugMaxLength) is { Length: > 0 } made ? made : FallbackSlug;
        var taken = await db.SearchSummaries.AsNoTracking()
            .Where(s => s.SeriesId != summary.SeriesId && s.Slug != null && (s.Slug == wanted || s.Slug.StartsWith(wanted + "-")))
            .Select(s => s.Slug!).Distinct().ToListAsync(cancellationToken);
        return Slug.FirstFree(wanted, taken);
    }
}
