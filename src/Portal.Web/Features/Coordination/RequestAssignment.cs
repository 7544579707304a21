using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Web.Features.Librarians;
using Portal.Web.Features.Requests;
using Portal.Web.Features.Summaries;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Coordination;

/// <summary>
/// What a coordinator sets when assigning: the librarian, why, whether to go beyond the
/// librarian's capacity, and (from the page) the version of the request they were looking at.
/// </summary>
public sealed record AssignInput(string? LibrarianId, string? Reason, bool OverCapacity, int? Version = null);

/// <summary>
/// Assigning or reassigning a request: for the page and the API alike. Checks who the librarian is
/// and whether they have room, then lets the request decide whether it can be assigned; the save
/// is conditional on the version, so a change made meanwhile is a 409, never overwritten.
/// </summary>
public sealed class RequestAssignment(PortalDbContext db, LibrarianDirectory directory, TimeProvider clock)
{
    public const string LibrarianField = nameof(AssignInput.LibrarianId);
    public const string ReasonField = nameof(AssignInput.Reason);
    public const string OverCapacityField = nameof(AssignInput.OverCapacity);

    private static readonly RequestState[] Assignable = [RequestState.Submitted, RequestState.Claimed];

    public static bool CanBeAssigned(EvidenceRequest request) => Assignable.Contains(request.State);

    /// <summary>Why a request in this state cannot be assigned, in the words the request itself uses.</summary>
    public static string NotAssignable(EvidenceRequest request) => $"A {EvidenceRequest.StateName(request.State)} request cannot be assigned.";

    public async Task<Outcome<EvidenceRequest>> AssignAsync(Viewer viewer, Guid id, AssignInput input, CancellationToken cancellationToken)
    {
        if (!viewer.MayAssign)
        {
            return Outcome.Forbidden<EvidenceRequest>("Only coordinators can assign requests to librarians.");
        }

        var request = await db.EvidenceRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return Outcome.NotFound<EvidenceRequest>();
        }

        if (!CanBeAssigned(request))
        {
            return Conflict(NotAssignable(request));
        }

        // Problems in the order of the form's fields, as the error summary lists them.
        var librarianId = input.LibrarianId?.Trim();
        var problems = new List<FieldProblem>();
        if (string.IsNullOrEmpty(librarianId))
        {
            problems.Add(new(LibrarianField, "Choose the librarian to give the request to"));
        }
        else if (librarianId != request.RequesterId && librarianId != request.ClaimantId)
        {
            // The request itself refuses its requester and its current claimant, in its own words.
            if (!await directory.IsActiveLibrarianAsync(librarianId, cancellationToken))
            {
                problems.Add(new(LibrarianField, "The person chosen is not an active librarian. Choose one of the librarians listed"));
            }
            else if (!input.OverCapacity && await OverCapacityAsync(librarianId, cancellationToken) is { } full)
            {
                problems.Add(new(OverCapacityField, full));
            }
        }

        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            problems.Add(new(ReasonField, "Say why you are assigning the request"));
        }
        else if (input.Reason.Trim().Length > RequestDetails.LongTextMaxLength)
        {
            problems.Add(new(ReasonField, $"Reason must be {RequestDetails.LongTextMaxLength} characters or fewer"));
        }

        if (problems.Count > 0)
        {
            return Outcome.Invalid<EvidenceRequest>(problems);
        }

        if (input.Version is { } seen)
        {
            // Update only the version the coordinator was looking at: their choice was made on it.
            db.Entry(request).Property(r => r.Version).OriginalValue = seen;
        }

        try
        {
            request.Assign(viewer.UserId, librarianId!, input.Reason!, clock.GetUtcNow());
            await db.AddAuthorToUnfinishedSummaryAsync(request.Id, librarianId!, clock.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(request);
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused<EvidenceRequest>(refusal);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict("Someone else changed this request while you were assigning it, so it was not assigned. Check who holds it now, then assign it again if you still need to.");
        }
    }

    /// <summary>A message when the librarian has no room for one more search; null when they have.</summary>
    private async Task<string?> OverCapacityAsync(string librarianId, CancellationToken cancellationToken)
    {
        var profile = await directory.ProfileOrDefaultAsync(librarianId, tracked: false, cancellationToken);
        var open = await directory.OpenClaimsOfAsync(librarianId, cancellationToken);
        if (profile.HasRoomFor(open))
        {
            return null;
        }

        var name = (await db.DisplayNamesAsync([librarianId], cancellationToken)).GetValueOrDefault(librarianId, "This librarian");
        return profile.Capacity == 0
            ? $"{name} is not taking searches at the moment. Tick ‘Assign anyway’ to give them this one regardless"
            : $"{name} already holds {open} of the {profile.Capacity} searches they can take at a time. Tick ‘Assign anyway’ to give them this one regardless";
    }

    private static Outcome<EvidenceRequest> Conflict(string message) => new(OutcomeKind.Conflict, null, message, []);
}
