using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Portal.Data;
using Portal.Web.Features.Api;

namespace Portal.Web.Features.Segmentation;

/// <summary>
/// /api/v1/segmentation/outputs: upload (multipart: file, kind, title, geographyCode, period, and
/// optionally narrative, workStreams and summaries), list, and one output with exactly what its page shows.
/// </summary>
internal static class SegmentationApi
{
    public static IEndpointRouteBuilder MapPortalSegmentationApi(this IEndpointRouteBuilder endpoints)
    {
        var outputs = endpoints.MapGroup("/api/v1/segmentation/outputs")
            .AddEndpointFilter<ApiServiceCollectionExtensions.ReadOnlyTokenFilter>()
            .WithTags("Segmentation")
            .RequireAuthorization(SegmentationPermissions.ViewSegmentationOutputs.Name);
        outputs.MapGet("", ListAsync).WithSummary("List published segmentation outputs, newest first.");
        outputs.MapGet("/{id:guid}", GetAsync).WithSummary("One output: its protected aggregates, curves, Gini and the rules applied.");
        outputs.MapPost("", UploadAsync)
            .RequireAuthorization(SegmentationPermissions.PublishSegmentationOutputs.Name)
            .WithMetadata(new RequestSizeLimitAttribute(SegmentationOptions.PatientLevelMaxBytes))
            .Accepts<UploadForm>("multipart/form-data") // described for OpenAPI; the body is read as a stream, never bound
            .Produces<UploadResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery()
            .WithSummary("Upload an output (multipart/form-data). Returns its id, or the errors in the file by row and column.");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        Results.Ok(await SegmentationOutputs.ListAsync(db, cancellationToken));

    private static async Task<IResult> GetAsync(Guid id, PortalDbContext db, CancellationToken cancellationToken) =>
        await SegmentationOutputs.FindAsync(db, id, cancellationToken) is { } details
            ? Results.Ok(details)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No segmentation output has this id.");

    private static async Task<IResult> UploadAsync(HttpContext http, SegmentationUploads uploads, CancellationToken cancellationToken)
    {
        var outcome = await uploads.ReceiveAsync(http, expectedKind: null, validateAntiforgery: false, http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (outcome.Succeeded)
        {
            return Results.Created($"/api/v1/segmentation/outputs/{outcome.Id}", new UploadResponse(outcome.Id!.Value, $"/segmentation/{outcome.Id}"));
        }

        if (outcome.TooLarge is not null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: outcome.TooLarge);
        }

        return Results.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The upload was refused; nothing was saved.",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = outcome.FieldErrors.ToDictionary(e => e.Key, e => new[] { e.Value }),
                ["rowErrors"] = outcome.FileErrors.Select(e => new RowError(e.Row, e.Column, e.Message, e.ToString())).ToList(),
                ["moreRowErrors"] = outcome.MoreFileErrors,
            });
    }

    public sealed record UploadResponse(Guid Id, string Page);

    /// <summary>The multipart fields, for the OpenAPI document.</summary>
    public sealed record UploadForm(IFormFile File, string Kind, string Title, string GeographyCode, string Period, string? Narrative, IReadOnlyList<Guid>? WorkStreams, IReadOnlyList<Guid>? Summaries);

    public sealed record RowError(long? Row, string? Column, string Message, string Text);
}
