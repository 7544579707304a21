using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Content;
using Portal.Core;
using Portal.Core.Summaries;
using Portal.Data;
using Portal.Web.Features.Requests;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// The authors' use cases, for the pages and the API alike: start the summary of a request, edit
/// it as a whole, and add, remove and annotate its references. A summary the person may not read
/// is "not found", as a request is; one they may read but not change is "forbidden". Field problems
/// carry <see cref="SummaryContent.Check"/>'s names ("Sources[1].Strategy", sources from 1), and
/// each caller turns them into its own.
/// </summary>
public sealed class SummaryEditing(PortalDbContext db, RequestActions requests, MarkdownRenderer markdown, TimeProvider clock)
{
    /// <summary>Far beyond a real search's references, so one summary cannot grow without bound.</summary>
    public const int MaxReferences = 10_000;
    public const string NoteField = "Note";
    public const string ReferencesField = "References";

    private static readonly Guid FirstVersionNamespace = new("b0d6a4f1-7c1e-4f38-9a52-2e6d1c9f4a07");

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// The claimant starts the summary of a request they hold. A request has one first version:
    /// a second start is a conflict whose value is the summary already there.
    /// </summary>
    public async Task<Outcome<SearchSummary>> StartAsync(SummaryAccess access, Guid requestId, CancellationToken cancellationToken)
    {
        var found = await requests.FindVisibleAsync(access.Viewer, requestId, tracked: false, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<SearchSummary>();
        }

        if (!access.MayWrite)
        {
            return Outcome.Forbidden<SearchSummary>("Only librarians write search summaries.");
        }

        if (await FirstVersionOfAsync(requestId, cancellationToken) is { } existing)
        {
            return AlreadyStarted(existing);
        }

        try
        {
            var summary = SearchSummary.Start(found.Request, access.Viewer.UserId, Now, FirstVersionId(requestId));
            db.SearchSummaries.Add(summary);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(summary);
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused<SearchSummary>(refusal);
        }
        catch (DbUpdateException)
        {
            // Two starts at once: both inserted the same first-version id, and the key let one through.
            db.ChangeTracker.Clear();
            var winner = await FirstVersionOfAsync(requestId, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return AlreadyStarted(winner);
        }
    }

    /// <summary>
    /// An author replaces what is written. <paramref name="readVersion"/> is the version the author
    /// saw (the form's hidden field, the API's "version"); another save since then is a conflict.
    /// The findings are rendered and sanitised here, once, and stored.
    /// </summary>
    public async Task<Outcome<SearchSummary>> EditAsync(
        SummaryAccess access, Guid id, SummaryContent content, int? readVersion, IReadOnlyList<FieldProblem> readProblems, CancellationToken cancellationToken)
    {
        var (summary, refusal) = await ForChangeAsync(access, id, readVersion, cancellationToken);
        if (summary is null)
        {
            return refusal!;
        }

        var next = content.Normalised();
        if (summary.State == SummaryState.Draft)
        {
            // Read problems (a date or number that could not be read) win over the checks of the same field.
            var problems = readProblems.ToList();
            problems.AddRange(next.Check()
                .Where(e => problems.All(p => p.Field != e.Field))
                .Select(e => new FieldProblem(e.Field, e.Message)));
            if (problems.Count > 0)
            {
                return Outcome.Invalid<SearchSummary>(problems);
            }
        }

        return await SaveAsync(summary, () => summary.Edit(access.Viewer.UserId, next, markdown.ToSafeHtml(next.Findings, "findings-"), Now), cancellationToken);
    }

    /// <summary>
    /// Adds references already read (from RIS, by the parser) after the ones there, in one save with
    /// the summary's note of the import, so a failed import leaves nothing behind.
    /// </summary>
    public async Task<Outcome<SearchSummary>> ImportReferencesAsync(
        SummaryAccess access, Guid id, IReadOnlyList<Reference> references, int rejected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        var (summary, refusal) = await ForChangeAsync(access, id, readVersion: null, cancellationToken);
        if (summary is null)
        {
            return refusal!;
        }

        if (references.Count == 0 && rejected == 0)
        {
            return Outcome.Invalid<SearchSummary>([new(ReferencesField, "There were no references to import")]);
        }

        var problem = references.Select((r, i) => ReferenceLimits.Problem(r, i + 1)).FirstOrDefault(p => p is not null);
        if (problem is not null)
        {
            return Outcome.Invalid<SearchSummary>([new(ReferencesField, problem)]);
        }

        var held = await db.SummaryReferences.CountAsync(r => r.SummaryId == id, cancellationToken);
        if (held + references.Count > MaxReferences)
        {
            return Outcome.Invalid<SearchSummary>([new(ReferencesField,
                $"A summary holds at most {MaxReferences:N0} references. It has {held:N0}, so {references.Count:N0} more would be too many")]);
        }

        var last = await db.SummaryReferences.Where(r => r.SummaryId == id).MaxAsync(r => (int?)r.Position, cancellationToken) ?? 0;
        return await SaveAsync(summary, () =>
        {
            // The summary's version guards the positions: two imports at once cannot both take the same ones.
            summary.NoteReferencesChanged(access.Viewer.UserId, references.Count, rejected, removed: 0, Now);
            foreach (var reference in references)
            {
                reference.SummaryId = id;
                reference.Position = ++last;
                db.SummaryReferences.Add(reference);
            }
        }, cancellationToken);
    }

    /// <summary>Removes the chosen references. Positions keep their gaps: order is all they are for.</summary>
    public async Task<Outcome<SearchSummary>> RemoveReferencesAsync(
        SummaryAccess access, Guid id, IReadOnlyCollection<Guid> referenceIds, int? readVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referenceIds);
        var (summary, refusal) = await ForChangeAsync(access, id, readVersion, cancellationToken);
        if (summary is null)
        {
            return refusal!;
        }

        if (referenceIds.Count == 0)
        {
            return Outcome.Invalid<SearchSummary>([new(ReferencesField, "Select the references to remove")]);
        }

        var removing = await db.SummaryReferences.Where(r => r.SummaryId == id && referenceIds.Contains(r.Id)).ToListAsync(cancellationToken);
        if (removing.Count != referenceIds.Distinct().Count())
        {
            return Outcome.Invalid<SearchSummary>([new(ReferencesField, "Some of the references selected are not on this summary. Reload the page and select them again")]);
        }

        return await SaveAsync(summary, () =>
        {
            summary.NoteReferencesChanged(access.Viewer.UserId, imported: 0, rejected: 0, removing.Count, Now);
            db.SummaryReferences.RemoveRange(removing);
        }, cancellationToken);
    }

    /// <summary>An author writes or clears the note on one reference.</summary>
    public async Task<Outcome<SearchSummary>> EditReferenceNoteAsync(
        SummaryAccess access, Guid id, Guid referenceId, string? note, int? readVersion, CancellationToken cancellationToken)
    {
        var (summary, refusal) = await ForChangeAsync(access, id, readVersion, cancellationToken);
        if (summary is null)
        {
            return refusal!;
        }

        var reference = await db.SummaryReferences.SingleOrDefaultAsync(r => r.Id == referenceId && r.SummaryId == id, cancellationToken);
        if (reference is null)
        {
            return Outcome.NotFound<SearchSummary>();
        }

        var clean = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (clean is { Length: > Reference.NoteMaxLength })
        {
            return Outcome.Invalid<SearchSummary>([new(NoteField, $"A note must be {Reference.NoteMaxLength:N0} characters or fewer")]);
        }

        return await SaveAsync(summary, () =>
        {
            summary.NoteReferencesChanged(access.Viewer.UserId, imported: 0, rejected: 0, removed: 0, Now);
            // The record is immutable to code; the note is the one field an author changes after import.
            db.Entry(reference).Property(r => r.Note).CurrentValue = clean;
        }, cancellationToken);
    }

    /// <summary>
    /// The first version's id is derived from its request's, so the primary key itself lets one first
    /// version per request exist, however many starts race, on SQLite and PostgreSQL alike.
    /// </summary>
    public static Guid FirstVersionId(Guid requestId)
    {
        var hash = SHA256.HashData([.. FirstVersionNamespace.ToByteArray(bigEndian: true), .. requestId.ToByteArray(bigEndian: true)]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The summary, tracked, when the person may change it; otherwise why not.</summary>
    private async Task<(SearchSummary? Summary, Outcome<SearchSummary>? Refusal)> ForChangeAsync(
        SummaryAccess access, Guid id, int? readVersion, CancellationToken cancellationToken)
    {
        var loaded = await db.LoadSummaryAsync(id, cancellationToken);
        if (loaded is null || !access.MayRead(loaded.Summary, loaded.Request, loaded.WorkStream))
        {
            return (null, Outcome.NotFound<SearchSummary>());
        }

        if (!access.MayEdit(loaded.Summary))
        {
            return (null, Outcome.Forbidden<SearchSummary>("Only the authors of this summary can change it."));
        }

        if (readVersion is { } version && version != loaded.Summary.Version)
        {
            return (null, Outcome.Overtaken<SearchSummary>());
        }

        return (loaded.Summary, null);
    }

    private Task<Outcome<SearchSummary>> SaveAsync(SearchSummary summary, Action change, CancellationToken cancellationToken) =>
        db.SaveOutcomeAsync(() =>
        {
            change();
            return summary;
        }, cancellationToken);

    private Task<SearchSummary?> FirstVersionOfAsync(Guid requestId, CancellationToken cancellationToken) =>
        db.SearchSummaries.AsNoTracking().FirstOrDefaultAsync(s => s.RequestId == requestId && s.VersionNumber == 1, cancellationToken);

    private static Outcome<SearchSummary> AlreadyStarted(SearchSummary existing) =>
        new(OutcomeKind.Conflict, existing, $"This request already has a search summary, “{existing.Content.Title}”. Open it to carry on writing.", []);
}
