namespace Portal.Web.Features.Notifications;

/// <summary>
/// Every Portal:Notifications:ReminderInterval (first one interval after start) reminds claimants
/// whose deadline is Portal:Notifications:ReminderDaysBefore days away or closer. Each request is
/// saved in its own scope, so one that fails does not stop the others; the next round tries it
/// again. Every node runs it; <see cref="DeadlineReminders"/> makes that safe.
/// </summary>
public sealed class DeadlineReminderService(
    IServiceScopeFactory scopes, NotificationOptions options, TimeProvider clock, ILogger<DeadlineReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.ReminderInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Looking for deadlines to remind of failed; trying again in {Interval}.", options.ReminderInterval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One round; returns how many claimants this node reminded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            candidates = await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().CandidatesAsync(cancellationToken);
        }

        var reminded = 0;
        foreach (var id in candidates)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().RemindAsync(id, cancellationToken))
                {
                    reminded++;
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Could not remind of the deadline of request {RequestId}; the next round tries again.", id);
            }
        }

        if (reminded > 0)
        {
            logger.LogInformation("Reminded {Count} claimants that their deadline is close.", reminded);
        }

        return reminded;
    }
}
