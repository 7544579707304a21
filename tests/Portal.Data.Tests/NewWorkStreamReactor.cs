using System.Text.Json;
using Portal.Core.Events;
using Portal.Core.Notifications;
using Portal.Core.WorkStreams;
using Portal.Data.SaveHook;

namespace Portal.Data.Tests;

/// <summary>A reactor as a feature would write one: a new work stream notifies and mails the coordinator.</summary>
internal sealed class NewWorkStreamReactor : IDomainEventReactor
{
    public const string CoordinatorId = "coordinator-1";
    public const string CoordinatorAddress = "coordinator@example.org";

    public async Task ReactAsync(IDomainEvent domainEvent, SideEffects effects, CancellationToken cancellationToken)
    {
        if (domainEvent is WorkStreamCreated created)
        {
            // No account has this id, so the notification is written and no mail is chosen for it; the mail is queued by hand.
            await effects.NotifyAsync(CoordinatorId, NotificationKind.RequestEscalated, $"New work stream: {created.Title}", $"/work-streams/{created.WorkStreamId}", cancellationToken);
            effects.Mail(CoordinatorId, CoordinatorAddress, "WorkStreamCreated", JsonSerializer.Serialize(new { created.Title }));
        }
    }
}
