namespace Portal.Data.SaveHook;

/// <summary>Who did what to which thing, and when: written for every domain event.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The user id, or a name such as "system:setup" for work nobody clicked.</summary>
    public string Actor { get; set; } = string.Empty;

    public string EventType { get; set; } = string.Empty;

    public string SubjectType { get; set; } = string.Empty;

    public string SubjectId { get; set; } = string.Empty;

    /// <summary>The event itself as JSON, so its intent (a reason, a target) is kept.</summary>
    public string Data { get; set; } = "{}";
}

/// <summary>A mail to send, written in the same transaction as the change that caused it.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The user the message is for (null for an address without an account).</summary>
    public string? RecipientUserId { get; set; }

    public string ToAddress { get; set; } = string.Empty;

    /// <summary>The template that renders it, e.g. "ConfirmEmail".</summary>
    public string Template { get; set; } = string.Empty;

    /// <summary>The notification kind the mail is for (null for account mails), so it can be unsubscribed from.</summary>
    public string? Kind { get; set; }

    /// <summary>The template's model as JSON.</summary>
    public string Model { get; set; } = "{}";

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>A dispatcher on some node has claimed the message until then; others leave it alone.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    DeadLetter = 2,
}

/// <summary>An in-app notification shown to one user.</summary>
public sealed class Notification
{
    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public string Text { get; set; } = string.Empty;

    /// <summary>A local path to what the notification is about.</summary>
    public string? Link { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>The NotificationKind name (null for notifications written before kinds existed).</summary>
    public string? Kind { get; set; }

    /// <summary>The person wants this one in their weekly digest rather than a mail at once.</summary>
    public bool ForDigest { get; set; }

    /// <summary>When a digest carried it; a digest takes only those not yet carried.</summary>
    public DateTimeOffset? DigestedAt { get; set; }
}

/// <summary>How one person wants to hear about one kind of notification; absent means the kind's default.</summary>
public sealed class NotificationPreference
{
    public string UserId { get; set; } = string.Empty;

    /// <summary>The NotificationKind name.</summary>
    public string Kind { get; set; } = string.Empty;

    public Portal.Core.Notifications.NotificationDelivery Delivery { get; set; }
}

/// <summary>A person follows a topic or a work stream: new content in it goes into their digest.</summary>
public sealed class Subscription
{
    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public int? TopicId { get; set; }

    public Guid? WorkStreamId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Where a person's weekly digest is up to: one row each, updated conditionally so two nodes never send the same digest.</summary>
public sealed class DigestState
{
    public string UserId { get; set; } = string.Empty;

    /// <summary>When the last digest was queued; the next covers what came after.</summary>
    public DateTimeOffset? LastSentAt { get; set; }

    /// <summary>Bumped with every digest; the update is conditional on it.</summary>
    public int Version { get; set; }
}

/// <summary>A note for the search index: this content changed (or left) and must be read again.</summary>
public sealed class IndexingTask
{
    public long Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string ContentType { get; set; } = string.Empty;

    public string ContentId { get; set; } = string.Empty;

    public IndexingTaskKind Kind { get; set; }
}

/// <summary>
/// Asks every node to rebuild its search index (from the admin page, the command line, or after
/// the synonyms change). Each node remembers in its index the last request it acted on.
/// </summary>
public sealed class SearchRebuildRequest
{
    public long Id { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>Who asked: a user id, or "command line".</summary>
    public string RequestedBy { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;
}

/// <summary>
/// The search settings every node shares: the health synonyms admins edit. One row; none until an
/// admin first saves, and then the portal's default synonyms apply.
/// </summary>
public sealed class SearchSettings
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public string Synonyms { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    /// <summary>Bumped with every save; the save is conditional on it, so two admins cannot overwrite each other unseen.</summary>
    public int Version { get; set; }
}

public enum IndexingTaskKind
{
    Update = 0,
    Delete = 1,
}
