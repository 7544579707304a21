using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Data.SaveHook;

namespace Portal.Web.Features.Account;

/// <summary>
/// Audit events and account mails for a change to an account. They are added to the database
/// context, so the save that writes the change (often inside a UserManager call) writes them too;
/// if the change fails, they are forgotten.
/// </summary>
public sealed class AccountRecords(PortalDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Records what happened to the account. The actor is the signed-in user, or the account's owner when nobody is signed in.</summary>
    public void Audit(string eventType, PortalUser subject, object? data = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow(),
            Actor = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? subject.Id,
            EventType = eventType,
            SubjectType = "User",
            SubjectId = subject.Id,
            Data = JsonSerializer.Serialize(data ?? new { }, Json),
        });

    /// <summary>Queues a mail to the user's address; the template's model is written as camelCase JSON.</summary>
    public void Mail(PortalUser recipient, string template, object model)
    {
        var now = clock.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            RecipientUserId = recipient.Id,
            ToAddress = recipient.Email ?? throw new InvalidOperationException($"User {recipient.Id} has no email address."),
            Template = template,
            Model = JsonSerializer.Serialize(model, Json),
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    /// <summary>Runs a UserManager change, which saves the records with it; on failure the records are dropped.</summary>
    public async Task<IdentityResult> SaveWithAsync(Func<Task<IdentityResult>> change)
    {
        var result = await change();
        if (!result.Succeeded)
        {
            Forget();
        }

        return result;
    }

    /// <summary>Saves the records (and any other pending change) on their own.</summary>
    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    private void Forget()
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Entity is AuditEvent or OutboxMessage).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
