using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Summaries;
using Portal.Data;
using Portal.Theming.TagHelpers;
using Portal.Web.Features.Librarians;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// Builds what the summary page shows of review, delivery and re-runs for the person looking, and
/// the reviewer's PRESS form page. Only what that person may do is offered; a disabled action says why.
/// </summary>
public sealed class SummaryWorkflowPanels(PortalDbContext db, SummaryWorkflow workflow, SummaryReviewers reviewers, LibrarianDirectory librarians, ReviewPolicy policy)
{
    /// <summary>The panel, or null when the person may not read the summary.</summary>
    public async Task<SummaryWorkflowPanel?> ForAsync(SummaryAccess access, Guid id, string? chosenReviewer, ITempDataDictionary? tempData, CancellationToken cancellationToken)
    {
        var found = await workflow.FindAsync(access, id, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var (summary, request, workStream) = found;
        var me = access.Viewer.UserId;
        var isAuthor = access.MayEdit(summary);
        // The PRESS reviews are the working record of the people doing the search, not part of what is published.
        var seesReviews = access.Viewer.ViewsAllRequests || summary.IsAuthor(access.Viewer.UserId) || summary.ReviewerId == access.Viewer.UserId
            || request.RequesterId == access.Viewer.UserId;
        var reviews = seesReviews ? await ReviewsAsync(id, cancellationToken) : [];
        // The newest later version this person may read: a requester is not shown a re-run still in draft.
        var later = await db.SearchSummaries.AsNoTracking()
            .Where(s => s.SeriesId == summary.SeriesId && s.VersionNumber > summary.VersionNumber)
            .OrderByDescending(s => s.VersionNumber).ToListAsync(cancellationToken);
        var newestReadable = later.FirstOrDefault(s => access.MayRead(s, request, workStream));
        var newest = newestReadable?.VersionNumber ?? summary.VersionNumber;
        var newestId = newestReadable?.Id;
        var names = await db.DisplayNamesAsync(
            summary.Authors.Concat(new[] { summary.ReviewerId, request.MentorId, request.ClaimantId }.OfType<string>()), cancellationToken);
        string Name(string userId) => names.GetValueOrDefault(userId, "A librarian");

        IReadOnlyList<SelectOption> choices = [];
        string? approvalReason = null;
        string? deliverBlocked = null;
        if (isAuthor && summary.State != SummaryState.Final)
        {
            var seeksMentoring = (await librarians.ProfileOrDefaultAsync(me, tracked: false, cancellationToken)).SeeksMentoring;
            approvalReason = policy.Reason(request, seeksMentoring);
            if (summary.State == SummaryState.Draft)
            {
                choices = await reviewers.ChoicesAsync([.. summary.Authors, request.RequesterId], cancellationToken);
            }

            var incomplete = summary.Content.CheckComplete();
            deliverBlocked = summary switch
            {
                { State: SummaryState.InReview, IsApproved: false } =>
                    $"{Name(summary.ReviewerId!)} is reviewing the search. You can deliver it once they approve it.",
                { IsApproved: false } when approvalReason is not null =>
                    "The search must be approved by a peer reviewer before it is delivered. Ask for a peer review first.",
                _ when incomplete.Count > 0 => $"Finish the summary first: {incomplete[0].Message}.",
                { VersionNumber: 1 } when request.ClaimantId != me =>
                    $"Only {(request.ClaimantId is { } holder ? Name(holder) : "the librarian holding the request")}, who holds the request, can deliver it.",
                _ => null,
            };
        }

        return new SummaryWorkflowPanel(
            summary.Id,
            summary.Content.Title,
            summary.State,
            summary.VersionNumber,
            summary.PreviousVersionId,
            newestId is null ? null : new VersionLink(newestId.Value, newest),
            Notice(tempData),
            summary.Authors.Select(Name).ToList(),
            summary.ReviewerId is { } reviewer ? Name(reviewer) : null,
            summary.ReviewAskedAt,
            summary.ApprovedAt,
            summary.DeliveredAt,
            isAuthor,
            MayAskForReview: isAuthor && summary.State == SummaryState.Draft,
            choices,
            chosenReviewer ?? request.MentorId ?? summary.ReviewerId,
            request.MentorId is { } mentor ? Name(mentor) : null,
            approvalReason,
            ShowDeliver: isAuthor && summary.State != SummaryState.Final,
            deliverBlocked,
            MayRerun: access.MayRerun(summary) && newestId is null,
            MayReview: access.MayReviewNow(summary),
            reviews);
    }

    /// <summary>The reviewer's form page with the strategies under review, or null when the person may not read the summary.</summary>
    public async Task<SummaryReviewPage?> ReviewPageAsync(SummaryAccess access, Guid id, PressReviewForm? form, CancellationToken cancellationToken)
    {
        var found = await workflow.FindAsync(access, id, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var summary = found.Summary;
        var names = await db.DisplayNamesAsync(summary.Authors, cancellationToken);
        return new SummaryReviewPage(
            summary.Id,
            summary.Content.Title,
            summary.Content.Question,
            summary.VersionNumber,
            summary.Authors.Select(a => names.GetValueOrDefault(a, "A librarian")).ToList(),
            summary.Content.Search,
            summary.State,
            access.MayReviewNow(summary),
            form ?? new PressReviewForm(),
            await ReviewsAsync(id, cancellationToken));
    }

    /// <summary>Every completed review of the summary, oldest first, with the reviewer's name.</summary>
    private async Task<IReadOnlyList<ReviewRecord>> ReviewsAsync(Guid summaryId, CancellationToken cancellationToken)
    {
        var rows = await db.PeerReviews.AsNoTracking().Where(r => r.SummaryId == summaryId).ToListAsync(cancellationToken);
        var names = await db.DisplayNamesAsync(rows.Select(r => r.ReviewerId), cancellationToken);
        return rows.OrderBy(r => r.CompletedAt)
            .Select(r => new ReviewRecord(r.Id, names.GetValueOrDefault(r.ReviewerId, "A librarian"), r.Outcome, r.CompletedAt, r.OverallComment, r.Items))
            .ToList();
    }

    private static WorkflowNotice? Notice(ITempDataDictionary? tempData) =>
        tempData?[WorkflowNotice.TextKey] is string text ? new WorkflowNotice(text, tempData[WorkflowNotice.KindKey] as string != "success") : null;
}

/// <summary>A banner after an action, carried over the redirect in TempData.</summary>
public sealed record WorkflowNotice(string Text, bool IsError)
{
    public const string TextKey = "summaries.workflow.notice";
    public const string KindKey = "summaries.workflow.notice.kind";
}

public sealed record VersionLink(Guid Id, int Number);

/// <summary>One completed PRESS review, as the history shows it.</summary>
public sealed record ReviewRecord(Guid Id, string ReviewerName, ReviewOutcome Outcome, DateTimeOffset CompletedAt, string? OverallComment, IReadOnlyList<PressItem> Items);

/// <summary>What the summary page shows of review, delivery and re-runs, for one person.</summary>
public sealed record SummaryWorkflowPanel(
    Guid SummaryId,
    string Title,
    SummaryState State,
    int VersionNumber,
    Guid? PreviousVersionId,
    VersionLink? NewerVersion,
    WorkflowNotice? Notice,
    IReadOnlyList<string> AuthorNames,
    string? ReviewerName,
    DateTimeOffset? ReviewAskedAt,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? DeliveredAt,
    bool IsAuthor,
    bool MayAskForReview,
    IReadOnlyList<SelectOption> Reviewers,
    string? ChosenReviewerId,
    string? MentorName,
    string? ApprovalReason,
    bool ShowDeliver,
    string? DeliverBlockedBecause,
    bool MayRerun,
    bool MayReview,
    IReadOnlyList<ReviewRecord> Reviews)
{
    public bool ApprovalRequired => ApprovalReason is not null;

    public bool HasAnything => IsAuthor || MayRerun || MayReview || Reviews.Count > 0 || Notice is not null || NewerVersion is not null || PreviousVersionId is not null;
}

/// <summary>The reviewer's page: the search under review and the PRESS form.</summary>
public sealed record SummaryReviewPage(
    Guid SummaryId,
    string Title,
    string Question,
    int VersionNumber,
    IReadOnlyList<string> AuthorNames,
    SearchReport Search,
    SummaryState State,
    bool MayReviewNow,
    PressReviewForm Form,
    IReadOnlyList<ReviewRecord> EarlierReviews);
