using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Web.Features.Notifications;

/// <summary>/notifications: the signed-in person's notifications, newest first; opening one marks it read.</summary>
[Authorize(Policy = "ManageOwnNotifications")]
[Route(Path)]
public sealed class NotificationsController(NotificationInbox inbox) : Controller
{
    public const string Path = "/notifications";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int page = 1, CancellationToken cancellationToken = default) =>
        View("Notifications", new NotificationsPage(await inbox.PageAsync(UserId, page, cancellationToken), TempData["notice"] as string));

    /// <summary>Marks it read and goes to what it is about. Someone else's notification is not found.</summary>
    [HttpGet("{id:long}")]
    public async Task<IActionResult> Open(long id, CancellationToken cancellationToken) =>
        await inbox.OpenAsync(UserId, id, cancellationToken) is { } link ? LocalRedirect(link) : NotFound();

    [HttpPost("read")]
    public async Task<IActionResult> MarkAllRead(CancellationToken cancellationToken)
    {
        var count = await inbox.MarkAllReadAsync(UserId, cancellationToken);
        TempData["notice"] = count switch
        {
            0 => "You had no unread notifications.",
            1 => "1 notification marked as read.",
            _ => $"{count} notifications marked as read.",
        };
        return Redirect(Path);
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authorised user has an id.");
}

public sealed record NotificationsPage(InboxPage Inbox, string? Notice);
