using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Data;

namespace Portal.Web.Features.Search;

/// <summary>
/// GET /api/v1/search/similar?text=&amp;count=: the published summaries most like a text (a question
/// being written), as the request form shows them. Open to anyone, like search: the hits are only
/// what the caller may open. 400 for a missing or over-long text or a count out of range; 503 with
/// Retry-After while this node rebuilds its index.
/// </summary>
internal static class SimilarApi
{
    public sealed record SimilarResponse(IReadOnlyList<SimilarHitResponse> Hits);

    public sealed record SimilarHitResponse(string Id, string Type, string Title, string Url, float Score);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/search/similar", SimilarAsync)
            .WithMetadata(new AllowAnonymousAttribute())
            .WithSummary($"Published summaries you may read that are most like \"text\" (up to {SimilarSummaries.TextMaxLength} characters), best first; \"count\" from 1 to {SimilarSummaries.MaxCount} ({SimilarSummaries.DefaultCount} by default). 503 while the index is being rebuilt.")
            .Produces<SimilarResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> SimilarAsync(string? text, string? count, PortalSearch search, PortalDbContext db, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["text"] = ["Enter the text to find similar summaries for."];
        }
        else if (text.Length > SimilarSummaries.TextMaxLength)
        {
            errors["text"] = [$"The text must be {SimilarSummaries.TextMaxLength.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer."];
        }

        var wanted = SimilarSummaries.DefaultCount;
        // Read as text, so that "count=ten" gets the same clear answer as "count=50".
        if (count is not null && (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out wanted) || wanted is < 1 or > SimilarSummaries.MaxCount))
        {
            errors["count"] = [$"The count must be a whole number from 1 to {SimilarSummaries.MaxCount}."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var hits = await search.SimilarSummariesAsync(user, text!, wanted * SimilarSummaries.Overfetch);
        if (hits is null)
        {
            response.Headers.RetryAfter = SimilarSummaries.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search is being rebuilt on this server. Try again in a minute.");
        }

        var delivered = await SimilarSummaries.DeliveredOnlyAsync(db, hits, wanted, cancellationToken);
        return Results.Ok(new SimilarResponse(delivered.Select(h => new SimilarHitResponse(h.Id, h.Type, h.Title, h.Url, h.Score)).ToList()));
    }
}
