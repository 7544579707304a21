using Microsoft.EntityFrameworkCore;
using Portal.Core.Notifications;
using Portal.Data;

namespace Portal.Web.Features.Digest;

/// <summary>
/// What one person's next weekly digest holds: their notifications kept for the digest (one
/// heading per kind), then every <see cref="IDigestSection"/> in order. Empty means no mail.
/// </summary>
public sealed record WeeklyDigest(DigestReader Reader, DigestPeriod Period, IReadOnlyList<DigestSection> Sections, IReadOnlyList<long> NotificationIds)
{
    public bool IsEmpty => Sections.All(s => s.Items.Count == 0);
}

/// <summary>Builds a person's next digest: the same for the preview page and for the mail.</summary>
public sealed class DigestBuilder(PortalDbContext db, IEnumerable<IDigestSection> sections)
{
    private readonly IReadOnlyList<IDigestSection> _sections = sections.OrderBy(s => s.Order).ToList();

    /// <summary>The reader behind an account that may get mail (confirmed, approved, not deactivated), or null.</summary>
    public async Task<DigestReader?> ReaderAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.EmailConfirmed && u.ApprovedAt != null && u.DeactivatedAt == null && u.Email != null)
            .Select(u => new { u.Email, u.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var lastSentAt = await db.DigestStates.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.LastSentAt).SingleOrDefaultAsync(cancellationToken);
        return new DigestReader(userId, user.Email!, user.DisplayName, lastSentAt);
    }

    public async Task<WeeklyDigest> BuildAsync(DigestReader reader, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var period = DigestPeriod.For(reader, now);
        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == reader.UserId && n.ForDigest && n.DigestedAt == null)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.Kind, n.Text, n.Link })
            .ToListAsync(cancellationToken);
        var built = notifications
            .GroupBy(n => Enum.TryParse<NotificationKind>(n.Kind, out var kind) ? kind : (NotificationKind?)null)
            .OrderBy(g => g.Key is null ? int.MaxValue : (int)g.Key)
            .Select(g => new DigestSection(
                g.Key is { } kind ? NotificationKinds.Describe(kind).Label : "Other notifications",
                g.Select(n => new DigestItem(n.Text, n.Link)).ToList()))
            .ToList();
        foreach (var section in _sections)
        {
            if (await section.BuildAsync(reader, period, cancellationToken) is { Items.Count: > 0 } content)
            {
                built.Add(content);
            }
        }

        return new WeeklyDigest(reader, period, built, notifications.Select(n => n.Id).ToList());
    }
}
