using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Events;
using Portal.Core.Notifications;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Data.SaveHook;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Notifications;

/// <summary>
/// Tells the coordinators, in the same save, who has a request now: a claim, a release, an
/// assignment. A coordinator tied to a system hears only of requests in that system's work
/// streams; one without a system hears of all. Nobody is told of their own action, and the people
/// on the request are left to the reactors that already tell them in their own words.
/// </summary>
internal sealed class CoordinatorNotices : IDomainEventReactor
{
    private const int QuestionLength = 120;
    private const int ReasonLength = 400;

    public async Task ReactAsync(IDomainEvent domainEvent, SideEffects effects, CancellationToken cancellationToken)
    {
        if (domainEvent is not (RequestClaimed or RequestReleased or RequestAssigned))
        {
            return;
        }

        var request = await RequestAsync(effects, ((RequestEvent)domainEvent).RequestId, cancellationToken);
        var (kind, text, people) = await NoticeAsync(domainEvent, request, effects.Db, cancellationToken);
        var systemId = await effects.Db.WorkStreams.AsNoTracking().Where(w => w.Id == request.WorkStreamId).Select(w => w.SystemId).SingleAsync(cancellationToken);
        var involved = people.Append(request.RequesterId).Append(request.MentorId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var coordinator in await CoordinatorsOfAsync(effects.Db, systemId, cancellationToken))
        {
            if (!involved.Contains(coordinator))
            {
                await effects.NotifyAsync(coordinator, kind, text, $"/requests/{request.Id}", cancellationToken);
            }
        }
    }

    /// <summary>Active accounts in the Coordinator role that cover the system: their own, or every one when they have none.</summary>
    public static async Task<IReadOnlyList<string>> CoordinatorsOfAsync(PortalDbContext db, int systemId, CancellationToken cancellationToken) =>
        await (from user in db.Users
               join link in db.UserRoles on user.Id equals link.UserId
               join role in db.Roles on link.RoleId equals role.Id
               where role.Name == Roles.Coordinator && user.EmailConfirmed && user.ApprovedAt != null && user.DeactivatedAt == null
                   && (user.SystemId == null || user.SystemId == systemId)
               orderby user.Id
               select user.Id).Distinct().ToListAsync(cancellationToken);

    /// <summary>The words, and the people the event names (who are not told here).</summary>
    private static async Task<(NotificationKind Kind, string Text, IEnumerable<string?> People)> NoticeAsync(
        IDomainEvent domainEvent, EvidenceRequest request, PortalDbContext db, CancellationToken cancellationToken)
    {
        var question = Shorten(request.Details.Question, QuestionLength);
        switch (domainEvent)
        {
            case RequestClaimed claimed:
                var names = await db.DisplayNamesAsync([claimed.ClaimantId], cancellationToken);
                return (NotificationKind.RequestClaimed, $"{names.GetValueOrDefault(claimed.ClaimantId, "A librarian")} claimed “{question}”.",
                    [claimed.By, claimed.ClaimantId, claimed.MentorId]);
            case RequestReleased released:
                names = await db.DisplayNamesAsync([released.By], cancellationToken);
                return (NotificationKind.RequestClaimed,
                    $"{names.GetValueOrDefault(released.By, "A librarian")} released “{question}”, so it is back with the librarians: {Shorten(released.Reason, ReasonLength)}",
                    [released.By, released.FormerClaimantId]);
            default:
                var assigned = (RequestAssigned)domainEvent;
                names = await db.DisplayNamesAsync([assigned.By, assigned.ClaimantId, .. assigned.FormerClaimantId is { } f ? [f] : Array.Empty<string>()], cancellationToken);
                var by = names.GetValueOrDefault(assigned.By, "A coordinator");
                var to = names.GetValueOrDefault(assigned.ClaimantId, "a librarian");
                var text = assigned.FormerClaimantId is { } former
                    ? $"{by} reassigned “{question}” from {names.GetValueOrDefault(former, "another librarian")} to {to}: {Shorten(assigned.Reason, ReasonLength)}"
                    : $"{by} assigned “{question}” to {to}: {Shorten(assigned.Reason, ReasonLength)}";
                return (NotificationKind.RequestAssigned, text, [assigned.By, assigned.ClaimantId, assigned.FormerClaimantId]);
        }
    }

    /// <summary>The request as this save leaves it: the tracked one when the save changes it.</summary>
    private static async Task<EvidenceRequest> RequestAsync(SideEffects effects, Guid id, CancellationToken cancellationToken) =>
        effects.Db.EvidenceRequests.Local.FirstOrDefault(r => r.Id == id)
        ?? await effects.Db.EvidenceRequests.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);

    // Notifications hold 1,000 characters at most; the request page has the full text.
    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";
}
