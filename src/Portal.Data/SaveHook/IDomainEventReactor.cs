using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Events;
using Portal.Core.Notifications;

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
public sealed class SideEffects(PortalDbContext db, DateTimeOffset now, IMailLinks links)
{
    private readonly Dictionary<string, Recipient?> _recipients = new(StringComparer.Ordinal);

    public PortalDbContext Db { get; } = db;

    public DateTimeOffset Now { get; } = now;

    /// <summary>
    /// Tells a person something in the portal and, as they prefer for this kind, by mail at once
    /// or in their weekly digest. Nobody is told twice about the same thing in one save, and an
    /// account that cannot use the portal gets no mail.
    /// </summary>
    public async Task NotifyAsync(string userId, NotificationKind kind, string text, string? link, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var kindName = kind.ToString();
        if (Db.ChangeTracker.Entries<Notification>().Any(e => e.State == EntityState.Added && e.Entity.UserId == userId && e.Entity.Kind == kindName && e.Entity.Text == text))
        {
            return;
        }

        var recipient = await RecipientAsync(userId, cancellationToken);
        var delivery = recipient?.Preferences.GetValueOrDefault(kindName, NotificationKinds.Describe(kind).Default) ?? NotificationDelivery.Off;
        Db.Notifications.Add(new Notification
        {
            UserId = userId,
            Text = text,
            Link = link,
            CreatedAt = Now,
            Kind = kindName,
            ForDigest = delivery == NotificationDelivery.WeeklyDigest,
        });
        if (delivery == NotificationDelivery.Immediately && recipient is not null)
        {
            var model = new NotificationMail(
                recipient.DisplayName, kindName, text, link is null ? null : links.Absolute(link), links.Absolute(NotificationMail.PreferencesPath));
            Mail(userId, recipient.Email, NotificationMail.TemplateName, JsonSerializer.Serialize(model, NotificationMail.Json), kindName);
        }
    }

    public void Mail(string? recipientUserId, string toAddress, string template, string modelJson, string? kind = null) =>
        Db.OutboxMessages.Add(new OutboxMessage
        {
            RecipientUserId = recipientUserId,
            ToAddress = toAddress,
            Template = template,
            Model = modelJson,
            Kind = kind,
            CreatedAt = Now,
            NextAttemptAt = Now,
        });

    private async Task<Recipient?> RecipientAsync(string userId, CancellationToken cancellationToken)
    {
        if (_recipients.TryGetValue(userId, out var known))
        {
            return known;
        }

        var user = await Db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.EmailConfirmed && u.ApprovedAt != null && u.DeactivatedAt == null && u.Email != null)
            .Select(u => new { u.Email, u.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        Recipient? recipient = null;
        if (user is not null)
        {
            var preferences = await Db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId)
                .ToDictionaryAsync(p => p.Kind, p => p.Delivery, StringComparer.Ordinal, cancellationToken);
            recipient = new Recipient(user.Email!, user.DisplayName, preferences);
        }

        _recipients[userId] = recipient;
        return recipient;
    }

    private sealed record Recipient(string Email, string DisplayName, IReadOnlyDictionary<string, NotificationDelivery> Preferences);
}

/// <summary>Absolute addresses for links in mails, which are read outside the portal.</summary>
public interface IMailLinks
{
    string Absolute(string path);
}

/// <summary>
/// The model of the "Notification" mail: the same words as the notification in the portal, a
/// link to what it is about and one to the person's preferences.
/// </summary>
public sealed record NotificationMail(string DisplayName, string Kind, string Text, string? Url, string PreferencesUrl)
{
    public const string TemplateName = "Notification";

    public const string PreferencesPath = "/account/notifications";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}

/// <summary>Links against Portal:PublicUrl; without it they stay relative (the web host registers a better guess).</summary>
public sealed class PublicUrlMailLinks(string? publicUrl) : IMailLinks
{
    private readonly Uri? _base = string.IsNullOrWhiteSpace(publicUrl) ? null : new Uri(publicUrl.TrimEnd('/') + "/", UriKind.Absolute);

    public string Absolute(string path) => _base is null ? path : new Uri(_base, path.TrimStart('/')).ToString();
}
