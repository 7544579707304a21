using Portal.Core;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Summaries;

/// <summary>Who writes and reviews search summaries. Reading is decided per summary by <see cref="SummaryAccess"/>.</summary>
public sealed class SummariesPermissions : IPermissionProvider
{
    public static readonly Permission WriteSummaries = new(
        "WriteSummaries", "Write the search summary of a request you hold, import its references, ask for a review, deliver it and re-run a final one", [Roles.Librarian]);

    public static readonly Permission ReviewSummaries = new(
        "ReviewSummaries", "Peer review another librarian's search on the PRESS checklist, then approve it or ask for changes", [Roles.Librarian]);

    public IEnumerable<Permission> Permissions => [WriteSummaries, ReviewSummaries];
}
