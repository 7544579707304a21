namespace Portal.Core.Events;

/// <summary>
/// Something that happened to an entity, named in the language of the domain. Events carry
/// intent (why a request was released, who assigned it), which a diff of properties cannot.
/// </summary>
public interface IDomainEvent
{
    /// <summary>The kind of thing the event is about, e.g. "WorkStream".</summary>
    string SubjectType { get; }

    /// <summary>The identifier of the thing the event is about.</summary>
    string SubjectId { get; }
}

/// <summary>An event after which the search index must read the content again.</summary>
public interface IContentChangedEvent : IDomainEvent
{
    /// <summary>True when the content is gone and must leave the index.</summary>
    bool Removed { get; }
}
