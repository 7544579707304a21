using Portal.Core.Events;

namespace Portal.Core.Summaries;

/// <summary>Something that happened to a search summary, by whom. Every one is audited and re-indexed.</summary>
public abstract record SummaryEvent(Guid SummaryId, string By) : IContentChangedEvent
{
    public string SubjectType => nameof(SearchSummary);

    public string SubjectId => SummaryId.ToString();

    public bool Removed => false;
}

public sealed record SummaryStarted(Guid SummaryId, string By, Guid RequestId, int Version) : SummaryEvent(SummaryId, By);

public sealed record SummaryEdited(Guid SummaryId, string By) : SummaryEvent(SummaryId, By);

public sealed record ReferencesImported(Guid SummaryId, string By, int Imported, int Rejected) : SummaryEvent(SummaryId, By);

public sealed record ReferencesRemoved(Guid SummaryId, string By, int Count) : SummaryEvent(SummaryId, By);

public sealed record SummaryReviewAsked(Guid SummaryId, string By, Guid RequestId, string ReviewerId) : SummaryEvent(SummaryId, By);

public sealed record SummaryApproved(Guid SummaryId, string By, Guid RequestId, Guid ReviewId) : SummaryEvent(SummaryId, By);

public sealed record SummaryChangesAsked(Guid SummaryId, string By, Guid RequestId, Guid ReviewId, string Gist) : SummaryEvent(SummaryId, By);

/// <summary>The summary became final and went to the requester; a re-run's later version too.</summary>
public sealed record SummaryDelivered(Guid SummaryId, string By, Guid RequestId, int Version) : SummaryEvent(SummaryId, By);

/// <summary>Raised by the reminder service: the date the authors set to re-run or review it has come.</summary>
public sealed record SummaryReviewDue(Guid SummaryId, Guid RequestId, DateOnly ReviewDate) : SummaryEvent(SummaryId, "system:reminders");

/// <summary>Shared beyond the requester, or taken back (<paramref name="To"/> RequesterOnly).</summary>
public sealed record SummaryPublished(Guid SummaryId, string By, Guid RequestId, SummaryVisibility From, SummaryVisibility To) : SummaryEvent(SummaryId, By);
