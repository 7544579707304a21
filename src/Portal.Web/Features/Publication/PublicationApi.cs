using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Core.Requests;
using Portal.Core.Summaries;
using Portal.Web.Features.Requests;
using Portal.Web.Features.Summaries;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Publication;

/// <summary>
/// /api/v1/requests/{id}/consent, /api/v1/summaries/{id}/publish and the list of published
/// summaries. The list is open to anyone (what is public is public) and shows only what the caller
/// may read; the changes need a signed-in caller and say no as the pages do: 404 for what they may
/// not see, 403 for someone else's summary, 409 without consent, 400 for a visibility that is not one.
/// </summary>
internal static class PublicationApi
{
    public sealed record ConsentBody(string? Scope);

    public sealed record PublishBody(string? Visibility);

    public sealed record ConsentResponse(Guid RequestId, SummaryVisibility SharingConsent, DateTimeOffset? SharingConsentAt);

    public sealed record PublishResponse(Guid Id, Guid SeriesId, int VersionNumber, SummaryVisibility Visibility, string? Slug, string? Address, DateTimeOffset? PublishedAt);

    public sealed record PublishedResponse(
        Guid Id, string Slug, string Address, string Title, int VersionNumber, SummaryVisibility Visibility, DateTimeOffset PublishedAt, DateTimeOffset? DeliveredAt,
        string WorkStream, string WorkStreamTitle, string System, IReadOnlyList<string> Topics);

    public static void Map(RouteGroupBuilder api)
    {
        var signedIn = WorkStreams.WorkStreamsPermissions.ViewWorkStreams.Name;
        api.MapPost("/requests/{id:guid}/consent", ConsentAsync)
            .RequireAuthorization(signedIn)
            .WithSummary("The requester agrees to share the summary of their delivered or closed request: \"scope\" Members, Public (the default) or RequesterOnly to take the agreement back. 403 for anyone but the requester; 409 before delivery.")
            .Produces<ConsentResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/summaries/{id:guid}/publish", PublishAsync)
            .RequireAuthorization(signedIn)
            .WithSummary("Publish a final summary to \"Members\" or \"Public\", as far as the requester agreed, or withdraw it (\"RequesterOnly\"). Authors and coordinators only (403 otherwise); 409 without consent or before delivery. The answer gives its stable address, /evidence/{slug}, kept through title edits and re-runs.")
            .Produces<PublishResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/summaries", ListAsync)
            .WithMetadata(new AllowAnonymousAttribute())
            .WithSummary("Published summaries you may read (public ones without signing in), each series once as its newest version you may read, newest first; filter by visibility (Members or Public), topic (key), system (code) and workstream (key); page and pageSize (50, at most 200).")
            .Produces<IReadOnlyList<PublishedResponse>>()
            .ProducesValidationProblem();
    }

    private static async Task<IResult> ConsentAsync(
        Guid id, ConsentBody? body, Publishing publishing, IAuthorizationService authorization, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await publishing.ConsentAsync(await Viewer.ForAsync(user, authorization), id, body?.Scope, cancellationToken);
        return outcome.Value is EvidenceRequest request
            ? Results.Ok(new ConsentResponse(request.Id, request.SharingConsent, request.SharingConsentAt))
            : outcome.ToProblem();
    }

    private static async Task<IResult> PublishAsync(
        Guid id, PublishBody? body, Publishing publishing, IAuthorizationService authorization, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await publishing.PublishAsync(await authorization.SummaryAccessForAsync(user), id, body?.Visibility, cancellationToken);
        return outcome.Value is SearchSummary s
            ? Results.Ok(new PublishResponse(s.Id, s.SeriesId, s.VersionNumber, s.Visibility, s.Slug, s.Slug is null ? null : $"/evidence/{s.Slug}", s.PublishedAt))
            : outcome.ToProblem();
    }

    private static async Task<IResult> ListAsync(
        string? visibility, string? topic, string? system, string? workstream, int? page, int? pageSize,
        PublishedSummaries published, IAuthorizationService authorization, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(visibility) && Publishing.ParseVisibility(visibility) is not (SummaryVisibility.Members or SummaryVisibility.Public))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["visibility"] = ["Visibility must be Members or Public."] });
        }

        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var number = Math.Max(page ?? 1, 1);
        var filter = new PublishedFilter { Visibility = visibility, Topic = topic, System = system, WorkStream = workstream };
        var entries = await published.ListAsync(await authorization.SummaryAccessForAsync(user), filter, cancellationToken);
        return Results.Ok(entries.Skip((number - 1) * size).Take(size)
            .Select(e => new PublishedResponse(e.SummaryId, e.Slug, $"/evidence/{e.Slug}", e.Title, e.VersionNumber, e.Visibility, e.PublishedAt, e.DeliveredAt,
                e.WorkStreamKey, e.WorkStreamTitle, e.System, e.Topics))
            .ToList());
    }
}
