using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Theming;

namespace Portal.Web.Features.Notifications;

/// <summary>One person's in-app notifications: a page of them, opening one, marking all read, the unread count.</summary>
public sealed class NotificationInbox(PortalDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<InboxPage> PageAsync(string userId, int page, CancellationToken cancellationToken)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var total = await mine.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var current = Math.Clamp(page, 1, pages);
        var items = await mine.OrderByDescending(n => n.Id)
            .Skip((current - 1) * PageSize).Take(PageSize)
            .Select(n => new InboxItem(n.Id, n.Text, n.CreatedAt, n.ReadAt == null))
            .ToListAsync(cancellationToken);
        return new InboxPage(items, current, pages, total, await UnreadAsync(userId, cancellationToken));
    }

    /// <summary>One COUNT on the (UserId, ReadAt) index.</summary>
    public Task<int> UnreadAsync(string userId, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    /// <summary>
    /// Marks the person's notification read and gives the local address it points to (the list when
    /// it has none, or one that is not local); null when there is no such notification of theirs.
    /// </summary>
    public async Task<string?> OpenAsync(string userId, long id, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return null;
        }

        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        return IsLocal(notification.Link) ? notification.Link! : "/notifications";
    }

    public Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    /// <summary>A path on this site: "/requests/…", never "//elsewhere" or "/\elsewhere", which browsers take for another host.</summary>
    public static bool IsLocal(string? link) =>
        link is { Length: > 0 } && link[0] == '/' && (link.Length == 1 || (link[1] != '/' && link[1] != '\\'))
        && !link.Any(char.IsControl);
}

public sealed record InboxItem(long Id, string Text, DateTimeOffset CreatedAt, bool Unread);

public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Page, int Pages, int Total, int Unread);

/// <summary>The unread count beside "Notifications" in the header.</summary>
internal sealed class UnreadNotificationsCounter(NotificationInbox inbox) : INavigationCounter
{
    public string Href => NotificationsController.Path;

    public async Task<NavigationCount?> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? new NavigationCount(await inbox.UnreadAsync(userId, cancellationToken), "unread")
            : null;
}
