using Portal.Core;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.WorkStreams;

public sealed class WorkStreamsPermissions : IPermissionProvider
{
    public static readonly Permission ViewWorkStreams = new("ViewWorkStreams", "See work streams, their leads and what they work towards", Roles.All);

    public static readonly Permission CreateWorkStreams = new("CreateWorkStreams", "Create work streams", [Roles.Administrator, Roles.Coordinator, Roles.WorkStreamLead]);

    public static readonly Permission EditOwnWorkStreams = new("EditOwnWorkStreams", "Edit the work streams you lead", [Roles.WorkStreamLead]);

    public static readonly Permission EditAllWorkStreams = new("EditAllWorkStreams", "Edit any work stream, its leads and its status", [Roles.Administrator, Roles.Coordinator]);

    public IEnumerable<Permission> Permissions => [ViewWorkStreams, CreateWorkStreams, EditOwnWorkStreams, EditAllWorkStreams];
}
