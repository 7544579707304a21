using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Notifications;
using Portal.Email.Unsubscribe;

namespace Portal.Web.Features.Unsubscribe;

/// <summary>
/// One-click unsubscribe from a kind of notification mail, with no sign-in. GET asks (mail
/// scanners follow links, so a GET never changes anything); POST turns the kind off. A mail client
/// posts "List-Unsubscribe=One-Click" (RFC 8058) with no antiforgery token, and may: the token in
/// the address is the authority. Any other post is the page's own form and must carry one.
/// </summary>
[AllowAnonymous]
[Route(UnsubscribeTokens.Path)]
public sealed class UnsubscribeController(UnsubscribeTokens tokens, NotificationOptOut optOut, IAntiforgery antiforgery) : Controller
{
    [HttpGet]
    public IActionResult Ask(string? token) =>
        Read(token, out var subject, out _) is { } refusal ? refusal : View("Unsubscribe", new UnsubscribePage(token!, subject!));

    [HttpPost]
    [IgnoreAntiforgeryToken] // checked below, except for the RFC 8058 one-click body
    public async Task<IActionResult> TurnOff(string? token, CancellationToken cancellationToken)
    {
        if (!IsOneClick() && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadLink("The form had expired. Open the link in the email again.");
        }

        if (Read(token, out var subject, out var userId) is { } refusal)
        {
            return refusal;
        }

        return await optOut.TurnOffAsync(userId!, subject!.Name, cancellationToken)
            ? View("Unsubscribed", subject)
            : BadLink("This link is no longer valid: the account it was for has been closed.");
    }

    /// <summary>The body a mail client sends for one-click unsubscribe, and nothing else.</summary>
    private bool IsOneClick() =>
        Request.HasFormContentType && Request.Form.Count == 1
        && Request.Form.TryGetValue("List-Unsubscribe", out var value) && value == "One-Click";

    private ViewResult? Read(string? token, out UnsubscribeSubject? subject, out string? userId)
    {
        subject = null;
        userId = null;
        var read = tokens.Read(token);
        if (read.Status == UnsubscribeTokenStatus.Expired)
        {
            return BadLink("This unsubscribe link has expired. Sign in and change your email settings instead.");
        }

        subject = UnsubscribeSubject.For(read.Kind);
        if (read.Status != UnsubscribeTokenStatus.Valid || subject is null)
        {
            return BadLink("This unsubscribe link is not valid. Check that you copied all of it from the email, or sign in and change your email settings instead.");
        }

        userId = read.UserId;
        return null;
    }

    private ViewResult BadLink(string message)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("UnsubscribeLinkInvalid", message);
    }
}

/// <summary>The question page: which kind of mail the link stops, and the token the form posts back.</summary>
public sealed record UnsubscribePage(string Token, UnsubscribeSubject Kind);

/// <summary>What a link stops: a kind of notification mail, or the weekly digest; by its stored name and its label.</summary>
public sealed record UnsubscribeSubject(string Name, string Label)
{
    public static UnsubscribeSubject? For(string? name) =>
        name == NotificationKinds.WeeklyDigest
            ? new(NotificationKinds.WeeklyDigest, NotificationKinds.WeeklyDigestLabel)
            : NotificationKinds.All.FirstOrDefault(k => k.Kind.ToString() == name) is { } kind ? new(kind.Kind.ToString(), kind.Label) : null;
}
