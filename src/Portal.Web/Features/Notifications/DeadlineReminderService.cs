using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Notifications;

/// <summary>
/// Every Portal:Notifications:ReminderInterval (first one interval after start) reminds claimants
/// whose deadline is Portal:Notifications:ReminderDaysBefore days away or closer. Each request is
/// saved in its own scope, so one that fails does not stop the others; the next round tries it
/// again. Every node runs it; <see cref="DeadlineReminders"/> makes that safe.
/// </summary>
public sealed class DeadlineReminderService(
    IServiceScopeFactory scopes, NotificationOptions options, TimeProvider clock, ILogger<DeadlineReminderService> logger)
    : RoundsService<Guid>(scopes, options.ReminderInterval, clock, logger)
{
    protected override string Job => "Deadline reminders";

    protected override Task<IReadOnlyList<Guid>> FindAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<DeadlineReminders>().CandidatesAsync(cancellationToken);

    protected override Task<bool> HandleAsync(IServiceProvider services, Guid requestId, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<DeadlineReminders>().RemindAsync(requestId, cancellationToken);
}
