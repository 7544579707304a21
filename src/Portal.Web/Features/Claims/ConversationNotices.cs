using Portal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Events;
using Portal.Core.Requests;
using Portal.Data.SaveHook;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Claims;

/// <summary>
/// Tells the people on a request, in the portal, what the others did: the requester that it was
/// claimed or released, the claimant that a mentor joined, everyone in the conversation of a new
/// message. Written in the same transaction as the change, by the save hook.
/// </summary>
internal sealed class ConversationNotices : IDomainEventReactor
{
    public async Task ReactAsync(IDomainEvent domainEvent, SideEffects effects, CancellationToken cancellationToken)
    {
        switch (domainEvent)
        {
            case RequestClaimed claimed:
                var request = await RequestAsync(effects, claimed.RequestId, cancellationToken);
                var claimant = await NameAsync(effects, claimed.ClaimantId, cancellationToken);
                await effects.NotifyAsync(request.RequesterId, NotificationKind.RequestClaimed, $"{claimant} claimed your evidence request.", Link(request.Id), cancellationToken);
                if (claimed.MentorId is { } mentor)
                {
                    await effects.NotifyAsync(mentor, NotificationKind.RequestClaimed, $"{claimant} claimed an evidence request with you as their mentor.", Link(request.Id), cancellationToken);
                }

                break;
            case RequestReleased released:
                request = await RequestAsync(effects, released.RequestId, cancellationToken);
                await effects.NotifyAsync(request.RequesterId, NotificationKind.RequestClaimed, $"{await NameAsync(effects, released.By, cancellationToken)} released your evidence request. It is back with the librarians.", Link(request.Id), cancellationToken);
                break;
            case RequestMentorJoined joined:
                request = await RequestAsync(effects, joined.RequestId, cancellationToken);
                if (request.ClaimantId is { } holder)
                {
                    await effects.NotifyAsync(holder, NotificationKind.RequestClaimed, $"{await NameAsync(effects, joined.By, cancellationToken)} is now mentoring your search.", Link(request.Id), cancellationToken);
                }

                break;
            case RequestMessagePosted posted:
                request = await RequestAsync(effects, posted.RequestId, cancellationToken);
                var author = await NameAsync(effects, posted.AuthorId, cancellationToken);
                var text = posted.Kind switch
                {
                    RequestMessageKind.Question => $"{author} asked a question about the evidence request. The deadline is paused until it is answered.",
                    RequestMessageKind.Answer => $"{author} answered the question about the evidence request.",
                    _ => $"{author} sent a message about the evidence request.",
                };
                foreach (var person in new[] { request.RequesterId, request.ClaimantId, request.MentorId }.OfType<string>().Distinct().Where(p => p != posted.AuthorId))
                {
                    await effects.NotifyAsync(person, NotificationKind.RequestMessage, text, Link(request.Id) + "#conversation", cancellationToken);
                }

                break;
        }
    }

    private static string Link(Guid requestId) => $"/requests/{requestId}";

    /// <summary>The request as this save leaves it: the tracked one when the save changes it.</summary>
    private static async Task<EvidenceRequest> RequestAsync(SideEffects effects, Guid id, CancellationToken cancellationToken) =>
        effects.Db.EvidenceRequests.Local.FirstOrDefault(r => r.Id == id)
        ?? await effects.Db.EvidenceRequests.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);

    private static async Task<string> NameAsync(SideEffects effects, string userId, CancellationToken cancellationToken) =>
        (await effects.Db.DisplayNamesAsync([userId], cancellationToken)).GetValueOrDefault(userId, "A librarian");
}
