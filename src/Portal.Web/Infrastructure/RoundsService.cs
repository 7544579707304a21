namespace Portal.Web.Infrastructure;

/// <summary>
/// Background work done in rounds, on every node: every <c>interval</c> (the first one interval
/// after start) it finds what is due in one scope, then handles each item in a scope of its own,
/// so one that fails is logged and left for the next round without stopping the others. Making
/// it safe for several nodes to handle the same item is the handler's business (a conditional save).
/// </summary>
public abstract class RoundsService<TItem>(IServiceScopeFactory scopes, TimeSpan interval, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>What the job does, for the log: "Escalation", "Weekly digest"…</summary>
    protected abstract string Job { get; }

    /// <summary>The items due now.</summary>
    protected abstract Task<IReadOnlyList<TItem>> FindAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Handles one item; false when there was nothing to do after all (another node did it).</summary>
    protected abstract Task<bool> HandleAsync(IServiceProvider services, TItem item, DateTimeOffset now, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
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
                    logger.LogError(e, "{Job}: the round failed; trying again in {Interval}.", Job, interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One round; returns how many items this node handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<TItem> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await FindAsync(scope.ServiceProvider, now, cancellationToken);
        }

        var handled = 0;
        foreach (var item in due)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await HandleAsync(scope.ServiceProvider, item, now, cancellationToken))
                {
                    handled++;
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "{Job}: could not handle {Item}; the next round tries again.", Job, item);
            }
        }

        if (handled > 0)
        {
            logger.LogInformation("{Job}: handled {Count} this round.", Job, handled);
        }

        return handled;
    }
}
