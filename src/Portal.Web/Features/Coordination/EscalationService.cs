namespace Portal.Web.Features.Coordination;

/// <summary>
/// Every Portal:Coordination:EscalationInterval (first one interval after start) flags requests
/// unclaimed for Portal:Coordination:UnclaimedAfterDays days and claims past their deadline.
/// Each request is saved in its own scope, so one that fails does not stop the others; the
/// next round tries it again. Every node runs it; <see cref="Escalation"/> makes that safe.
/// </summary>
public sealed class EscalationService(
    IServiceScopeFactory scopes, CoordinationOptions options, TimeProvider clock, ILogger<EscalationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.EscalationInterval, clock);
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
                    logger.LogError(e, "Looking for requests to escalate failed; trying again in {Interval}.", options.EscalationInterval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One round; returns how many requests this node escalated.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            candidates = await scope.ServiceProvider.GetRequiredService<Escalation>().CandidatesAsync(cancellationToken);
        }

        var escalated = 0;
        foreach (var id in candidates)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<Escalation>().EscalateAsync(id, cancellationToken))
                {
                    escalated++;
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Could not escalate request {RequestId}; the next round tries again.", id);
            }
        }

        if (escalated > 0)
        {
            logger.LogInformation("Told the coordinators about {Count} unclaimed or overdue requests.", escalated);
        }

        return escalated;
    }
}
