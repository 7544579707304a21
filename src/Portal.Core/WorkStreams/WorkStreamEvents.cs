using Portal.Core.Events;

namespace Portal.Core.WorkStreams;

public sealed record WorkStreamCreated(Guid WorkStreamId, string Title) : IContentChangedEvent
{
    public string SubjectType => nameof(WorkStream);

    public string SubjectId => WorkStreamId.ToString();

    public bool Removed => false;
}

public sealed record WorkStreamChanged(Guid WorkStreamId, string Title) : IContentChangedEvent
{
    public string SubjectType => nameof(WorkStream);

    public string SubjectId => WorkStreamId.ToString();

    public bool Removed => false;
}
