using Portal.Core.Events;

namespace Portal.Data.SaveHook;

/// <summary>
/// Turns one kind of domain event into notifications and mails. Features register reactors;
/// the save hook calls them inside the transaction that saves the change.
/// </summary>
public interface IDomainEventReactor
{
    Task ReactAsync(IDomainEvent domainEvent, SideEffects effects, CancellationToken cancellationToken);
}

/// <summary>What a reactor may add to the save in progress.</summary>
public sealed class SideEffects(PortalDbContext db, DateTimeOffset now)
{
    public PortalDbContext Db { get; } = db;

    public DateTimeOffset Now { get; } = now;

    public void Notify(string userId, string text, string? link) =>
        Db.Notifications.Add(new Notification { UserId = userId, Text = text, Link = link, CreatedAt = Now });

    public void Mail(string? recipientUserId, string toAddress, string template, string modelJson) =>
        Db.OutboxMessages.Add(new OutboxMessage
        {
            RecipientUserId = recipientUserId,
            ToAddress = toAddress,
            Template = template,
            Model = modelJson,
            CreatedAt = Now,
            NextAttemptAt = Now,
        });
}
