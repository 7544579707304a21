namespace Portal.Core.Events;

/// <summary>An entity that raises domain events for the save hook to turn into side effects.</summary>
public abstract class Entity
{
    private readonly List<IDomainEvent> _domainEvents = [];

    /// <summary>Events raised since the entity was last saved.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    /// <summary>Hands the pending events over and forgets them, so each is handled once.</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var taken = _domainEvents.ToArray();
        _domainEvents.Clear();
        return taken;
    }
}
