using Portal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Web.Features.Digest;

/// <summary>
/// Every Portal:Digest:CheckInterval (first one interval after start) queues the digests that are
/// due: for every active account with no digest since the latest Portal:Digest:DayOfWeek at
/// Portal:Digest:Hour (UTC). Each person in their own scope, so one failure does not stop the
/// others; every node runs it and <see cref="DigestSender"/> makes that safe.
/// </summary>
public sealed class DigestService(IServiceScopeFactory scopes, DigestOptions options, TimeProvider clock, ILogger<DigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CheckInterval, clock);
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
                    logger.LogError(e, "Sending the weekly digests failed; trying again in {Interval}.", options.CheckInterval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One round; returns how many digests this node queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<string> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await DueAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), options.LatestSlot(now), cancellationToken);
        }

        var sent = 0;
        foreach (var userId in due)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<DigestSender>().SendIfDueAsync(userId, now, cancellationToken) == DigestOutcome.Sent)
                {
                    sent++;
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Could not send the digest of user {UserId}; the next round tries again.", userId);
            }
        }

        if (sent > 0)
        {
            logger.LogInformation("Queued {Count} weekly digests.", sent);
        }

        return sent;
    }

    /// <summary>Active accounts with no digest since the slot, leaving out those who stopped the digest.</summary>
    public static async Task<IReadOnlyList<string>> DueAsync(PortalDbContext db, DateTimeOffset slot, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.EmailConfirmed && u.ApprovedAt != null && u.DeactivatedAt == null && u.Email != null)
            .Where(u => !db.DigestStates.Any(s => s.UserId == u.Id && s.LastSentAt >= slot))
            .Where(u => !db.NotificationPreferences.Any(p => p.UserId == u.Id && p.Kind == NotificationKinds.WeeklyDigest && p.Delivery == NotificationDelivery.Off))
            .OrderBy(u => u.Id)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
}
