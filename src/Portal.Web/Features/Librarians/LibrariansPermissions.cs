using Portal.Core;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Librarians;

/// <summary>What volunteer librarians and the coordinators who organise them may do.</summary>
public sealed class LibrariansPermissions : IPermissionProvider
{
    public static readonly Permission KeepLibrarianProfile = new(
        "KeepLibrarianProfile", "Keep a librarian profile (topics, skills, databases, capacity, time away) and see the requests that match it", [Roles.Librarian]);

    public static readonly Permission ClaimRequests = new(
        "ClaimRequests", "Claim submitted requests, release them, mentor a claimant and record time spent", [Roles.Librarian]);

    public static readonly Permission AssignRequests = new(
        "AssignRequests", "Assign or reassign a request to a librarian, beyond their capacity if need be", [Roles.Administrator, Roles.Coordinator]);

    public static readonly Permission ViewPipeline = new(
        "ViewPipeline", "See the pipeline board, librarians' capacity, matches for any request and the activity report", [Roles.Administrator, Roles.Coordinator]);

    public IEnumerable<Permission> Permissions => [KeepLibrarianProfile, ClaimRequests, AssignRequests, ViewPipeline];
}
