using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Search;
using Portal.Web.Features.Requests;
using Portal.Web.Features.Segmentation;
using Portal.Web.Features.WorkStreams;

namespace Portal.Web.Features.Search;

/// <summary>
/// The access terms a reader holds (<see cref="AccessTerms"/>): public, each permission the
/// documents are opened by that the reader holds, and their own user term.
/// </summary>
public static class ReaderAccess
{
    /// <summary>The permissions documents name in their access terms (see <see cref="SearchDocuments"/>).</summary>
    private static readonly Infrastructure.Authorization.Permission[] Opening =
    [
        WorkStreamsPermissions.ViewWorkStreams,
        RequestsPermissions.ViewAllRequests,
        SegmentationPermissions.ViewSegmentationOutputs,
    ];

    public static async Task<IReadOnlyCollection<string>> ForAsync(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(authorization);
        var terms = new List<string> { AccessTerms.Public };
        if (user.Identity?.IsAuthenticated != true)
        {
            return terms;
        }

        foreach (var permission in Opening)
        {
            if ((await authorization.AuthorizeAsync(user, permission.Name)).Succeeded)
            {
                terms.Add(AccessTerms.Permission(permission.Name));
            }
        }

        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id)
        {
            terms.Add(AccessTerms.User(id));
        }

        return terms;
    }
}
