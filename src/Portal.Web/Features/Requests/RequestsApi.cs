using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Requests;

/// <summary>
/// /api/v1/requests: the request form's fields in camelCase, states by their exact names, the
/// pages' permissions. A request the caller may not see is 404, as on the pages.
/// </summary>
internal static class RequestsApi
{
    public sealed record RequestResponse(
        Guid Id,
        Guid WorkStreamId,
        string WorkStream,
        string RequesterId,
        string RequesterName,
        RequestState State,
        string Question,
        QuestionFrameworkKind Framework,
        PicoParts? Pico,
        SpiceParts? Spice,
        EclipseParts? Eclipse,
        string? Decision,
        string? DecisionForum,
        DateOnly? DecisionDate,
        string? OnBehalfOfName,
        string? OnBehalfOfRole,
        int? EvidenceFromYear,
        int? EvidenceToYear,
        string? Geography,
        string? CareSettings,
        IReadOnlyList<EvidenceTypes> EvidenceTypes,
        string? NotWanted,
        string? KnownPapers,
        RequestOutput Output,
        DateOnly Deadline,
        DateOnly EffectiveDeadline,
        bool Overdue,
        Urgency Urgency,
        string? UrgencyReason,
        string? ShortDeadlineReason,
        string? ClaimantId,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? SubmittedAt,
        DateTimeOffset? ClaimedAt,
        DateTimeOffset? DeliveredAt,
        DateTimeOffset? ClosedAt,
        DateTimeOffset? WithdrawnAt,
        string? EndReason,
        Guid? AnsweredBySummaryId,
        int Version,
        bool PeerReview);

    public sealed record WithdrawBody(string? Reason);

    public sealed record CloseBody(string? Reason, string? AnsweredBySummaryId);

    public static void Map(RouteGroupBuilder api)
    {
        // Everyone signed in may ask; who sees which request is decided per request (404 otherwise).
        var group = api.MapGroup("/requests").RequireAuthorization(WorkStreams.WorkStreamsPermissions.ViewWorkStreams.Name);
        group.MapGet("", ListAsync)
            .WithSummary("The requests you may see, newest change first; filter by state (its exact name), work stream (id or key) and mine=true for your own.")
            .Produces<IReadOnlyList<RequestResponse>>()
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One request. 404 when it does not exist or you may not see it.")
            .Produces<RequestResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", CreateAsync)
            .RequireAuthorization(RequestsPermissions.RequestEvidence.Name)
            .WithSummary("Create a draft request for a work stream you lead, with the fields of the request form.")
            .Produces<RequestResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:guid}/submit", SubmitAsync)
            .RequireAuthorization(RequestsPermissions.RequestEvidence.Name)
            .WithSummary("Submit your draft request to the librarians.")
            .Produces<RequestResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/withdraw", WithdrawAsync)
            .RequireAuthorization(RequestsPermissions.RequestEvidence.Name)
            .WithSummary("Withdraw your request before it is delivered, with an optional reason.")
            .Produces<RequestResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/close", CloseAsync)
            .RequireAuthorization(RequestsPermissions.RequestEvidence.Name)
            .WithSummary("Close a submitted request as answered by an existing summary (leads of its work stream and coordinators); counts as reuse.")
            .Produces<RequestResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(
        string? state, string? workstream, bool? mine, RequestActions actions, PortalDbContext db, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var viewer = await Viewer.ForAsync(user, authorization);
        var query = actions.Visible(viewer);
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.GetNames<RequestState>().Contains(state, StringComparer.Ordinal))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [$"State must be one of {string.Join(", ", Enum.GetNames<RequestState>())}."] });
            }

            var wanted = Enum.Parse<RequestState>(state);
            query = query.Where(r => r.State == wanted);
        }

        if (!string.IsNullOrEmpty(workstream))
        {
            var stream = await WorkStreams.WorkStreamsApi.FindAsync(db, workstream, cancellationToken);
            if (stream is null)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["workstream"] = ["There is no work stream with this id or key."] });
            }

            query = query.Where(r => r.WorkStreamId == stream.Id);
        }

        if (mine == true)
        {
            query = query.Where(r => r.RequesterId == viewer.UserId);
        }

        var requests = await query.OrderByDescending(r => r.UpdatedAt).Take(500).ToListAsync(cancellationToken);
        return Results.Ok(await ToResponsesAsync(db, actions.Now, requests, cancellationToken));
    }

    private static async Task<IResult> GetAsync(Guid id, RequestActions actions, PortalDbContext db, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var found = await actions.FindVisibleAsync(await Viewer.ForAsync(user, authorization), id, tracked: false, cancellationToken);
        return found is null
            ? Outcome.NotFound<EvidenceRequest>().ToProblem()
            : Results.Ok((await ToResponsesAsync(db, actions.Now, [found.Request], cancellationToken))[0]);
    }

    private static async Task<IResult> CreateAsync(
        RequestInput? input, RequestActions actions, PortalDbContext db, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var viewer = await Viewer.ForAsync(user, authorization);
        var outcome = await actions.DraftAsync(viewer, input ?? Empty, [], submit: false, cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.ToProblem();
        }

        var response = (await ToResponsesAsync(db, actions.Now, [outcome.Value!], cancellationToken))[0];
        return Results.Created($"/api/v1/requests/{response.Id}", response);
    }

    private static async Task<IResult> SubmitAsync(Guid id, RequestActions actions, PortalDbContext db, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken) =>
        await RespondAsync(db, actions, await actions.SubmitAsync(await Viewer.ForAsync(user, authorization), id, cancellationToken), cancellationToken);

    private static async Task<IResult> WithdrawAsync(
        Guid id, WithdrawBody? body, RequestActions actions, PortalDbContext db, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken) =>
        await RespondAsync(db, actions, await actions.WithdrawAsync(await Viewer.ForAsync(user, authorization), id, body?.Reason, cancellationToken), cancellationToken);

    private static async Task<IResult> CloseAsync(
        Guid id, CloseBody? body, RequestActions actions, PortalDbContext db, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken) =>
        await RespondAsync(db, actions, await actions.CloseAsAnsweredAsync(await Viewer.ForAsync(user, authorization), id, body?.AnsweredBySummaryId, body?.Reason, cancellationToken), cancellationToken);

    private static async Task<IResult> RespondAsync(PortalDbContext db, RequestActions actions, Outcome<EvidenceRequest> outcome, CancellationToken cancellationToken) =>
        outcome.IsDone ? Results.Ok((await ToResponsesAsync(db, actions.Now, [outcome.Value!], cancellationToken))[0]) : outcome.ToProblem();

    private static readonly RequestInput Empty = new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static async Task<IReadOnlyList<RequestResponse>> ToResponsesAsync(PortalDbContext db, DateTimeOffset now, IReadOnlyList<EvidenceRequest> requests, CancellationToken cancellationToken)
    {
        var streamIds = requests.Select(r => r.WorkStreamId).Distinct().ToList();
        var titles = await db.WorkStreams.AsNoTracking().Where(w => streamIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Title, cancellationToken);
        var names = await db.DisplayNamesAsync(requests.Select(r => r.RequesterId), cancellationToken);
        return requests.Select(r =>
        {
            var input = RequestInput.From(r.WorkStreamId, r.Details);
            var kind = r.Details.Framework.Kind;
            return new RequestResponse(
                r.Id, r.WorkStreamId, titles.GetValueOrDefault(r.WorkStreamId, string.Empty), r.RequesterId, names.GetValueOrDefault(r.RequesterId, "Unknown"), r.State,
                r.Details.Question, kind,
                kind == QuestionFrameworkKind.Pico ? input.Pico : null,
                kind == QuestionFrameworkKind.Spice ? input.Spice : null,
                kind == QuestionFrameworkKind.Eclipse ? input.Eclipse : null,
                input.Decision, input.DecisionForum, input.DecisionDate, input.OnBehalfOfName, input.OnBehalfOfRole, input.EvidenceFromYear, input.EvidenceToYear,
                input.Geography, input.CareSettings, input.EvidenceTypes ?? [], input.NotWanted, input.KnownPapers, r.Details.Output, r.Details.Deadline,
                r.EffectiveDeadline(now), r.IsOverdue(now), r.Details.Urgency, input.UrgencyReason, input.ShortDeadlineReason, r.ClaimantId,
                r.CreatedAt, r.UpdatedAt, r.SubmittedAt, r.ClaimedAt, r.DeliveredAt, r.ClosedAt, r.WithdrawnAt, r.EndReason, r.AnsweredBySummaryId, r.Version, r.Details.PeerReview);
        }).ToList();
    }
}
