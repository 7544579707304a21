using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.SaveHook;
using Portal.Email.Outbox;

namespace Portal.Web.Features.Admin.Mail;

/// <summary>
/// /admin/mail: the mails that could not be sent after every attempt (dead letters), with the
/// last error, and a way to send one again once the cause is mended.
/// </summary>
[Authorize(Policy = "ManageEmail")]
[Route("admin/mail")]
public sealed class MailController(PortalDbContext db, OutboxSignal signal, TimeProvider clock) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var deadLetters = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.DeadLetter)
            .OrderByDescending(m => m.CreatedAt)
            .Take(PageSize)
            .Select(m => new DeadLetter(m.Id, m.CreatedAt, m.ToAddress, m.Template, m.Attempts, m.LastError))
            .ToListAsync(cancellationToken);
        var counts = await db.OutboxMessages.AsNoTracking()
            .GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return View("Mail", new MailPage(
            deadLetters, counts.GetValueOrDefault(OutboxStatus.Pending), counts.GetValueOrDefault(OutboxStatus.DeadLetter), TempData["notice"] as string));
    }

    /// <summary>Puts a dead letter back in the queue with a fresh set of attempts. Only dead letters: a sent mail is never sent twice from here.</summary>
    [HttpPost("{id:guid}/retry")]
    public async Task<IActionResult> Retry(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.DeadLetter)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        if (changed == 0)
        {
            var status = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id).Select(m => (OutboxStatus?)m.Status).SingleOrDefaultAsync(cancellationToken);
            if (status is null)
            {
                return NotFound();
            }

            TempData["notice"] = status == OutboxStatus.Sent ? "That mail has already been sent." : "That mail is already waiting to be sent.";
            return RedirectToAction(nameof(Index));
        }

        signal.Notify();
        TempData["notice"] = "The mail is back in the queue and will be sent in the next round.";
        return RedirectToAction(nameof(Index));
    }
}

public sealed record DeadLetter(Guid Id, DateTimeOffset CreatedAt, string ToAddress, string Template, int Attempts, string? LastError);

public sealed record MailPage(IReadOnlyList<DeadLetter> DeadLetters, int Waiting, int DeadLetterCount, string? Notice);
