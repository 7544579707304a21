using Microsoft.EntityFrameworkCore;
using Portal.Core.Notifications;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Web.Features.Librarians;
using Portal.Web.Features.Matching;

namespace Portal.Web.Features.Digest;

/// <summary>
/// For an active librarian: the open requests submitted since their last digest that match them
/// best, ranked as on "Requests for me", at most <see cref="Top"/>. Left out for a librarian who
/// turned "requests that match your librarian profile" off, so the digest stops when they stop it.
/// </summary>
public sealed class LibrarianMatchesSection(PortalDbContext db, LibrarianDirectory directory, LibrarianMatcher matcher) : IDigestSection
{
    public const int Top = 5;

    public int Order => 100;

    public async Task<DigestSection?> BuildAsync(DigestReader reader, DigestPeriod period, CancellationToken cancellationToken)
    {
        // Cheap checks first: most people are not librarians, and most weeks bring few requests.
        var since = period.Since;
        var fresh = (await db.EvidenceRequests.AsNoTracking()
                .Where(r => r.State == RequestState.Submitted && r.RequesterId != reader.UserId && r.SubmittedAt > since)
                .Select(r => r.Id)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        if (fresh.Count == 0 || !await directory.IsActiveLibrarianAsync(reader.UserId, cancellationToken) || await TurnedOffAsync(reader.UserId, cancellationToken))
        {
            return null;
        }

        var ranked = await matcher.RankRequestsForAsync(reader.UserId, MatchFilter.None, period.Until, cancellationToken);
        var items = ranked.Where(r => fresh.Contains(r.RequestId)).Take(Top)
            .Select(r => new DigestItem(
                $"{r.Question} ({r.WorkStreamTitle}, {r.SystemName}; {MatchStrengths.Label(MatchStrengths.Of(r.Match.Score)).ToLowerInvariant()}; due {r.Deadline.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))})",
                $"/requests/{r.RequestId}"))
            .ToList();
        return items.Count == 0 ? null : new DigestSection("New requests that match your librarian profile", items);
    }

    private Task<bool> TurnedOffAsync(string userId, CancellationToken cancellationToken)
    {
        var matched = nameof(NotificationKind.RequestMatched);
        return db.NotificationPreferences.AnyAsync(p => p.UserId == userId && p.Kind == matched && p.Delivery == NotificationDelivery.Off, cancellationToken);
    }
}
