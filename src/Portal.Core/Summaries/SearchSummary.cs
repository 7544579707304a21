using Portal.Core.Events;
using Portal.Core.Requests;

namespace Portal.Core.Summaries;

/// <summary>
/// The product of a request: a search another searcher could trust and re-run, its findings and
/// its references. Draft → InReview → Final. A re-run of a final summary is a new version that
/// keeps the earlier one. Methods that move the first version also move its request
/// (InReview, back to Claimed, Delivered), so the two never disagree.
/// </summary>
public sealed class SearchSummary : Entity
{
    private List<string> _authors = [];

    private SearchSummary()
    {
        Content = null!;
        FindingsHtml = string.Empty;
    }

    private SearchSummary(Guid id, Guid requestId, Guid seriesId, int versionNumber, Guid? previousVersionId, IEnumerable<string> authors, SummaryContent content, string findingsHtml, DateTimeOffset now)
    {
        Id = id;
        RequestId = requestId;
        SeriesId = seriesId;
        VersionNumber = versionNumber;
        PreviousVersionId = previousVersionId;
        _authors = authors.Distinct(StringComparer.Ordinal).ToList();
        Content = content;
        FindingsHtml = findingsHtml;
        State = SummaryState.Draft;
        Visibility = SummaryVisibility.RequesterOnly;
        CreatedAt = UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    /// <summary>The id of the first version; every re-run shares it.</summary>
    public Guid SeriesId { get; private set; }

    /// <summary>1 for the first search, then 2, 3… for each re-run.</summary>
    public int VersionNumber { get; private set; }

    public Guid? PreviousVersionId { get; private set; }

    public SummaryState State { get; private set; }

    public SummaryVisibility Visibility { get; private set; }

    public SummaryContent Content { get; private set; }

    /// <summary>The findings rendered from Markdown and sanitised when saved, so reading never renders.</summary>
    public string FindingsHtml { get; private set; }

    /// <summary>Who wrote it: whoever started it first, then anyone the request passed to.</summary>
    public IReadOnlyList<string> Authors => _authors;

    public string? ReviewerId { get; private set; }

    public DateTimeOffset? ReviewAskedAt { get; private set; }

    /// <summary>Set when the reviewer approves; cleared when the search goes back for changes.</summary>
    public DateTimeOffset? ApprovedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>When the authors were reminded that the review date had come; once per version.</summary>
    public DateTimeOffset? ReviewRemindedAt { get; private set; }

    /// <summary>
    /// The summary's stable address part, given when it is first published and kept through title
    /// edits and re-runs: every version of a series shares it.
    /// </summary>
    public string? Slug { get; private set; }

    /// <summary>When this version was last published beyond the requester; null while it is for the requester only.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Bumped by every change; a save that finds another version was overtaken (409).</summary>
    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsApproved => ApprovedAt is not null;

    public bool IsAuthor(string? userId) => userId is not null && _authors.Contains(userId);

    /// <summary>
    /// The claimant starts the first summary of a request they hold. The question comes from the
    /// request and can be edited. A recipe passes a fixed <paramref name="id"/>.
    /// </summary>
    public static SearchSummary Start(EvidenceRequest request, string by, DateTimeOffset now, Guid? id = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (request.ClaimantId != by)
        {
            throw new DomainException("Only the librarian who claimed the request writes its summary.", RuleViolationKind.NotYours);
        }

        if (request.State is not (RequestState.Claimed or RequestState.AwaitingRequester))
        {
            throw new DomainException($"A summary can be started while the request is claimed, not while it is {EvidenceRequest.StateName(request.State)}.", RuleViolationKind.WrongState);
        }

        var summaryId = id ?? Guid.NewGuid();
        var summary = new SearchSummary(summaryId, request.Id, summaryId, 1, null, [by], SummaryContent.ForRequest(request), string.Empty, now);
        summary.Raise(new SummaryStarted(summaryId, by, request.Id, 1));
        return summary;
    }

    /// <summary>
    /// An author replaces what is written. <paramref name="findingsHtml"/> is the findings rendered
    /// and sanitised by the caller (the core does not render Markdown).
    /// </summary>
    public void Edit(string by, SummaryContent content, string findingsHtml, DateTimeOffset now)
    {
        RequireAuthor(by, "edit");
        RequireDraft("edited");
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(findingsHtml);
        var next = content.Normalised();
        var errors = next.Check();
        if (errors.Count > 0)
        {
            throw new DomainException(errors[0].Message);
        }

        if (next == Content && findingsHtml == FindingsHtml)
        {
            return;
        }

        Content = next;
        FindingsHtml = findingsHtml;
        Touch(now);
        Raise(new SummaryEdited(Id, by));
    }

    /// <summary>An author records that references were imported or removed; the list itself is its own table.</summary>
    public void NoteReferencesChanged(string by, int imported, int rejected, int removed, DateTimeOffset now)
    {
        RequireAuthor(by, "change the references of");
        RequireDraft("changed");
        Touch(now);
        if (removed > 0)
        {
            Raise(new ReferencesRemoved(Id, by, removed));
        }

        if (imported > 0 || rejected > 0)
        {
            Raise(new ReferencesImported(Id, by, imported, rejected));
        }
    }

    /// <summary>
    /// An author asks a librarian to peer review the search. When the request has a mentor, the
    /// mentor reviews. The first version's request goes into review with it.
    /// </summary>
    public void AskForReview(EvidenceRequest request, string by, string reviewerId, DateTimeOffset now)
    {
        RequireOwnRequest(request);
        RequireAuthor(by, "ask for a review of");
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewerId);
        if (State == SummaryState.InReview)
        {
            throw new DomainException("This summary is already with its reviewer.", RuleViolationKind.WrongState);
        }

        RequireDraft("sent for review");
        if (IsAuthor(reviewerId))
        {
            throw new DomainException("Choose a reviewer who is not an author of the summary.");
        }

        if (request.MentorId is { } mentor && mentor != reviewerId && !IsAuthor(mentor))
        {
            throw new DomainException("The mentor on this request reviews the search.");
        }

        RequireComplete();
        if (IsFirstVersion)
        {
            request.SendForReview(by, now);
        }

        State = SummaryState.InReview;
        ReviewerId = reviewerId;
        ReviewAskedAt = now;
        ApprovedAt = null;
        Touch(now);
        Raise(new SummaryReviewAsked(Id, by, RequestId, reviewerId));
    }

    /// <summary>The reviewer approves the search on the completed PRESS form. The author then delivers.</summary>
    public PeerReview Approve(string by, IEnumerable<PressItem> items, string? overallComment, DateTimeOffset now)
    {
        RequireReviewer(by);
        if (IsApproved)
        {
            throw new DomainException("You have already approved this search.", RuleViolationKind.WrongState);
        }

        var review = PeerReview.Complete(Id, by, items, overallComment, ReviewOutcome.Approved, now);
        ApprovedAt = now;
        Touch(now);
        Raise(new SummaryApproved(Id, by, RequestId, review.Id));
        return review;
    }

    /// <summary>The reviewer sends the search back on the completed PRESS form; the first version's request returns to Claimed.</summary>
    public PeerReview AskForChanges(EvidenceRequest request, string by, IEnumerable<PressItem> items, string? overallComment, DateTimeOffset now)
    {
        RequireOwnRequest(request);
        RequireReviewer(by);
        var review = PeerReview.Complete(Id, by, items, overallComment, ReviewOutcome.ChangesRequested, now);
        if (IsFirstVersion)
        {
            request.AskForChanges(by, review.Gist(), now);
        }

        State = SummaryState.Draft;
        ApprovedAt = null;
        Touch(now);
        Raise(new SummaryChangesAsked(Id, by, RequestId, review.Id, review.Gist()));
        return review;
    }

    /// <summary>
    /// An author delivers the summary to the requester: it becomes final. When approval is required
    /// it must have been approved; otherwise it may go straight from the draft. The first version
    /// delivers its request (only the claimant does that).
    /// </summary>
    public void Deliver(EvidenceRequest request, string by, bool approvalRequired, DateTimeOffset now)
    {
        RequireOwnRequest(request);
        RequireAuthor(by, "deliver");
        if (State == SummaryState.Final)
        {
            throw new DomainException("This summary has already been delivered.", RuleViolationKind.WrongState);
        }

        if (State == SummaryState.InReview && !IsApproved)
        {
            throw new DomainException("This summary is with its reviewer. It can be delivered once they approve it.", RuleViolationKind.WrongState);
        }

        if (approvalRequired && !IsApproved)
        {
            throw new DomainException("This search must be approved by a peer reviewer before it is delivered. Ask for a review first.", RuleViolationKind.WrongState);
        }

        RequireComplete();
        if (IsFirstVersion)
        {
            request.Deliver(by, now);
        }

        State = SummaryState.Final;
        DeliveredAt = now;
        Touch(now);
        Raise(new SummaryDelivered(Id, by, RequestId, VersionNumber));
    }

    /// <summary>
    /// An author or a librarian re-runs a final summary: a new draft version with the same question,
    /// strategies and findings to update, and no search dates or hits (they will be its own). The
    /// earlier version stays as it was. References are copied by the caller.
    /// </summary>
    public SearchSummary StartRerun(string by, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (State != SummaryState.Final)
        {
            throw new DomainException("Only a final summary can be re-run. Finish this one first.", RuleViolationKind.WrongState);
        }

        var content = Content with
        {
            Search = Content.Search with
            {
                Sources = Content.Search.Sources.Select(s => s with { DateRun = null, Hits = null }).ToList(),
                RecordsFound = null,
                RecordsAfterDeduplication = null,
                RecordsSelected = null,
            },
            ReviewDate = null,
        };
        var next = new SearchSummary(Guid.NewGuid(), RequestId, SeriesId, VersionNumber + 1, Id, [by, .. _authors], content, FindingsHtml, now) { Slug = Slug };
        next.Raise(new SummaryStarted(next.Id, by, RequestId, next.VersionNumber));
        return next;
    }

    /// <summary>
    /// An author or a coordinator shares a final summary with members or the public, as far as the
    /// requester agreed, or takes it back to the requester only. The first publication of a series
    /// fixes its <paramref name="slug"/> (chosen free by the caller); later ones keep it.
    /// </summary>
    public void Publish(EvidenceRequest request, string by, bool byCoordinator, SummaryVisibility visibility, string slug, DateTimeOffset now)
    {
        RequireOwnRequest(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!byCoordinator && !IsAuthor(by))
        {
            throw new DomainException("Only an author of the summary or a coordinator can publish it.", RuleViolationKind.NotYours);
        }

        if (!Enum.IsDefined(visibility))
        {
            throw new DomainException("Choose who may read the summary: the requester only, members or the public.");
        }

        if (State != SummaryState.Final)
        {
            throw new DomainException("Only a delivered summary can be published. Deliver it to the requester first.", RuleViolationKind.WrongState);
        }

        if (visibility > request.SharingConsent)
        {
            throw new DomainException(request.SharingConsent == SummaryVisibility.RequesterOnly
                ? "The requester has not agreed to share this summary. Ask them to give their consent on the request page."
                : "The requester agreed to share this summary with members only, not the public.", RuleViolationKind.WrongState);
        }

        if (visibility == Visibility)
        {
            return;
        }

        var from = Visibility;
        Visibility = visibility;
        Slug ??= Portal.Core.Slug.From(slug) is { Length: > 0 } clean ? clean : throw new ArgumentException("A slug needs letters or digits.", nameof(slug));
        PublishedAt = visibility == SummaryVisibility.RequesterOnly ? null : now;
        Touch(now);
        Raise(new SummaryPublished(Id, by, RequestId, from, visibility));
    }

    /// <summary>Makes the librarian a request passed to an author of its unfinished summary.</summary>
    public void AddAuthor(string userId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (State == SummaryState.Final || IsAuthor(userId))
        {
            return;
        }

        _authors.Add(userId);
        if (ReviewerId == userId && State == SummaryState.Draft)
        {
            ReviewerId = null;
        }

        Touch(now);
        Raise(new SummaryEdited(Id, userId));
    }

    /// <summary>
    /// Tells the authors, once per version, that the date they set to re-run or review the search
    /// has come. Returns false when there is nothing to do. The caller skips superseded versions.
    /// </summary>
    public bool RemindOfReviewDate(DateTimeOffset now)
    {
        if (State != SummaryState.Final || ReviewRemindedAt is not null || Content.ReviewDate is not { } due || DateOnly.FromDateTime(now.UtcDateTime) < due)
        {
            return false;
        }

        ReviewRemindedAt = now;
        Touch(now);
        Raise(new SummaryReviewDue(Id, RequestId, due));
        return true;
    }

    private bool IsFirstVersion => VersionNumber == 1;

    private void RequireComplete()
    {
        var errors = Content.CheckComplete();
        if (errors.Count > 0)
        {
            throw new DomainException(errors[0].Message);
        }
    }

    private void RequireOwnRequest(EvidenceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Id != RequestId)
        {
            throw new ArgumentException("The summary belongs to another request.", nameof(request));
        }
    }

    private void RequireAuthor(string by, string action)
    {
        if (!IsAuthor(by))
        {
            throw new DomainException($"Only an author of the summary can {action} it.", RuleViolationKind.NotYours);
        }
    }

    private void RequireReviewer(string by)
    {
        if (State != SummaryState.InReview)
        {
            throw new DomainException(State == SummaryState.Final
                ? "This summary has already been delivered."
                : "This summary is not waiting for a review.", RuleViolationKind.WrongState);
        }

        if (by != ReviewerId)
        {
            throw new DomainException("Only the reviewer the author asked can review this search.", RuleViolationKind.NotYours);
        }
    }

    private void RequireDraft(string action)
    {
        switch (State)
        {
            case SummaryState.InReview:
                throw new DomainException($"This summary is with its reviewer, so it cannot be {action}. The reviewer can send it back for changes.", RuleViolationKind.WrongState);
            case SummaryState.Final:
                throw new DomainException($"A final summary cannot be {action}. Start a re-run to make a new version.", RuleViolationKind.WrongState);
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
