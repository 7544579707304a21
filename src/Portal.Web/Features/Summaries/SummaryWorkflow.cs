using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Summaries;
using Portal.Data;
using Portal.Web.Features.Librarians;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// What happens to a written summary, for the pages and the API alike: an author asks a peer to
/// review it, the reviewer approves it or sends it back on the PRESS form, an author delivers it to
/// the requester, and a librarian re-runs a final one as a new version. A summary the person may
/// not read is "not found". The entity decides states and relationships; the saves are
/// conditional on the summary's and the request's versions, so a change made meanwhile is a 409.
/// </summary>
public sealed class SummaryWorkflow(PortalDbContext db, SummaryReviewers reviewers, LibrarianDirectory librarians, ReviewPolicy policy, TimeProvider clock)
{
    public const string ReviewerField = "ReviewerId";

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>An author asks a librarian who is not an author to review the search; on a request with a mentor, the mentor.</summary>
    public async Task<Outcome<SearchSummary>> AskForReviewAsync(SummaryAccess access, Guid id, string? reviewerId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(access, id, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<SearchSummary>();
        }

        var (summary, request, _) = found;
        if (!access.MayEdit(summary))
        {
            return Outcome.Forbidden<SearchSummary>("Only an author of the summary can ask for a review of it.");
        }

        var reviewer = reviewerId?.Trim();
        if (string.IsNullOrEmpty(reviewer))
        {
            return Outcome.Invalid<SearchSummary>([new(ReviewerField, "Choose a reviewer")]);
        }

        // A summary already with its reviewer or final is refused for that (by the entity), whoever was chosen.
        if (summary.State == SummaryState.Draft)
        {
            if (reviewer == request.RequesterId || !await reviewers.MayReviewAsync(reviewer, cancellationToken))
            {
                return Outcome.Invalid<SearchSummary>([new(ReviewerField, "Choose a reviewer from the list: a librarian who reviews searches")]);
            }

            var incomplete = summary.Content.CheckComplete();
            if (incomplete.Count > 0)
            {
                return Outcome.Invalid<SearchSummary>(incomplete.Select(e => new FieldProblem(string.Empty, $"Finish the summary before asking for a review: {Sentence(e.Message)}")).ToList());
            }
        }

        return await SaveAsync(ReviewerField, () =>
        {
            summary.AskForReview(request, access.Viewer.UserId, reviewer, Now);
            return summary;
        }, cancellationToken);
    }

    /// <summary>
    /// The reviewer approves the search or asks for changes, on the completed PRESS form. The review
    /// the entity returns is saved with the change. Every problem with the form is listed at once.
    /// </summary>
    public async Task<Outcome<PeerReview>> ReviewAsync(SummaryAccess access, Guid id, ReviewOutcome outcome, PressReviewInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await FindAsync(access, id, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<PeerReview>();
        }

        if (!access.MayReview)
        {
            return Outcome.Forbidden<PeerReview>("Only librarians who review searches can review this one.");
        }

        var (summary, request, _) = found;
        var me = access.Viewer.UserId;
        PeerReview review;
        try
        {
            // The entity speaks first: a summary not in review, or someone else's review, is refused as such whatever the form says.
            review = outcome == ReviewOutcome.Approved
                ? summary.Approve(me, input.ToItems(), input.Comment, Now)
                : summary.AskForChanges(request, me, input.ToItems(), input.Comment, Now);
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            if (refusal.Kind != RuleViolationKind.Invalid)
            {
                return Outcome.Refused<PeerReview>(refusal);
            }

            var all = input.Check(outcome);
            return Outcome.Invalid<PeerReview>(all.Count > 0 ? all : [new(string.Empty, refusal.Message)]);
        }

        var problems = input.Check(outcome);
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid<PeerReview>(problems);
        }

        db.PeerReviews.Add(review);
        return await SaveAsync(string.Empty, () => review, cancellationToken);
    }

    /// <summary>
    /// An author delivers the summary to the requester. Approval must come first when the policy
    /// says so for this request and this author; the refusal says why it is required.
    /// </summary>
    public async Task<Outcome<SearchSummary>> DeliverAsync(SummaryAccess access, Guid id, CancellationToken cancellationToken)
    {
        var found = await FindAsync(access, id, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<SearchSummary>();
        }

        if (!access.MayWrite)
        {
            return Outcome.Forbidden<SearchSummary>("Only an author of the summary can deliver it.");
        }

        var (summary, request, _) = found;
        var me = access.Viewer.UserId;
        var seeksMentoring = (await librarians.ProfileOrDefaultAsync(me, tracked: false, cancellationToken)).SeeksMentoring;
        var required = policy.RequiresApproval(request, seeksMentoring);
        try
        {
            summary.Deliver(request, me, required, Now);
        }
        catch (DomainException refusal) when (refusal.Kind == RuleViolationKind.WrongState && required && summary is { State: SummaryState.Draft, IsApproved: false })
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused<SearchSummary>(new DomainException($"{policy.Reason(request, seeksMentoring)} {refusal.Message}", refusal.Kind));
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            return Refusal<SearchSummary>(refusal, string.Empty);
        }

        return await SaveAsync(string.Empty, () => summary, cancellationToken);
    }

    /// <summary>
    /// A librarian re-runs the newest final version: a new draft version with the references copied
    /// (new ids, same order). Of two re-runs started at once the unique (series, version) index lets
    /// one through; the other is a 409.
    /// </summary>
    public async Task<Outcome<SearchSummary>> StartRerunAsync(SummaryAccess access, Guid id, CancellationToken cancellationToken)
    {
        var found = await FindAsync(access, id, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<SearchSummary>();
        }

        if (!access.MayWrite)
        {
            return Outcome.Forbidden<SearchSummary>("Only librarians can re-run a search.");
        }

        var summary = found.Summary;
        SearchSummary next;
        try
        {
            next = summary.StartRerun(access.Viewer.UserId, Now);
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            return Refusal<SearchSummary>(refusal, string.Empty);
        }

        var newest = await NewestVersionAsync(summary.SeriesId, cancellationToken);
        if (newest >= next.VersionNumber)
        {
            db.ChangeTracker.Clear();
            return Conflict<SearchSummary>(AlreadyRerun(newest));
        }

        var references = await db.SummaryReferences.AsNoTracking().Where(r => r.SummaryId == summary.Id).OrderBy(r => r.Position).ToListAsync(cancellationToken);
        db.SearchSummaries.Add(next);
        db.SummaryReferences.AddRange(references.Select(r => r.Copy(next.Id)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(next);
        }
        catch (DbUpdateException)
        {
            // Only the unique (series, version) index refuses this insert: another re-run got there first.
            db.ChangeTracker.Clear();
            if (await db.SearchSummaries.AnyAsync(s => s.SeriesId == next.SeriesId && s.VersionNumber == next.VersionNumber, cancellationToken))
            {
                return Conflict<SearchSummary>(AlreadyRerun(next.VersionNumber));
            }

            throw;
        }
    }

    /// <summary>The summary, its request and work stream (with leads), tracked, when the person may read it.</summary>
    public async Task<LoadedSummary?> FindAsync(SummaryAccess access, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var loaded = await db.LoadSummaryAsync(id, cancellationToken);
        return loaded is not null && access.MayRead(loaded.Summary, loaded.Request, loaded.WorkStream) ? loaded : null;
    }

    /// <summary>The highest version number of a series: the newest search.</summary>
    private Task<int> NewestVersionAsync(Guid seriesId, CancellationToken cancellationToken) =>
        db.SearchSummaries.Where(s => s.SeriesId == seriesId).MaxAsync(s => s.VersionNumber, cancellationToken);

    private static string AlreadyRerun(int version) =>
        $"This search has already been re-run: version {version} exists. Open the newest version to see it or re-run that one.";

    /// <summary>"Enter the key findings" → "enter the key findings.", to follow a colon.</summary>
    private static string Sentence(string message) =>
        message.Length == 0 ? message : char.ToLowerInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? string.Empty : ".");

    private static Outcome<T> Conflict<T>(string message)
        where T : class => Outcome.Refused<T>(new DomainException(message, RuleViolationKind.WrongState));

    private static Outcome<T> Refusal<T>(DomainException refusal, string field)
        where T : class =>
        refusal.Kind == RuleViolationKind.Invalid ? Outcome.Invalid<T>([new(field, refusal.Message)]) : Outcome.Refused<T>(refusal);

    /// <param name="field">The field a value rule of the entity is about, or empty for the whole form.</param>
    private Task<Outcome<T>> SaveAsync<T>(string field, Func<T> change, CancellationToken cancellationToken)
        where T : class => db.SaveOutcomeAsync(change, cancellationToken, field);
}
