using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Requests;
using Portal.Core.WorkStreams;
using Portal.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Requests;

/// <summary>
/// The requester's and the lead's use cases, for the pages and the API alike: find what the
/// person may see, check the input, call the entity, save. A request the person may not see is
/// "not found", so its existence is not given away.
/// </summary>
public sealed class RequestActions(PortalDbContext db, TimeProvider clock, TurnaroundRules turnaround)
{
    public const string SummaryIdField = "AnsweredBySummaryId";
    public const string ReasonField = "Reason";

    public TurnaroundRules Turnaround => turnaround;

    public DateTimeOffset Now => clock.GetUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>The request and its work stream (with leads), when the person may see it.</summary>
    public async Task<VisibleRequest?> FindVisibleAsync(Viewer viewer, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var requests = tracked ? db.EvidenceRequests : db.EvidenceRequests.AsNoTracking();
        var request = await requests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var workStream = await db.WorkStreams.AsNoTracking().Include(w => w.Leads).SingleAsync(w => w.Id == request.WorkStreamId, cancellationToken);
        return viewer.MaySee(request, workStream) ? new VisibleRequest(request, workStream) : null;
    }

    /// <summary>The requests the person may see, newest change first.</summary>
    public IQueryable<EvidenceRequest> Visible(Viewer viewer) =>
        viewer.ViewsAllRequests
            ? db.EvidenceRequests.AsNoTracking()
            : db.EvidenceRequests.AsNoTracking().Where(r => r.RequesterId == viewer.UserId
                || db.Set<WorkStreamLead>().Any(l => l.WorkStreamId == r.WorkStreamId && l.UserId == viewer.UserId));

    /// <summary>The active work streams the person may request evidence for.</summary>
    public async Task<IReadOnlyList<WorkStream>> WorkStreamsToRequestForAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var active = await db.WorkStreams.AsNoTracking().Include(w => w.Leads)
            .Where(w => w.Status == WorkStreamStatus.Active)
            .OrderBy(w => w.Title)
            .ToListAsync(cancellationToken);
        return active.Where(viewer.MayRequestFor).ToList();
    }

    public async Task<Outcome<EvidenceRequest>> DraftAsync(
        Viewer viewer, RequestInput input, IReadOnlyList<FieldProblem> readProblems, bool submit, CancellationToken cancellationToken)
    {
        if (!viewer.MayRequestEvidence)
        {
            return Outcome.Forbidden<EvidenceRequest>("You do not have permission to request evidence.");
        }

        var problems = readProblems.ToList();
        var workStream = await WorkStreamForNewRequestAsync(viewer, input.WorkStreamId, problems, cancellationToken);
        var details = input.ToDetails(Today, turnaround, problems);
        if (problems.Count > 0 || details is null || workStream is null)
        {
            return Outcome.Invalid<EvidenceRequest>(problems);
        }

        return await SaveAsync(() =>
        {
            var request = EvidenceRequest.Draft(workStream, viewer.UserId, details, Now, turnaround);
            if (submit)
            {
                request.Submit(viewer.UserId, Now);
            }

            db.EvidenceRequests.Add(request);
            return request;
        }, cancellationToken);
    }

    public async Task<Outcome<EvidenceRequest>> EditAsync(
        Viewer viewer, Guid id, RequestInput input, IReadOnlyList<FieldProblem> readProblems, bool submit, CancellationToken cancellationToken)
    {
        var found = await FindVisibleAsync(viewer, id, tracked: true, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<EvidenceRequest>();
        }

        var problems = readProblems.ToList();
        var details = input.ToDetails(Today, turnaround, problems);
        if (problems.Count > 0 || details is null)
        {
            return Outcome.Invalid<EvidenceRequest>(problems);
        }

        return await SaveAsync(() =>
        {
            found.Request.Edit(viewer.UserId, details, Now, turnaround);
            if (submit)
            {
                found.Request.Submit(viewer.UserId, Now);
            }

            return found.Request;
        }, cancellationToken);
    }

    public async Task<Outcome<EvidenceRequest>> SubmitAsync(Viewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var found = await FindVisibleAsync(viewer, id, tracked: true, cancellationToken);
        return found is null
            ? Outcome.NotFound<EvidenceRequest>()
            : await SaveAsync(() =>
            {
                found.Request.Submit(viewer.UserId, Now);
                return found.Request;
            }, cancellationToken);
    }

    public async Task<Outcome<EvidenceRequest>> WithdrawAsync(Viewer viewer, Guid id, string? reason, CancellationToken cancellationToken)
    {
        var found = await FindVisibleAsync(viewer, id, tracked: true, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<EvidenceRequest>();
        }

        if (reason is { Length: > RequestDetails.LongTextMaxLength })
        {
            return Outcome.Invalid<EvidenceRequest>([new(ReasonField, $"Reason must be {RequestDetails.LongTextMaxLength} characters or fewer")]);
        }

        return await SaveAsync(() =>
        {
            found.Request.Withdraw(viewer.UserId, reason, Now);
            return found.Request;
        }, cancellationToken);
    }

    public async Task<Outcome<EvidenceRequest>> CloseAsAnsweredAsync(Viewer viewer, Guid id, string? summaryId, string? reason, CancellationToken cancellationToken)
    {
        var found = await FindVisibleAsync(viewer, id, tracked: true, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<EvidenceRequest>();
        }

        if (!viewer.MayCloseAsAnswered(found.WorkStream))
        {
            return Outcome.Forbidden<EvidenceRequest>("Only the leads of the request's work stream and coordinators can close it as answered by an existing summary.");
        }

        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(summaryId))
        {
            problems.Add(new(SummaryIdField, "Enter the id of the summary that answers the request"));
        }
        else if (!Guid.TryParse(summaryId.Trim(), out var answeredBy))
        {
            problems.Add(new(SummaryIdField, "Enter the summary's id as it is shown on the summary, like 3f2a9c1e-5b7d-4e2a-9f1c-2d3e4f5a6b7c"));
        }
        else if (!await IsReusableAsync(viewer, answeredBy, cancellationToken))
        {
            // One message for "no such summary", "not yours to read" and "not delivered", so ids are not probed.
            problems.Add(new(SummaryIdField, "Enter the id of a delivered search summary that you can read"));
        }

        if (reason is { Length: > RequestDetails.LongTextMaxLength })
        {
            problems.Add(new(ReasonField, $"Reason must be {RequestDetails.LongTextMaxLength} characters or fewer"));
        }

        if (problems.Count > 0)
        {
            return Outcome.Invalid<EvidenceRequest>(problems);
        }

        return await SaveAsync(() =>
        {
            found.Request.CloseAsAnswered(viewer.UserId, Guid.Parse(summaryId!.Trim()), reason, Now);
            return found.Request;
        }, cancellationToken);
    }

    /// <summary>A summary can answer another request when it is final and the closer may read it (published to them, or theirs to see).</summary>
    private async Task<bool> IsReusableAsync(Viewer viewer, Guid summaryId, CancellationToken cancellationToken)
    {
        // Read without tracking: the request being closed is tracked for its own save.
        var summary = await db.SearchSummaries.AsNoTracking().SingleOrDefaultAsync(s => s.Id == summaryId, cancellationToken);
        if (summary is not { State: Core.Summaries.SummaryState.Final })
        {
            return false;
        }

        var request = await db.EvidenceRequests.AsNoTracking().SingleAsync(r => r.Id == summary.RequestId, cancellationToken);
        var workStream = await db.WorkStreams.AsNoTracking().Include(w => w.Leads).SingleAsync(w => w.Id == request.WorkStreamId, cancellationToken);
        return new Summaries.SummaryAccess(viewer, MayWrite: false, MayReview: false, IsMember: true).MayRead(summary, request, workStream);
    }

    private async Task<WorkStream?> WorkStreamForNewRequestAsync(Viewer viewer, Guid? id, List<FieldProblem> problems, CancellationToken cancellationToken)
    {
        const string field = nameof(RequestInput.WorkStreamId);
        if (id is null)
        {
            problems.Add(new(field, "Choose the work stream the evidence is for"));
            return null;
        }

        var workStream = await db.WorkStreams.Include(w => w.Leads).SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workStream is null || !(viewer.ManagesAllRequests || workStream.IsLedBy(viewer.UserId)))
        {
            problems.Add(new(field, "Choose one of the work streams you lead"));
            return null;
        }

        if (workStream.Status != WorkStreamStatus.Active)
        {
            problems.Add(new(field, $"The work stream {workStream.Title} is {workStream.Status.ToString().ToLowerInvariant()}, so it takes no new requests"));
            return null;
        }

        return workStream;
    }

    private Task<Outcome<EvidenceRequest>> SaveAsync(Func<EvidenceRequest> change, CancellationToken cancellationToken) =>
        db.SaveOutcomeAsync(change, cancellationToken);
}

/// <summary>A request the person may see, with its work stream and the stream's leads.</summary>
public sealed record VisibleRequest(EvidenceRequest Request, WorkStream WorkStream);
