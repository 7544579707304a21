using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Core.Events;

namespace Portal.Data.SaveHook;

/// <summary>
/// The one place where domain events become side effects: an audit event for each, an indexing
/// task for each content change, and whatever the registered reactors add (notifications,
/// outbox mails). They are added to the same save, so they commit or roll back with the change.
/// </summary>
public sealed class DomainEventSaveHook(
    IActor actor, TimeProvider clock, IEnumerable<IDomainEventReactor> reactors, IEnumerable<IOutboxObserver> outboxObservers, IEnumerable<IIndexingObserver> indexingObservers, IMailLinks links)
    : SaveChangesInterceptor
{
    private bool _queuedMail;
    private bool _queuedTasks;

    // Reactors may change entities that raise further events; a chain longer than this is a bug.
    private const int MaxRounds = 8;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PortalDbContext db && PendingEntities(db).Any())
        {
            throw new InvalidOperationException("Entities with domain events must be saved with SaveChangesAsync.");
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db)
        {
            await WriteSideEffectsAsync(db, cancellationToken);
            _queuedMail = db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
            _queuedTasks = db.ChangeTracker.Entries<IndexingTask>().Any(e => e.State == EntityState.Added);
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Inside a longer transaction the rows are not visible yet; the next poll finds them.
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            if (_queuedMail)
            {
                foreach (var observer in outboxObservers)
                {
                    observer.MessagesQueued();
                }
            }

            if (_queuedTasks)
            {
                foreach (var observer in indexingObservers)
                {
                    observer.TasksQueued();
                }
            }
        }

        _queuedMail = _queuedTasks = false;
        return ValueTask.FromResult(result);
    }

    private async Task WriteSideEffectsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var effects = new SideEffects(db, now, links);
        for (var round = 0; round < MaxRounds; round++)
        {
            var events = PendingEntities(db).SelectMany(e => e.TakeDomainEvents()).ToList();
            if (events.Count == 0)
            {
                return;
            }

            foreach (var domainEvent in events)
            {
                db.AuditEvents.Add(ToAudit(domainEvent, now));
                if (domainEvent is IContentChangedEvent changed)
                {
                    db.IndexingTasks.Add(new IndexingTask
                    {
                        CreatedAt = now,
                        ContentType = changed.SubjectType,
                        ContentId = changed.SubjectId,
                        Kind = changed.Removed ? IndexingTaskKind.Delete : IndexingTaskKind.Update,
                    });
                }

                foreach (var reactor in reactors)
                {
                    await reactor.ReactAsync(domainEvent, effects, cancellationToken);
                }
            }
        }

        throw new InvalidOperationException($"Domain events kept raising further events after {MaxRounds} rounds.");
    }

    private static List<Entity> PendingEntities(DbContext db) =>
        db.ChangeTracker.Entries<Entity>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();

    private AuditEvent ToAudit(IDomainEvent domainEvent, DateTimeOffset now) => new()
    {
        OccurredAt = now,
        Actor = actor.Name,
        EventType = domainEvent.GetType().Name,
        SubjectType = domainEvent.SubjectType,
        SubjectId = domainEvent.SubjectId,
        Data = JsonSerializer.Serialize(domainEvent, domainEvent.GetType()),
    };
}
