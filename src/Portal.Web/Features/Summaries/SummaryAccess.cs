using Portal.Core.Requests;
using Portal.Core.Summaries;
using Portal.Core.WorkStreams;
using Portal.Web.Features.Requests;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// Who may do what with one summary. Librarians, coordinators and administrators (who see every
/// request) read summaries in any state, so searches are shared as they go. The requester and the
/// leads of the work stream read it once it is final — delivered to them. Authors edit; the
/// reviewer the author asked reviews. Publication beyond the requester is a later step.
/// </summary>
public sealed record SummaryAccess(Viewer Viewer, bool MayWrite, bool MayReview)
{
    public bool MayRead(SearchSummary summary, EvidenceRequest request, WorkStream workStream) =>
        Viewer.ViewsAllRequests
        || summary.IsAuthor(Viewer.UserId)
        || summary.ReviewerId == Viewer.UserId
        || (summary.State == SummaryState.Final && Viewer.MaySee(request, workStream));

    /// <summary>Authors who still hold the permission change the summary; the entity checks its state.</summary>
    public bool MayEdit(SearchSummary summary) => MayWrite && summary.IsAuthor(Viewer.UserId);

    public bool MayReviewNow(SearchSummary summary) =>
        MayReview && summary.State == SummaryState.InReview && summary.ReviewerId == Viewer.UserId;

    /// <summary>The claimant of a claimed request with no summary yet starts one.</summary>
    public bool MayStart(EvidenceRequest request) =>
        MayWrite && request.ClaimantId == Viewer.UserId && request.State is RequestState.Claimed or RequestState.AwaitingRequester;

    /// <summary>Any librarian may re-run a final summary: its authors may have moved on.</summary>
    public bool MayRerun(SearchSummary summary) => MayWrite && summary.State == SummaryState.Final;

    /// <summary>
    /// Abstracts from licensed databases are for the requester and the people doing the work; every
    /// reader here is one of those until summaries are published beyond them.
    /// </summary>
    public bool SeesAbstracts(SearchSummary summary, EvidenceRequest request, WorkStream workStream) => MayRead(summary, request, workStream);
}
