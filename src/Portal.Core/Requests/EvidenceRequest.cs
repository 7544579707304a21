using Portal.Core.Events;
using Portal.Core.WorkStreams;

namespace Portal.Core.Requests;

/// <summary>
/// A request for evidence: the work. Each state change is a method that checks the current state
/// and who is asking, says why not, and raises an event. Role permissions are checked at the edge.
/// </summary>
public sealed class EvidenceRequest : Entity
{
    private static readonly RequestState[] Withdrawable =
        [RequestState.Draft, RequestState.Submitted, RequestState.Claimed, RequestState.AwaitingRequester, RequestState.InReview];

    private EvidenceRequest()
    {
        RequesterId = string.Empty;
        Details = null!;
    }

    private EvidenceRequest(Guid id, Guid workStreamId, string requesterId, RequestDetails details, DateTimeOffset now)
    {
        Id = id;
        WorkStreamId = workStreamId;
        RequesterId = requesterId;
        Details = details;
        State = RequestState.Draft;
        CreatedAt = UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid WorkStreamId { get; private set; }

    public string RequesterId { get; private set; }

    public RequestDetails Details { get; private set; }

    public RequestState State { get; private set; }

    /// <summary>Bumped by every change; a save that finds another version was overtaken (409).</summary>
    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? ClaimantId { get; private set; }

    public DateTimeOffset? ClaimedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>Why it was closed or withdrawn, in the words of the person who did it.</summary>
    public string? EndReason { get; private set; }

    /// <summary>Set when a lead or coordinator closed it as answered by an existing summary (reuse).</summary>
    public Guid? AnsweredBySummaryId { get; private set; }

    /// <summary>When the request started waiting for the requester; the deadline does not run meanwhile.</summary>
    public DateTimeOffset? PausedSince { get; private set; }

    /// <summary>Time spent waiting for the requester in earlier pauses.</summary>
    public TimeSpan PausedTotal { get; private set; }

    /// <summary>A librarian who mentors the claimant on this request and reviews their search.</summary>
    public string? MentorId { get; private set; }

    /// <summary>When coordinators were told that nobody had claimed it; cleared when it goes back to the pool.</summary>
    public DateTimeOffset? EscalatedUnclaimedAt { get; private set; }

    /// <summary>When coordinators were told that the claim ran past its deadline; cleared by a new claim.</summary>
    public DateTimeOffset? EscalatedOverdueAt { get; private set; }

    /// <summary>When the claimant was reminded that the deadline is close; cleared by a new claim.</summary>
    public DateTimeOffset? DeadlineRemindedAt { get; private set; }

    /// <summary>How far the requester agreed its summary may be shared: the requester only (no consent yet), members, or the public.</summary>
    public Summaries.SummaryVisibility SharingConsent { get; private set; }

    public DateTimeOffset? SharingConsentAt { get; private set; }

    /// <summary>When the requester was sent the impact form; once per request.</summary>
    public DateTimeOffset? ImpactAskedAt { get; private set; }

    /// <summary>When the requester was reminded of the impact form; once.</summary>
    public DateTimeOffset? ImpactRemindedAt { get; private set; }

    /// <summary>When the requester answered the impact form; it is answered once.</summary>
    public DateTimeOffset? ImpactAnsweredAt { get; private set; }

    /// <summary>
    /// Starts a draft. The work stream must be active; the details must pass their checks. A recipe
    /// passes a fixed <paramref name="id"/> so that it finds the same request when it runs again.
    /// </summary>
    public static EvidenceRequest Draft(WorkStream workStream, string requesterId, RequestDetails details, DateTimeOffset now, TurnaroundRules turnaround, Guid? id = null)
    {
        ArgumentNullException.ThrowIfNull(workStream);
        ArgumentException.ThrowIfNullOrWhiteSpace(requesterId);
        if (workStream.Status != WorkStreamStatus.Active)
        {
            throw new DomainException($"The work stream {workStream.Title} is {workStream.Status.ToString().ToLowerInvariant()}, so it takes no new requests.", RuleViolationKind.Invalid);
        }

        var request = new EvidenceRequest(id ?? Guid.NewGuid(), workStream.Id, requesterId, CheckedDetails(details, now, turnaround), now);
        request.Raise(new RequestDrafted(request.Id, requesterId, workStream.Id));
        return request;
    }

    /// <summary>The deadline, moved on by the time spent waiting for the requester.</summary>
    public DateOnly EffectiveDeadline(DateTimeOffset now)
    {
        var paused = PausedTotal + (PausedSince is { } since ? now - since : TimeSpan.Zero);
        return Details.Deadline.AddDays((int)Math.Ceiling(paused.TotalDays));
    }

    public bool IsOpen => State is not (RequestState.Delivered or RequestState.Closed or RequestState.Withdrawn);

    public bool IsOverdue(DateTimeOffset now) =>
        IsOpen && State != RequestState.Draft && DateOnly.FromDateTime(now.UtcDateTime) > EffectiveDeadline(now);

    /// <summary>The requester changes the details while the request is a draft or submitted.</summary>
    public void Edit(string by, RequestDetails details, DateTimeOffset now, TurnaroundRules turnaround)
    {
        RequireRequester(by, "edit");
        RequireState("edited", RequestState.Draft, RequestState.Submitted);
        var next = CheckedDetails(details, now, turnaround);
        var changes = next.ChangesFrom(Details);
        if (changes.Count == 0)
        {
            return;
        }

        Details = next;
        Touch(now);
        Raise(new RequestEdited(Id, by, State, changes));
    }

    public void Submit(string by, DateTimeOffset now)
    {
        RequireRequester(by, "submit");
        if (State == RequestState.Submitted)
        {
            throw new DomainException("This request has already been submitted.", RuleViolationKind.WrongState);
        }

        RequireState("submitted", RequestState.Draft);
        if (Details.Deadline < DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainException("The deadline has passed. Choose a new deadline before submitting.", RuleViolationKind.Invalid);
        }

        State = RequestState.Submitted;
        SubmittedAt = now;
        Touch(now);
        Raise(new RequestSubmitted(Id, by, WorkStreamId));
    }

    /// <summary>The requester withdraws the request at any point before delivery.</summary>
    public void Withdraw(string by, string? reason, DateTimeOffset now)
    {
        RequireRequester(by, "withdraw");
        if (!Withdrawable.Contains(State))
        {
            throw new DomainException($"{AStateName(State)} request cannot be withdrawn.", RuleViolationKind.WrongState);
        }

        var from = State;
        State = RequestState.Withdrawn;
        WithdrawnAt = now;
        EndReason = Clean(reason);
        EndPause(now);
        Touch(now);
        Raise(new RequestWithdrawn(Id, by, from, EndReason));
    }

    /// <summary>A lead or coordinator closes a submitted request because a published summary already answers it.</summary>
    public void CloseAsAnswered(string by, Guid summaryId, string? reason, DateTimeOffset now)
    {
        RequireState("closed as answered", RequestState.Submitted);
        State = RequestState.Closed;
        ClosedAt = now;
        AnsweredBySummaryId = summaryId;
        EndReason = Clean(reason);
        Touch(now);
        Raise(new RequestClosedAsAnswered(Id, by, summaryId, EndReason));
    }

    /// <summary>
    /// A librarian claims a submitted request, optionally with a mentor who will review the search.
    /// The database makes the first claim win: the save is conditional on the version read here.
    /// </summary>
    public void Claim(string librarianId, DateTimeOffset now, string? mentorId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(librarianId);
        if (State != RequestState.Submitted)
        {
            throw new DomainException(ClaimantId is null
                ? $"{AStateName(State)} request cannot be claimed."
                : "This request has already been claimed.", RuleViolationKind.WrongState);
        }

        if (librarianId == RequesterId)
        {
            throw new DomainException("You cannot claim your own request.", RuleViolationKind.NotYours);
        }

        CheckMentor(librarianId, mentorId);
        State = RequestState.Claimed;
        ClaimantId = librarianId;
        ClaimedAt = now;
        MentorId = mentorId;
        EscalatedOverdueAt = null;
        DeadlineRemindedAt = null;
        Touch(now);
        Raise(new RequestClaimed(Id, librarianId, librarianId, mentorId));
    }

    /// <summary>A mentor joins a claimed request as the claimant's reviewer.</summary>
    public void JoinAsMentor(string mentorId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mentorId);
        RequireState("joined by a mentor", RequestState.Claimed, RequestState.AwaitingRequester, RequestState.InReview);
        if (MentorId is not null)
        {
            throw new DomainException(MentorId == mentorId
                ? "You are already mentoring this request."
                : "This request already has a mentor.", RuleViolationKind.WrongState);
        }

        CheckMentor(ClaimantId!, mentorId);
        MentorId = mentorId;
        Touch(now);
        Raise(new RequestMentorJoined(Id, mentorId));
    }

    /// <summary>The claimant gives the request back to the pool, saying why.</summary>
    public void Release(string by, string reason, DateTimeOffset now)
    {
        RequireClaimant(by, "release");
        RequireState("released", RequestState.Claimed);
        var reasonText = Required(reason, "Say why you are releasing the request");
        var former = ClaimantId!;
        State = RequestState.Submitted;
        ClaimantId = null;
        ClaimedAt = null;
        MentorId = null;
        EscalatedUnclaimedAt = null;
        Touch(now);
        Raise(new RequestReleased(Id, by, former, reasonText));
    }

    /// <summary>A coordinator gives a submitted or claimed request to a librarian, saying why.</summary>
    public void Assign(string by, string librarianId, string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(librarianId);
        RequireState("assigned", RequestState.Submitted, RequestState.Claimed);
        var reasonText = Required(reason, "Say why you are assigning the request");
        if (librarianId == ClaimantId)
        {
            throw new DomainException("The request is already with this librarian.", RuleViolationKind.Invalid);
        }

        if (librarianId == RequesterId)
        {
            throw new DomainException("A request cannot be assigned to the person who made it.", RuleViolationKind.Invalid);
        }

        var former = ClaimantId;
        State = RequestState.Claimed;
        ClaimantId = librarianId;
        ClaimedAt = now;
        EscalatedOverdueAt = null;
        DeadlineRemindedAt = null;
        if (MentorId == librarianId)
        {
            MentorId = null;
        }

        Touch(now);
        Raise(new RequestAssigned(Id, by, former, librarianId, reasonText));
    }

    /// <summary>The claimant asks the requester a question; the deadline pauses until the answer.</summary>
    public void AskRequester(string by, string question, DateTimeOffset now)
    {
        RequireClaimant(by, "ask the requester");
        RequireState("put on hold", RequestState.Claimed);
        var text = Required(question, "Enter your question for the requester");
        State = RequestState.AwaitingRequester;
        PausedSince = now;
        Touch(now);
        Raise(new RequestAwaitingRequester(Id, by, text));
    }

    /// <summary>The requester's answer returns the request to its claimant.</summary>
    public void Answer(string by, DateTimeOffset now)
    {
        RequireRequester(by, "answer");
        RequireState("answered", RequestState.AwaitingRequester);
        var paused = now - PausedSince!.Value;
        EndPause(now);
        State = RequestState.Claimed;
        Touch(now);
        Raise(new RequestAnswered(Id, by, paused));
    }

    // Review and delivery move with the request's summary (SearchSummary), never on their own.
    internal void SendForReview(string by, DateTimeOffset now)
    {
        RequireClaimant(by, "send for review");
        RequireState("sent for review", RequestState.Claimed);
        State = RequestState.InReview;
        Touch(now);
        Raise(new RequestSentForReview(Id, by));
    }

    /// <summary>The reviewer sends the work back to the claimant. The reviewer cannot be the claimant.</summary>
    internal void AskForChanges(string by, string reason, DateTimeOffset now)
    {
        if (by == ClaimantId)
        {
            throw new DomainException("Another librarian must review your search.", RuleViolationKind.NotYours);
        }

        RequireState("sent back", RequestState.InReview);
        var reasonText = Required(reason, "Say what needs to change");
        State = RequestState.Claimed;
        Touch(now);
        Raise(new RequestChangesAsked(Id, by, reasonText));
    }

    /// <summary>Only the claimant delivers: from Claimed when no review is required, or after review.</summary>
    internal void Deliver(string by, DateTimeOffset now)
    {
        RequireClaimant(by, "deliver");
        RequireState("delivered", RequestState.Claimed, RequestState.InReview);
        State = RequestState.Delivered;
        DeliveredAt = now;
        Touch(now);
        Raise(new RequestDelivered(Id, by));
    }

    /// <summary>A delivered request is closed by its requester (or a coordinator, checked at the edge).</summary>
    public void Close(string by, string? reason, DateTimeOffset now)
    {
        RequireState("closed", RequestState.Delivered);
        State = RequestState.Closed;
        ClosedAt = now;
        EndReason = Clean(reason);
        Touch(now);
        Raise(new RequestClosed(Id, by, EndReason));
    }

    /// <summary>
    /// The requester agrees that the summary delivered to them may be shared, with members or with
    /// the public (which includes members), or takes the agreement back (RequesterOnly).
    /// </summary>
    public void ConsentToSharing(string by, Summaries.SummaryVisibility scope, DateTimeOffset now)
    {
        RequireRequester(by, "agree to share the summary of");
        RequireState("shared", RequestState.Delivered, RequestState.Closed);
        if (!Enum.IsDefined(scope))
        {
            throw new DomainException("Choose who may read the summary: members or the public.");
        }

        if (scope == SharingConsent)
        {
            return;
        }

        var from = SharingConsent;
        SharingConsent = scope;
        SharingConsentAt = scope == Summaries.SummaryVisibility.RequesterOnly ? null : now;
        Touch(now);
        Raise(new RequestSharingConsentChanged(Id, by, from, scope));
    }

    /// <summary>
    /// Sends the requester the impact form, once, <paramref name="afterDays"/> days after delivery.
    /// Returns false when there is nothing to do.
    /// </summary>
    public bool AskForImpact(DateTimeOffset now, int afterDays)
    {
        if (State is not (RequestState.Delivered or RequestState.Closed) || DeliveredAt is not { } delivered
            || ImpactAskedAt is not null || ImpactAnsweredAt is not null || now - delivered < TimeSpan.FromDays(afterDays))
        {
            return false;
        }

        ImpactAskedAt = now;
        Touch(now);
        Raise(new RequestImpactAsked(Id, RequesterId, Reminder: false));
        return true;
    }

    /// <summary>Reminds the requester of the impact form, once, <paramref name="afterDays"/> days after it was sent, if still unanswered.</summary>
    public bool RemindOfImpact(DateTimeOffset now, int afterDays)
    {
        if (ImpactAskedAt is not { } asked || ImpactRemindedAt is not null || ImpactAnsweredAt is not null || now - asked < TimeSpan.FromDays(afterDays))
        {
            return false;
        }

        ImpactRemindedAt = now;
        Touch(now);
        Raise(new RequestImpactAsked(Id, RequesterId, Reminder: true));
        return true;
    }

    /// <summary>The requester answered the impact form; a second answer is refused. Called by <see cref="Impact.ImpactAnswer"/>.</summary>
    internal void RecordImpact(string by, DateTimeOffset now)
    {
        RequireRequester(by, "answer the impact form of");
        RequireState("asked about its impact", RequestState.Delivered, RequestState.Closed);
        if (ImpactAnsweredAt is not null)
        {
            throw new DomainException("The impact form for this request has already been answered. Thank you.", RuleViolationKind.WrongState);
        }

        ImpactAnsweredAt = now;
        Touch(now);
    }

    /// <summary>
    /// Tells coordinators, once, that a submitted request has waited <paramref name="afterDays"/>
    /// days or more without a claim. Returns false when there is nothing to flag.
    /// </summary>
    public bool FlagUnclaimed(DateTimeOffset now, int afterDays)
    {
        if (State != RequestState.Submitted || EscalatedUnclaimedAt is not null || SubmittedAt is not { } since || now - since < TimeSpan.FromDays(afterDays))
        {
            return false;
        }

        EscalatedUnclaimedAt = now;
        Touch(now);
        Raise(new RequestEscalated(Id, EscalationReason.Unclaimed, (int)(now - since).TotalDays));
        return true;
    }

    /// <summary>Tells coordinators, once per claim, that a claimed request is past its (paused) deadline.</summary>
    public bool FlagOverdue(DateTimeOffset now)
    {
        if (State is not (RequestState.Claimed or RequestState.InReview) || EscalatedOverdueAt is not null || !IsOverdue(now))
        {
            return false;
        }

        EscalatedOverdueAt = now;
        Touch(now);
        Raise(new RequestEscalated(Id, EscalationReason.Overdue, DateOnly.FromDateTime(now.UtcDateTime).DayNumber - EffectiveDeadline(now).DayNumber));
        return true;
    }

    /// <summary>The state's name after "a" or "an", capitalised to start a sentence: "An awaiting requester".</summary>
    private static string AStateName(RequestState state)
    {
        var name = StateName(state);
        return ("aeiou".Contains(name[0], StringComparison.Ordinal) ? "An " : "A ") + name;
    }

    /// <summary>
    /// Reminds the claimant, once per claim, when the (paused) deadline is <paramref name="daysBefore"/>
    /// days away or closer and the work is still with them. Returns false when there is nothing to do.
    /// </summary>
    public bool RemindOfDeadline(DateTimeOffset now, int daysBefore)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var deadline = EffectiveDeadline(now);
        if (State != RequestState.Claimed || DeadlineRemindedAt is not null || ClaimantId is null || today > deadline || deadline.DayNumber - today.DayNumber > daysBefore)
        {
            return false;
        }

        DeadlineRemindedAt = now;
        Touch(now);
        Raise(new RequestDeadlineNear(Id, ClaimantId, deadline));
        return true;
    }

    public static string StateName(RequestState state) => state switch
    {
        RequestState.AwaitingRequester => "awaiting requester",
        RequestState.InReview => "in review",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static RequestDetails CheckedDetails(RequestDetails details, DateTimeOffset now, TurnaroundRules turnaround)
    {
        ArgumentNullException.ThrowIfNull(details);
        var normalised = details.Normalised();
        var errors = normalised.Check(DateOnly.FromDateTime(now.UtcDateTime), turnaround);
        return errors.Count == 0 ? normalised : throw new DomainException(errors[0].Message, RuleViolationKind.Invalid);
    }

    private void RequireRequester(string by, string action)
    {
        if (by != RequesterId)
        {
            throw new DomainException($"Only the person who made the request can {action} it.", RuleViolationKind.NotYours);
        }
    }

    private void RequireClaimant(string by, string action)
    {
        if (by != ClaimantId)
        {
            throw new DomainException($"Only the librarian who claimed the request can {action} it.", RuleViolationKind.NotYours);
        }
    }

    private void CheckMentor(string claimantId, string? mentorId)
    {
        if (mentorId is null)
        {
            return;
        }

        if (mentorId == claimantId)
        {
            throw new DomainException("A librarian cannot mentor their own search.", RuleViolationKind.Invalid);
        }

        if (mentorId == RequesterId)
        {
            throw new DomainException("The person who made the request cannot mentor its search.", RuleViolationKind.Invalid);
        }
    }

    private void RequireState(string what, params RequestState[] allowed)
    {
        if (!allowed.Contains(State))
        {
            throw new DomainException($"{AStateName(State)} request cannot be {what}.", RuleViolationKind.WrongState);
        }
    }

    private void EndPause(DateTimeOffset now)
    {
        if (PausedSince is { } since)
        {
            PausedTotal += now - since;
            PausedSince = null;
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string Required(string? text, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainException(message) : text.Trim();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
