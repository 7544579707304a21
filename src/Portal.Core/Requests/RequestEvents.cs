using Portal.Core.Events;

namespace Portal.Core.Requests;

/// <summary>Something that happened to an evidence request, by whom. Every one is audited and re-indexed.</summary>
public abstract record RequestEvent(Guid RequestId, string By) : IContentChangedEvent
{
    public string SubjectType => nameof(EvidenceRequest);

    public string SubjectId => RequestId.ToString();

    public bool Removed => false;
}

public sealed record RequestDrafted(Guid RequestId, string By, Guid WorkStreamId) : RequestEvent(RequestId, By);

public sealed record RequestEdited(Guid RequestId, string By, RequestState State, IReadOnlyList<FieldChange> Changes) : RequestEvent(RequestId, By);

public sealed record RequestSubmitted(Guid RequestId, string By, Guid WorkStreamId) : RequestEvent(RequestId, By);

public sealed record RequestWithdrawn(Guid RequestId, string By, RequestState From, string? Reason) : RequestEvent(RequestId, By);

public sealed record RequestClosedAsAnswered(Guid RequestId, string By, Guid AnsweredBySummaryId, string? Reason) : RequestEvent(RequestId, By);

public sealed record RequestClaimed(Guid RequestId, string By, string ClaimantId, string? MentorId = null) : RequestEvent(RequestId, By);

public sealed record RequestMentorJoined(Guid RequestId, string By) : RequestEvent(RequestId, By);

/// <summary>Why coordinators were alerted about a request.</summary>
public enum EscalationReason
{
    /// <summary>Submitted and nobody has claimed it for the configured number of days.</summary>
    Unclaimed = 0,

    /// <summary>Claimed and past its deadline.</summary>
    Overdue = 1,
}

/// <summary>Raised by the escalation service, not a person; <paramref name="Days"/> waited unclaimed or overdue.</summary>
public sealed record RequestEscalated(Guid RequestId, EscalationReason Reason, int Days) : RequestEvent(RequestId, "system:escalation");

/// <summary>Raised by the reminder service: the claimant's deadline is close.</summary>
public sealed record RequestDeadlineNear(Guid RequestId, string ClaimantId, DateOnly Deadline) : RequestEvent(RequestId, "system:reminders");

/// <summary>A message in the reference conversation; not a change to the request, so it does not re-index it.</summary>
public sealed record RequestMessagePosted(Guid RequestId, Guid MessageId, string AuthorId, RequestMessageKind Kind) : IDomainEvent
{
    public string SubjectType => nameof(EvidenceRequest);

    public string SubjectId => RequestId.ToString();
}

public sealed record TimeRecorded(Guid RequestId, Guid TimeRecordId, string LibrarianId, int Minutes) : IDomainEvent
{
    public string SubjectType => nameof(EvidenceRequest);

    public string SubjectId => RequestId.ToString();
}

public sealed record RequestReleased(Guid RequestId, string By, string FormerClaimantId, string Reason) : RequestEvent(RequestId, By);

public sealed record RequestAssigned(Guid RequestId, string By, string? FormerClaimantId, string ClaimantId, string Reason) : RequestEvent(RequestId, By);

public sealed record RequestAwaitingRequester(Guid RequestId, string By, string Question) : RequestEvent(RequestId, By);

public sealed record RequestAnswered(Guid RequestId, string By, TimeSpan Paused) : RequestEvent(RequestId, By);

public sealed record RequestSentForReview(Guid RequestId, string By) : RequestEvent(RequestId, By);

public sealed record RequestChangesAsked(Guid RequestId, string By, string Reason) : RequestEvent(RequestId, By);

public sealed record RequestDelivered(Guid RequestId, string By) : RequestEvent(RequestId, By);

public sealed record RequestClosed(Guid RequestId, string By, string? Reason) : RequestEvent(RequestId, By);

public sealed record RequestSharingConsentChanged(Guid RequestId, string By, Summaries.SummaryVisibility From, Summaries.SummaryVisibility To) : RequestEvent(RequestId, By);

/// <summary>Raised by the impact service: the requester is sent the impact form, or reminded of it.</summary>
public sealed record RequestImpactAsked(Guid RequestId, string RequesterId, bool Reminder) : RequestEvent(RequestId, "system:impact");
