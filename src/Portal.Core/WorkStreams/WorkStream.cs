using Portal.Core.Events;
using Portal.Core.Geography;
using Portal.Core.Topics;

namespace Portal.Core.WorkStreams;

/// <summary>A work stream of a system with an evidence need, e.g. a frailty framework.</summary>
public sealed class WorkStream : Entity
{
    private readonly List<Topic> _topics = [];
    private readonly List<WorkStreamLead> _leads = [];

    private WorkStream()
    {
        Key = Title = Summary = string.Empty;
    }

    public WorkStream(string key, string title, string summary, GeoArea system, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Id = Guid.NewGuid();
        Key = key.Trim();
        CreatedAt = now;
        Title = Summary = string.Empty;
        Describe(title, summary, system, place: null);
        Raise(new WorkStreamCreated(Id, Title));
    }

    public Guid Id { get; private set; }

    /// <summary>A stable key for recipes and addresses; survives title edits.</summary>
    public string Key { get; private set; }

    public string Title { get; private set; }

    /// <summary>Markdown written by the lead.</summary>
    public string Summary { get; private set; }

    public int SystemId { get; private set; }

    public GeoArea? System { get; private set; }

    public int? PlaceId { get; private set; }

    public GeoArea? Place { get; private set; }

    public WorkStreamStatus Status { get; private set; }

    /// <summary>The decisions the work stream is working towards (Markdown).</summary>
    public string? Decisions { get; private set; }

    public DateOnly? StartsOn { get; private set; }

    public DateOnly? EndsOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<Topic> Topics => _topics;

    public IReadOnlyList<WorkStreamLead> Leads => _leads;

    public void Describe(string title, string summary, GeoArea system, GeoArea? place)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(system);
        if (system.Level != GeoLevel.System)
        {
            throw new DomainException($"{system.Name} is a {system.Level}, not a system.");
        }

        if (place is not null && (place.Level != GeoLevel.Place || !IsIn(place, system)))
        {
            throw new DomainException($"{place.Name} is not a place in {system.Name}.");
        }

        var changed = Title.Length > 0 && (Title != title.Trim() || Summary != summary || SystemId != system.Id || PlaceId != place?.Id);
        Title = title.Trim();
        Summary = summary;
        System = system;
        SystemId = system.Id;
        Place = place;
        PlaceId = place?.Id;
        if (changed)
        {
            Raise(new WorkStreamChanged(Id, Title));
        }
    }

    // Compare the loaded parent when there is one: unsaved areas all have id 0.
    private static bool IsIn(GeoArea place, GeoArea system) =>
        place.Parent is not null ? ReferenceEquals(place.Parent, system) || place.Parent.Code == system.Code : place.ParentId == system.Id && system.Id != 0;

    /// <summary>What the work stream is working towards, and when.</summary>
    public void Plan(string? decisions, DateOnly? startsOn, DateOnly? endsOn)
    {
        if (startsOn is { } start && endsOn is { } end && end < start)
        {
            throw new DomainException("The end date must be the same as or after the start date.");
        }

        var cleaned = string.IsNullOrWhiteSpace(decisions) ? null : decisions.Trim();
        if (cleaned == Decisions && startsOn == StartsOn && endsOn == EndsOn)
        {
            return;
        }

        Decisions = cleaned;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Raise(new WorkStreamChanged(Id, Title));
    }

    /// <summary>Whether this user leads the work stream.</summary>
    public bool IsLedBy(string userId) => _leads.Any(l => l.UserId == userId);

    public void RemoveLead(string userId)
    {
        if (_leads.RemoveAll(l => l.UserId == userId) > 0)
        {
            Raise(new WorkStreamChanged(Id, Title));
        }
    }

    public void SetStatus(WorkStreamStatus status)
    {
        if (Status == status)
        {
            return;
        }

        Status = status;
        Raise(new WorkStreamChanged(Id, Title));
    }

    /// <summary>Replaces the topics; raises a change only when the set differs.</summary>
    public void TagWith(IEnumerable<Topic> topics)
    {
        var wanted = topics.DistinctBy(t => t.Key).ToList();
        if (wanted.Select(t => t.Key).Order().SequenceEqual(_topics.Select(t => t.Key).Order()))
        {
            return;
        }

        _topics.Clear();
        _topics.AddRange(wanted);
        Raise(new WorkStreamChanged(Id, Title));
    }

    public void AddLead(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (_leads.Any(l => l.UserId == userId))
        {
            return;
        }

        _leads.Add(new WorkStreamLead(Id, userId));
        Raise(new WorkStreamChanged(Id, Title));
    }
}

/// <summary>A user who leads a work stream.</summary>
public sealed class WorkStreamLead(Guid workStreamId, string userId)
{
    public Guid WorkStreamId { get; private set; } = workStreamId;

    public string UserId { get; private set; } = userId;
}
