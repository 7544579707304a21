using Portal.Core.Requests;

namespace Portal.Core.Summaries;

/// <summary>
/// When a reviewer's approval must come before delivery. By default: when the author is a mentee
/// (the request has a mentor, or their profile says they seek mentoring) or the requester asked
/// for a peer-reviewed search. Otherwise the claimant may deliver straight from Claimed.
/// </summary>
public sealed record ReviewPolicy(bool RequireForMentees = true, bool RequireWhenAsked = true, bool RequireAlways = false)
{
    public static ReviewPolicy Default { get; } = new();

    public bool RequiresApproval(EvidenceRequest request, bool authorSeeksMentoring)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RequireAlways
            || (RequireForMentees && (request.MentorId is not null || authorSeeksMentoring))
            || (RequireWhenAsked && request.Details.PeerReview);
    }

    /// <summary>Why approval is needed, for the author's page; null when it is not.</summary>
    public string? Reason(EvidenceRequest request, bool authorSeeksMentoring)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RequireAlways)
        {
            return "Every search is peer reviewed before delivery.";
        }

        if (RequireWhenAsked && request.Details.PeerReview)
        {
            return "The requester asked for a peer-reviewed search.";
        }

        return RequireForMentees && (request.MentorId is not null || authorSeeksMentoring)
            ? "Searches by librarians being mentored are reviewed before delivery."
            : null;
    }
}
