using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Impact;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Web.Features.Requests;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Impact;

/// <summary>
/// The requester answers the impact form of a delivered request, once. Someone who may not see
/// the request gets "not found", someone who may see it but did not make it "forbidden"; a second
/// answer, also one racing the first (the unique index on the request), is a conflict.
/// </summary>
public sealed class ImpactAnswering(PortalDbContext db, RequestActions requests, TimeProvider clock)
{
    public const string AlreadyAnswered = "The impact form for this request has already been answered. Thank you.";
    public const string NotDelivered = "The impact form opens once the evidence for this request has been delivered.";
    public const string NotRequester = "Only the person who made the request can answer its impact form.";

    /// <summary>The request, when the person may see it, and whether they may answer its form now (null when they may).</summary>
    public async Task<(VisibleRequest? Found, Outcome<ImpactAnswer>? Refusal)> OpenAsync(Viewer viewer, Guid requestId, bool tracked, CancellationToken cancellationToken)
    {
        var found = await requests.FindVisibleAsync(viewer, requestId, tracked, cancellationToken);
        if (found is null)
        {
            return (null, Outcome.NotFound<ImpactAnswer>());
        }

        var request = found.Request;
        Outcome<ImpactAnswer>? refusal =
            request.RequesterId != viewer.UserId ? Outcome.Forbidden<ImpactAnswer>(NotRequester)
            : !IsDelivered(request) ? Conflict(NotDelivered)
            : request.ImpactAnsweredAt is not null ? Conflict(AlreadyAnswered)
            : null;
        return (found, refusal);
    }

    public async Task<Outcome<ImpactAnswer>> AnswerAsync(Viewer viewer, Guid requestId, ImpactDetails? details, IReadOnlyList<FieldProblem> problems, CancellationToken cancellationToken)
    {
        var (found, refusal) = await OpenAsync(viewer, requestId, tracked: true, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (details is null || problems.Count > 0)
        {
            return Outcome.Invalid<ImpactAnswer>(problems);
        }

        try
        {
            var answer = ImpactAnswer.Record(found!.Request, viewer.UserId, details, clock.GetUtcNow());
            db.ImpactAnswers.Add(answer);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(answer);
        }
        catch (DomainException refused)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused<ImpactAnswer>(refused);
        }
        catch (DbUpdateException)
        {
            // Another answer landed first (the request's version, or the unique index on the
            // answer's request), or someone else changed the request: say which.
            db.ChangeTracker.Clear();
            var answered = await db.ImpactAnswers.AsNoTracking().AnyAsync(a => a.RequestId == requestId, cancellationToken);
            return answered ? Conflict(AlreadyAnswered) : Outcome.Overtaken<ImpactAnswer>();
        }
    }

    /// <summary>The form is open once the evidence was delivered, whether or not it was sent yet.</summary>
    public static bool IsDelivered(EvidenceRequest request) =>
        request.DeliveredAt is not null && request.State is RequestState.Delivered or RequestState.Closed;

    private static Outcome<ImpactAnswer> Conflict(string message) => new(OutcomeKind.Conflict, null, message, []);
}
