using Portal.Core;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Requests;

public sealed class RequestsPermissions : IPermissionProvider
{
    public static readonly Permission RequestEvidence = new(
        "RequestEvidence", "Draft, submit, edit and withdraw your own evidence requests for the work streams you lead", [Roles.Administrator, Roles.Coordinator, Roles.WorkStreamLead]);

    public static readonly Permission ViewAllRequests = new(
        "ViewAllRequests", "See every evidence request, not only your own and those of the work streams you lead", [Roles.Administrator, Roles.Coordinator, Roles.Librarian]);

    public static readonly Permission ManageAllRequests = new(
        "ManageAllRequests", "Request evidence for any work stream and close any submitted request as answered by an existing summary", [Roles.Administrator, Roles.Coordinator]);

    public IEnumerable<Permission> Permissions => [RequestEvidence, ViewAllRequests, ManageAllRequests];
}
