using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Core.Requests;
using Portal.Core.WorkStreams;
using Portal.Web.Features.WorkStreams;

namespace Portal.Web.Features.Requests;

/// <summary>
/// The signed-in person and what their permissions let them do with work streams and requests.
/// Relationships (requester, lead) are checked here too; states are the entity's business.
/// </summary>
public sealed record Viewer(
    string UserId,
    bool MayRequestEvidence,
    bool ViewsAllRequests,
    bool ManagesAllRequests,
    bool MayCreateWorkStreams,
    bool EditsOwnWorkStreams,
    bool EditsAllWorkStreams,
    bool MayClaim = false,
    bool MayAssign = false,
    bool ViewsPipeline = false)
{
    public static async Task<Viewer> ForAsync(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        async Task<bool> Holds(Infrastructure.Authorization.Permission permission) =>
            (await authorization.AuthorizeAsync(user, permission.Name)).Succeeded;

        return new Viewer(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
            await Holds(RequestsPermissions.RequestEvidence),
            await Holds(RequestsPermissions.ViewAllRequests),
            await Holds(RequestsPermissions.ManageAllRequests),
            await Holds(WorkStreamsPermissions.CreateWorkStreams),
            await Holds(WorkStreamsPermissions.EditOwnWorkStreams),
            await Holds(WorkStreamsPermissions.EditAllWorkStreams),
            await Holds(Librarians.LibrariansPermissions.ClaimRequests),
            await Holds(Librarians.LibrariansPermissions.AssignRequests),
            await Holds(Librarians.LibrariansPermissions.ViewPipeline));
    }

    /// <summary>Its requester, the leads of its work stream, and those who see every request.</summary>
    public bool MaySee(EvidenceRequest request, WorkStream workStream) =>
        ViewsAllRequests || request.RequesterId == UserId || workStream.IsLedBy(UserId);

    /// <summary>Whether any of a work stream's requests can be shown to this person at all.</summary>
    public bool MaySeeRequestsOf(WorkStream workStream) => ViewsAllRequests || workStream.IsLedBy(UserId);

    /// <summary>New requests go to active work streams that the person leads, or to any for coordinators.</summary>
    public bool MayRequestFor(WorkStream workStream) =>
        MayRequestEvidence && workStream.Status == WorkStreamStatus.Active && (ManagesAllRequests || workStream.IsLedBy(UserId));

    /// <summary>A lead of the request's work stream, or a coordinator, closes it as answered by a summary.</summary>
    public bool MayCloseAsAnswered(WorkStream workStream) =>
        ManagesAllRequests || (MayRequestEvidence && workStream.IsLedBy(UserId));

    /// <summary>
    /// Who takes part in the reference conversation on a request: its requester, claimant and
    /// mentor, the leads of its work stream, and those who manage every request.
    /// </summary>
    public bool TakesPartIn(EvidenceRequest request, WorkStream workStream) =>
        ManagesAllRequests || request.RequesterId == UserId || request.ClaimantId == UserId || request.MentorId == UserId || workStream.IsLedBy(UserId);

    public bool MayEdit(WorkStream workStream) =>
        EditsAllWorkStreams || (EditsOwnWorkStreams && workStream.IsLedBy(UserId));
}
