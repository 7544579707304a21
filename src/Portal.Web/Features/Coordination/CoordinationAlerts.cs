using Portal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Events;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Data.SaveHook;

namespace Portal.Web.Features.Coordination;

/// <summary>
/// In-app notifications for coordination, written in the same save as the change: every active
/// coordinator hears of an escalated request; a librarian hears that a request was assigned to
/// them, and the one it was taken from hears that too.
/// </summary>
internal sealed class CoordinationAlerts : IDomainEventReactor
{
    private const int QuestionLength = 120;
    private const int ReasonLength = 400;

    public async Task ReactAsync(IDomainEvent domainEvent, SideEffects effects, CancellationToken cancellationToken)
    {
        switch (domainEvent)
        {
            case RequestEscalated escalated:
                await EscalatedAsync(escalated, effects, cancellationToken);
                break;
            case RequestAssigned assigned:
                await AssignedAsync(assigned, effects, cancellationToken);
                break;
        }
    }

    /// <summary>People in the Coordinator role whose accounts may use the portal.</summary>
    public static async Task<IReadOnlyList<string>> ActiveCoordinatorIdsAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await (from user in db.Users
               join link in db.UserRoles on user.Id equals link.UserId
               join role in db.Roles on link.RoleId equals role.Id
               where role.Name == Roles.Coordinator && user.EmailConfirmed && user.ApprovedAt != null && user.DeactivatedAt == null
               orderby user.Id
               select user.Id).Distinct().ToListAsync(cancellationToken);

    private static async Task EscalatedAsync(RequestEscalated escalated, SideEffects effects, CancellationToken cancellationToken)
    {
        var question = await QuestionAsync(effects.Db, escalated.RequestId, cancellationToken);
        var text = escalated.Reason == EscalationReason.Overdue
            ? $"Overdue: “{question}” is {Days(escalated.Days)} past its deadline."
            : $"Unclaimed: nobody has claimed “{question}” in {Days(escalated.Days)}.";
        foreach (var coordinator in await ActiveCoordinatorIdsAsync(effects.Db, cancellationToken))
        {
            await effects.NotifyAsync(coordinator, NotificationKind.RequestEscalated, text, Link(escalated.RequestId), cancellationToken);
        }
    }

    private static async Task AssignedAsync(RequestAssigned assigned, SideEffects effects, CancellationToken cancellationToken)
    {
        var question = await QuestionAsync(effects.Db, assigned.RequestId, cancellationToken);
        var ids = new[] { assigned.By, assigned.ClaimantId };
        var names = await effects.Db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var by = names.GetValueOrDefault(assigned.By, "A coordinator");
        var reason = Shorten(assigned.Reason, ReasonLength);
        await effects.NotifyAsync(assigned.ClaimantId, NotificationKind.RequestAssigned, $"{by} assigned “{question}” to you: {reason}", Link(assigned.RequestId), cancellationToken);
        if (assigned.FormerClaimantId is { } former)
        {
            await effects.NotifyAsync(former, NotificationKind.RequestAssigned, $"{by} reassigned “{question}” to {names.GetValueOrDefault(assigned.ClaimantId, "another librarian")}: {reason}", Link(assigned.RequestId), cancellationToken);
        }
    }

    private static async Task<string> QuestionAsync(PortalDbContext db, Guid requestId, CancellationToken cancellationToken)
    {
        var question = await db.EvidenceRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.Details.Question).SingleAsync(cancellationToken);
        return Shorten(question, QuestionLength);
    }

    // Notifications are short (1,000 characters at most); the request page has the full text.
    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    private static string Link(Guid requestId) => $"/requests/{requestId}";

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
