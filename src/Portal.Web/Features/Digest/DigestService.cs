using Microsoft.EntityFrameworkCore;
using Portal.Core.Notifications;
using Portal.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Digest;

/// <summary>
/// Every Portal:Digest:CheckInterval (first one interval after start) queues the digests that are
/// due: for every active account with no digest since the latest Portal:Digest:DayOfWeek at
/// Portal:Digest:Hour (UTC). Each person in their own scope, so one failure does not stop the
/// others; every node runs it and <see cref="DigestSender"/> makes that safe.
/// </summary>
public sealed class DigestService(IServiceScopeFactory scopes, DigestOptions options, TimeProvider clock, ILogger<DigestService> logger)
    : RoundsService<string>(scopes, options.CheckInterval, clock, logger)
{
    protected override string Job => "Weekly digest";

    protected override Task<IReadOnlyList<string>> FindAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        DueAsync(services.GetRequiredService<PortalDbContext>(), options.LatestSlot(now), cancellationToken);

    protected override async Task<bool> HandleAsync(IServiceProvider services, string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await services.GetRequiredService<DigestSender>().SendIfDueAsync(userId, now, cancellationToken) == DigestOutcome.Sent;

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
