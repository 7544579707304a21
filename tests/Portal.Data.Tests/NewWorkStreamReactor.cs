using System.Text.Json;
using Portal.Core.Events;
using Portal.Core.WorkStreams;
using Portal.Data.SaveHook;

namespace Portal.Data.Tests;

/// <summary>A reactor as a feature would write one: a new work stream notifies and mails the coordinator.</summary>
internal sealed class NewWorkStreamReactor : IDomainEventReactor
{
    public const string CoordinatorId = "coordinator-1";
    public const string CoordinatorAddress = "coordinator@example.org";

    public Task ReactAsync(IDomainEvent domainEvent, SideEffects effects, CancellationToken cancellationToken)
    {
        if (domainEvent is WorkStreamCreated created)
        {
            effects.Notify(CoordinatorId, $"New work stream: {created.Title}", $"/work-streams/{created.WorkStreamId}");
            effects.Mail(CoordinatorId, CoordinatorAddress, "WorkStreamCreated", JsonSerializer.Serialize(new { created.Title }));
        }

        return Task.CompletedTask;
    }
}
