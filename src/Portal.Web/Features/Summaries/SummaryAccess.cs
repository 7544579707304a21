using Portal.Core.Requests;
using Portal.Core.Summaries;
using Portal.Core.WorkStreams;
using Portal.Web.Features.Requests;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// Who may do what with one summary. Librarians, coordinators and administrators (who see every
/// request) read summaries in any state, so searches are shared as they go. The requester and the
/// leads of the work stream read it once it is final — delivered to them. Authors edit; the
/// reviewer the author asked reviews. Beyond them, a final summary published to members is read by
/// anyone signed in (<paramref name="IsMember"/>: holds ViewWorkStreams, which every role has), and
/// one published to the public by anyone, signed in or not — as far as the requester's consent
/// still goes, so taking consent back hides it at once.
/// </summary>
public sealed record SummaryAccess(Viewer Viewer, bool MayWrite, bool MayReview, bool IsMember = false)
{
    public bool MayRead(SearchSummary summary, EvidenceRequest request, WorkStream workStream) =>
        TakesPart(summary, request, workStream) || ReadsPublished(summary, request);

    /// <summary>
    /// The people the summary was written for or by: they read it without publication and see
    /// abstracts from licensed databases.
    /// </summary>
    public bool TakesPart(SearchSummary summary, EvidenceRequest request, WorkStream workStream) =>
        Viewer.ViewsAllRequests
        || summary.IsAuthor(Viewer.UserId)
        || summary.ReviewerId == Viewer.UserId
        || (summary.State == SummaryState.Final && Viewer.MaySee(request, workStream));

    /// <summary>Reads the summary only because it is published to them.</summary>
    public bool ReadsPublished(SearchSummary summary, EvidenceRequest request) =>
        summary.State == SummaryState.Final && EffectiveVisibility(summary, request) switch
        {
            SummaryVisibility.Public => true,
            SummaryVisibility.Members => IsMember,
            _ => false,
        };

    /// <summary>Who may read the summary now: what it was published to, no further than the requester's consent.</summary>
    public static SummaryVisibility EffectiveVisibility(SearchSummary summary, EvidenceRequest request) =>
        summary.Visibility <= request.SharingConsent ? summary.Visibility : request.SharingConsent;

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
    /// Coordinators (ManageAllRequests: they close requests as answered and stand behind what the
    /// club shares) publish any summary; authors publish their own.
    /// </summary>
    public bool IsCoordinator => Viewer.ManagesAllRequests;

    public bool MayPublish(SearchSummary summary) =>
        summary.State == SummaryState.Final && (IsCoordinator || summary.IsAuthor(Viewer.UserId));

    /// <summary>
    /// Abstracts from licensed databases are for the requester and the people doing the work, never
    /// for readers who are there only because the summary is published.
    /// </summary>
    public bool SeesLicensedAbstracts(SearchSummary summary, EvidenceRequest request, WorkStream workStream) => TakesPart(summary, request, workStream);
}
