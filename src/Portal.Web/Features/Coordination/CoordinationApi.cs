using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Web.Features.Librarians;
using Portal.Web.Features.Requests;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Coordination;

/// <summary>The coordinator's API: assigning a request, with the page's checks and messages.</summary>
internal static class CoordinationApi
{
    public sealed record AssignBody(string? LibrarianId, string? Reason, bool? OverCapacity);

    public sealed record AssignResponse(Guid Id, RequestState State, string ClaimantId, string ClaimantName, DateTimeOffset? ClaimedAt, int Version);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/requests/{id:guid}/assign", AssignAsync)
            .RequireAuthorization(LibrariansPermissions.AssignRequests.Name)
            .WithSummary("Assign a submitted request to a librarian, or reassign a claimed one, with a reason. "
                + "overCapacity=true assigns even when the librarian holds as many searches as their profile allows.")
            .Produces<AssignResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> AssignAsync(
        Guid id, AssignBody? body, RequestAssignment assignment, PortalDbContext db, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var viewer = await Viewer.ForAsync(user, authorization);
        var outcome = await assignment.AssignAsync(viewer, id, new AssignInput(body?.LibrarianId, body?.Reason, body?.OverCapacity ?? false), cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.ToProblem();
        }

        var request = outcome.Value!;
        var name = (await db.DisplayNamesAsync([request.ClaimantId!], cancellationToken)).GetValueOrDefault(request.ClaimantId!, "Unknown");
        return Results.Ok(new AssignResponse(request.Id, request.State, request.ClaimantId!, name, request.ClaimedAt, request.Version));
    }
}
