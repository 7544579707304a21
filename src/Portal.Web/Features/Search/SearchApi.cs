using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Search;

namespace Portal.Web.Features.Search;

/// <summary>
/// GET /api/v1/search: the search page's search as JSON, open to anyone (with a bearer token, what
/// the token's holder may open; without, public summaries only). Snippets are HTML with the text
/// encoded and the matched words in &lt;mark&gt;. Bad input is a 400 validation problem naming
/// the parameter; while the node rebuilds its index, 503 with Retry-After.
/// </summary>
internal static class SearchApi
{
    public sealed record HitResponse(string Id, string Type, string Title, string Url, string Snippet, float Score, DateTimeOffset Date);

    public sealed record FacetValueResponse(string Value, int Count);

    public sealed record FacetResponse(string Name, IReadOnlyList<FacetValueResponse> Values);

    public sealed record SearchResponse(int Total, int Page, int PageSize, QueryNote Note, IReadOnlyList<HitResponse> Hits, IReadOnlyList<FacetResponse> Facets);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync)
            .WithMetadata(new AllowAnonymousAttribute())
            .WithSummary("Search what you may open (public summaries without signing in): q (words, \"phrases\", AND, OR, NOT, prefix*, at most 500 characters), one value each of type, topic, system, region, workstream, year and evidence to narrow by, sort (relevance or newest), page (1 to 100) and pageSize (1 to 50, default 10). Hits carry a snippet in HTML with the matched words in <mark>; facets count the values over all hits. 503 with Retry-After while this server rebuilds its index.")
            .Produces<SearchResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> SearchAsync([AsParameters] SearchForm form, HttpContext http, PortalSearch search, ClaimsPrincipal user)
    {
        var asked = form.Read(http.Request.Query, out var errors);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value + "." }), title: "The search could not be run.");
        }

        var results = await search.SearchAsync(user, asked.Text, asked.Filters, asked.Sort, asked.Page, asked.PageSize);
        if (results is null)
        {
            http.Response.Headers.RetryAfter = SearchController.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search is being rebuilt on this server. Try again in a minute.");
        }

        return Results.Ok(new SearchResponse(
            results.Total,
            results.Page,
            results.PageSize,
            results.Note,
            results.Hits.Select(h => new HitResponse(h.Id, h.Type, h.Title.Text, h.Url, h.Snippet.ToHtml(), h.Score, h.Date)).ToList(),
            results.Facets.Select(f => new FacetResponse(f.Facet, f.Values.Select(v => new FacetValueResponse(v.Value, v.Count)).ToList())).ToList()));
    }
}
