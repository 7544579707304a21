using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Web.Features.Librarians;
using Portal.Web.Features.Requests;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Claims;

/// <summary>
/// /api/v1/requests/{id}/claim, /release, /mentor, /messages and /time: the request page's claim
/// and conversation forms as JSON, with the same permissions; every refusal is ProblemDetails. A
/// claim that loses the race is 409 and its title names who holds the request.
/// </summary>
internal static class ClaimsApi
{
    public sealed record ClaimBody(string? MentorId);

    public sealed record ReleaseBody(string? Reason);

    /// <summary>A message; "kind" Question asks the requester (claimant only), Answer answers them (requester only), Message (the default) just talks.</summary>
    public sealed record MessageBody(string? Body, RequestMessageKind? Kind);

    public sealed record TimeBody(DateOnly? On, int? Minutes, string? Note);

    public sealed record ClaimResponse(
        Guid Id, RequestState State, string? ClaimantId, string? ClaimantName, DateTimeOffset? ClaimedAt, string? MentorId, string? MentorName, DateOnly EffectiveDeadline, int Version);

    public sealed record MessageResponse(Guid Id, RequestMessageKind Kind, string AuthorId, string AuthorName, string Body, DateTimeOffset SentAt);

    public sealed record TimeRecordResponse(Guid Id, string LibrarianId, string LibrarianName, DateOnly On, int Minutes, string? Note, DateTimeOffset RecordedAt);

    public sealed record TimeSheetResponse(int TotalMinutes, IReadOnlyList<TimeRecordResponse> Records);

    public static void Map(RouteGroupBuilder api)
    {
        // Everyone signed in may ask; who may do what to which request is decided per request.
        var group = api.MapGroup("/requests/{id:guid}").RequireAuthorization(WorkStreams.WorkStreamsPermissions.ViewWorkStreams.Name);
        var librarians = LibrariansPermissions.ClaimRequests.Name;

        group.MapPost("/claim", ClaimAsync)
            .RequireAuthorization(librarians)
            .WithSummary("Claim a submitted request (librarians). Optional body { \"mentorId\" } when your profile seeks mentoring. The first claim wins: a later one is 409, its title naming who holds the request.")
            .Produces<ClaimResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/release", ReleaseAsync)
            .RequireAuthorization(librarians)
            .WithSummary("Give a request you claimed back to the librarians, with { \"reason\" } (required).")
            .Produces<ClaimResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/mentor", JoinAsMentorAsync)
            .RequireAuthorization(librarians)
            .WithSummary("Join a claimed request as the claimant's mentor and reviewer (librarians whose profile offers mentoring).")
            .Produces<ClaimResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/messages", MessagesAsync)
            .WithSummary("The conversation on a request, oldest first, for the requester, claimant, mentor, work stream leads and coordinators (403 for others who may see the request).")
            .Produces<IReadOnlyList<MessageResponse>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/messages", PostMessageAsync)
            .WithSummary("Post { \"body\", \"kind\" } to the conversation. kind Message (default) talks; Question (the claimant) asks the requester and pauses the deadline; Answer (the requester) answers and gives the request back to the claimant.")
            .Produces<MessageResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/time", TimeAsync)
            .WithSummary("The time recorded on a request and its total, in minutes, for those in its conversation.")
            .Produces<TimeSheetResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/time", RecordTimeAsync)
            .RequireAuthorization(librarians)
            .WithSummary("Record time you spent on a request you claimed or mentor: { \"on\": \"2026-03-02\", \"minutes\": 90, \"note\" }. From 1 minute to 24 hours, not in the future.")
            .Produces<TimeRecordResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    // The body is optional: a bare POST claims without a mentor, so it is read here rather than bound
    // (a bound body would make routing turn away a POST without a JSON content type).
    private static async Task<IResult> ClaimAsync(
        Guid id, HttpRequest http, ClaimActions actions, PortalDbContext db, TimeProvider clock, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        ClaimBody? body = null;
        if (http.ContentLength is not 0 && http.ContentType is not null)
        {
            if (!http.HasJsonContentType())
            {
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the claim as JSON, like { \"mentorId\": \"...\" }, or with no body.");
            }

            try
            {
                body = await http.ReadFromJsonAsync<ClaimBody>(cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["mentorId"] = ["Send the claim as JSON, like { \"mentorId\": \"...\" }, or with no body."] });
            }
        }

        return await RespondAsync(db, clock, await actions.ClaimAsync(await Viewer.ForAsync(user, authorization), id, body?.MentorId, cancellationToken), cancellationToken);
    }

    private static async Task<IResult> ReleaseAsync(
        Guid id, ReleaseBody? body, ClaimActions actions, PortalDbContext db, TimeProvider clock, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken) =>
        await RespondAsync(db, clock, await actions.ReleaseAsync(await Viewer.ForAsync(user, authorization), id, body?.Reason, cancellationToken), cancellationToken);

    private static async Task<IResult> JoinAsMentorAsync(
        Guid id, ClaimActions actions, PortalDbContext db, TimeProvider clock, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken) =>
        await RespondAsync(db, clock, await actions.JoinAsMentorAsync(await Viewer.ForAsync(user, authorization), id, cancellationToken), cancellationToken);

    private static async Task<IResult> MessagesAsync(Guid id, ClaimActions actions, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var outcome = await actions.ConversationAsync(await Viewer.ForAsync(user, authorization), id, cancellationToken);
        return outcome.IsDone
            ? Results.Ok(outcome.Value!.Messages.Select(m => new MessageResponse(m.Id, m.Kind, m.AuthorId, m.AuthorName, m.Body, m.SentAt)).ToList())
            : outcome.ToProblem();
    }

    private static async Task<IResult> PostMessageAsync(
        Guid id, MessageBody? body, ClaimActions actions, PortalDbContext db, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var viewer = await Viewer.ForAsync(user, authorization);
        var outcome = body?.Kind switch
        {
            RequestMessageKind.Question => await actions.AskRequesterAsync(viewer, id, body.Body, cancellationToken),
            RequestMessageKind.Answer => await actions.AnswerAsync(viewer, id, body.Body, cancellationToken),
            _ => await actions.PostMessageAsync(viewer, id, body?.Body, cancellationToken),
        };
        if (!outcome.IsDone)
        {
            return outcome.ToProblem();
        }

        var message = outcome.Value!;
        var name = (await db.DisplayNamesAsync([message.AuthorId], cancellationToken)).GetValueOrDefault(message.AuthorId, "Unknown");
        return Results.Created($"/api/v1/requests/{id}/messages", new MessageResponse(message.Id, message.Kind, message.AuthorId, name, message.Body, message.SentAt));
    }

    private static async Task<IResult> TimeAsync(Guid id, ClaimActions actions, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var outcome = await actions.TimeRecordsAsync(await Viewer.ForAsync(user, authorization), id, cancellationToken);
        return outcome.IsDone
            ? Results.Ok(new TimeSheetResponse(outcome.Value!.Sum(t => t.Minutes), outcome.Value!.Select(ToResponse).ToList()))
            : outcome.ToProblem();
    }

    private static async Task<IResult> RecordTimeAsync(
        Guid id, TimeBody? body, ClaimActions actions, PortalDbContext db, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var input = new TimeInput(body?.On, body?.Minutes, body?.Note);
        var outcome = await actions.RecordTimeAsync(await Viewer.ForAsync(user, authorization), id, input, [], cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.ToProblem();
        }

        var record = outcome.Value!;
        var name = (await db.DisplayNamesAsync([record.LibrarianId], cancellationToken)).GetValueOrDefault(record.LibrarianId, "Unknown");
        return Results.Created(
            $"/api/v1/requests/{id}/time",
            ToResponse(new TimeRow(record.Id, record.LibrarianId, name, record.On, record.Minutes, record.Note, record.RecordedAt)));
    }

    private static TimeRecordResponse ToResponse(TimeRow row) =>
        new(row.Id, row.LibrarianId, row.LibrarianName, row.On, row.Minutes, row.Note, row.RecordedAt);

    private static async Task<IResult> RespondAsync(PortalDbContext db, TimeProvider clock, Outcome<EvidenceRequest> outcome, CancellationToken cancellationToken)
    {
        if (!outcome.IsDone)
        {
            return outcome.ToProblem();
        }

        var request = outcome.Value!;
        var names = await db.DisplayNamesAsync(new[] { request.ClaimantId, request.MentorId }.OfType<string>(), cancellationToken);
        return Results.Ok(new ClaimResponse(
            request.Id,
            request.State,
            request.ClaimantId,
            request.ClaimantId is { } claimant ? names.GetValueOrDefault(claimant) : null,
            request.ClaimedAt,
            request.MentorId,
            request.MentorId is { } mentor ? names.GetValueOrDefault(mentor) : null,
            request.EffectiveDeadline(clock.GetUtcNow()),
            request.Version));
    }
}
