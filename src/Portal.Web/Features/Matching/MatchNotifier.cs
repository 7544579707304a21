using Portal.Core.Events;
using Portal.Core.Librarians;
using Portal.Core.Notifications;
using Portal.Core.Requests;
using Portal.Data.SaveHook;
using Portal.Web.Features.Librarians;

namespace Portal.Web.Features.Matching;

/// <summary>
/// When a request comes into the pool — submitted, or released back to it — tells the best-placed
/// librarians, at most Portal:Matching:NotifyTop of them, with an in-app notification saying why
/// (<see cref="MatchNotices"/> decides who). Runs inside the save, through its context, so the
/// notifications (and mails, as each librarian prefers) commit with the change; the librarian who
/// released the request is not told.
/// </summary>
internal sealed class MatchNotifier(IPastWorkSimilarity similarity, MatchSettings settings) : IDomainEventReactor
{
    public async Task ReactAsync(IDomainEvent domainEvent, SideEffects effects, CancellationToken cancellationToken)
    {
        var (requestId, leaveOut) = domainEvent switch
        {
            RequestSubmitted submitted => (submitted.RequestId, null),
            RequestReleased released => (released.RequestId, released.FormerClaimantId),
            _ => (Guid.Empty, null),
        };
        if (requestId == Guid.Empty || settings.NotifyTop == 0)
        {
            return;
        }

        // Found among the tracked entities first: a request drafted and submitted at once is not in the table yet.
        var request = await effects.Db.EvidenceRequests.FindAsync([requestId], cancellationToken);
        if (request is not { State: RequestState.Submitted })
        {
            return;
        }

        // The save hook is built with the context, so the matcher is made here over that same context rather than injected.
        var matcher = new LibrarianMatcher(effects.Db, new LibrarianDirectory(effects.Db), similarity, settings);
        var ranked = await matcher.RankLibrariansAsync(request, effects.Now, cancellationToken, leaveOut);
        var today = DateOnly.FromDateTime(effects.Now.UtcDateTime);
        foreach (var match in MatchNotices.WhoToTell(ranked.Matches, ranked.Profiles, today, ranked.Request.Deadline, settings.NotifyTop))
        {
            await effects.NotifyAsync(
                match.UserId, NotificationKind.RequestMatched, MatchNotices.Text(ranked.Request, ranked.WorkStreamTitle, match), $"/requests/{request.Id}", cancellationToken);
        }
    }
}
