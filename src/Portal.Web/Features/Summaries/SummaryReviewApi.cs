using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Core.Summaries;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// /api/v1/summaries/{id}/review-request, /approve, /request-changes, /deliver and /versions: the
/// summary page's review and delivery forms as JSON, with the same permissions. Every refusal is
/// ProblemDetails: 404 for a summary the caller may not read, 403 for one that is not theirs to
/// act on, 409 for one in the wrong state (or changed meanwhile), 422 for a form with mistakes
/// (every field named), 400 for a body that is not JSON.
/// </summary>
internal static class SummaryReviewApi
{
    public sealed record ReviewRequestBody(string? ReviewerId);

    public sealed record ReviewBody(IReadOnlyList<PressItemInput>? Items, string? Comment);

    public sealed record WorkflowResponse(
        Guid Id, Guid RequestId, Guid SeriesId, int VersionNumber, Guid? PreviousVersionId, SummaryState State, IReadOnlyList<string> Authors,
        string? ReviewerId, DateTimeOffset? ReviewAskedAt, DateTimeOffset? ApprovedAt, DateTimeOffset? DeliveredAt, int Version);

    public sealed record ReviewResponse(
        Guid Id, Guid SummaryId, string ReviewerId, ReviewOutcome Outcome, IReadOnlyList<PressItem> Items, string? Comment, DateTimeOffset CompletedAt, SummaryState SummaryState);

    public static void Map(RouteGroupBuilder api)
    {
        // Everyone signed in may ask; who may do what to which summary is decided per summary.
        var group = api.MapGroup("/summaries/{id:guid}").RequireAuthorization(WorkStreams.WorkStreamsPermissions.ViewWorkStreams.Name);
        var writers = SummariesPermissions.WriteSummaries.Name;
        var reviewers = SummariesPermissions.ReviewSummaries.Name;

        group.MapPost("/review-request", AskForReviewAsync)
            .RequireAuthorization(writers)
            .WithSummary("Ask a librarian who is not an author to peer review the search: { \"reviewerId\" }. On a request with a mentor, the mentor reviews. The summary must be complete; it goes into review (and version 1's request with it).")
            .Produces<WorkflowResponse>()
            .ProducesReviewProblems(withBody: true);
        group.MapPost("/approve", (Guid id, ReviewBody? body, SummaryWorkflow workflow, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken) =>
                ReviewAsync(id, ReviewOutcome.Approved, body, workflow, user, authorization, cancellationToken))
            .RequireAuthorization(reviewers)
            .WithSummary("The reviewer approves the search on the PRESS 2015 checklist: { \"items\": [{ \"element\", \"judgement\", \"comment\" }], \"comment\" }, one item for each of the six elements. No item may be RevisionsRequired; a revision suggested needs a comment.")
            .Produces<ReviewResponse>()
            .ProducesReviewProblems(withBody: true);
        group.MapPost("/request-changes", (Guid id, ReviewBody? body, SummaryWorkflow workflow, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken) =>
                ReviewAsync(id, ReviewOutcome.ChangesRequested, body, workflow, user, authorization, cancellationToken))
            .RequireAuthorization(reviewers)
            .WithSummary("The reviewer sends the search back to its authors on the PRESS 2015 checklist (same body as approve). Mark an element for revision or give a comment; every revision needs a comment. Version 1's request goes back to Claimed.")
            .Produces<ReviewResponse>()
            .ProducesReviewProblems(withBody: true);
        group.MapPost("/deliver", DeliverAsync)
            .RequireAuthorization(writers)
            .WithSummary("Deliver the summary to the requester; it becomes final. When approval is required (the author is mentored, the requester asked for a peer review, or the site requires it for every search) it must have been approved first: 409 says why.")
            .Produces<WorkflowResponse>()
            .ProducesReviewProblems(withBody: false);
        group.MapPost("/versions", StartRerunAsync)
            .RequireAuthorization(writers)
            .WithSummary("Re-run a final summary (librarians): a new draft version with the same question, strategies, findings and references and no search dates or hits. 201 with the new version; 409 when it is not final or has been re-run already.")
            .Produces<WorkflowResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> AskForReviewAsync(
        Guid id, ReviewRequestBody? body, SummaryWorkflow workflow, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken) =>
        Respond(await workflow.AskForReviewAsync(await authorization.SummaryAccessForAsync(user), id, body?.ReviewerId, cancellationToken));

    private static async Task<IResult> ReviewAsync(
        Guid id, ReviewOutcome outcome, ReviewBody? body, SummaryWorkflow workflow, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var result = await workflow.ReviewAsync(await authorization.SummaryAccessForAsync(user), id, outcome, new PressReviewInput(body?.Items, body?.Comment), cancellationToken);
        if (!result.IsDone)
        {
            return Problem(result);
        }

        var review = result.Value!;
        return Results.Ok(new ReviewResponse(
            review.Id, review.SummaryId, review.ReviewerId, review.Outcome, review.Items, review.OverallComment, review.CompletedAt,
            outcome == ReviewOutcome.Approved ? SummaryState.InReview : SummaryState.Draft));
    }

    private static async Task<IResult> DeliverAsync(Guid id, SummaryWorkflow workflow, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken) =>
        Respond(await workflow.DeliverAsync(await authorization.SummaryAccessForAsync(user), id, cancellationToken));

    private static async Task<IResult> StartRerunAsync(Guid id, SummaryWorkflow workflow, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var outcome = await workflow.StartRerunAsync(await authorization.SummaryAccessForAsync(user), id, cancellationToken);
        return outcome.IsDone
            ? Results.Created($"/api/v1/summaries/{outcome.Value!.Id}", ToResponse(outcome.Value))
            : Problem(outcome);
    }

    private static IResult Respond(Outcome<SearchSummary> outcome) =>
        outcome.IsDone ? Results.Ok(ToResponse(outcome.Value!)) : Problem(outcome);

    private static WorkflowResponse ToResponse(SearchSummary s) =>
        new(s.Id, s.RequestId, s.SeriesId, s.VersionNumber, s.PreviousVersionId, s.State, s.Authors, s.ReviewerId, s.ReviewAskedAt, s.ApprovedAt, s.DeliveredAt, s.Version);

    /// <summary>Mistakes in what was sent are 422, each under its camelCase field ("subjectHeadings.judgement"); the rest as everywhere in the API.</summary>
    private static IResult Problem<T>(Outcome<T> outcome)
        where T : class =>
        outcome.Kind == OutcomeKind.Invalid
            ? Results.ValidationProblem(
                outcome.Errors.GroupBy(e => OutcomeHttpExtensions.CamelCase(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: outcome.Message,
                statusCode: StatusCodes.Status422UnprocessableEntity)
            : outcome.ToProblem();
}

internal static class SummaryReviewEndpointMetadata
{
    /// <summary>
    /// What a review step may answer besides success: 422 for a form with problems, 400 for a body
    /// that is not JSON (steps that take one), 403, 404 and 409 for the wrong state.
    /// </summary>
    public static RouteHandlerBuilder ProducesReviewProblems(this RouteHandlerBuilder builder, bool withBody)
    {
        builder.ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        if (withBody)
        {
            builder.ProducesProblem(StatusCodes.Status400BadRequest);
        }

        return builder
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
