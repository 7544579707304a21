using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Librarians;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Web.Features.Librarians;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Matching;

/// <summary>
/// GET /api/v1/librarians/me/matches (requests for me) and GET /api/v1/requests/{id}/matches
/// (librarians for a request), each match with its score, its strength in words and every factor's
/// explanation. Mapped with full paths so that they sit beside the librarians' and requests' groups.
/// </summary>
internal static class MatchingApi
{
    public sealed record FactorResponse(string Name, double Score, double Weight, string Explanation);

    public sealed record LibrarianMatchResponse(string UserId, string DisplayName, double Score, MatchStrength Strength, IReadOnlyList<FactorResponse> Factors);

    public sealed record RequestMatchResponse(
        Guid RequestId, string Question, string WorkStreamKey, string WorkStream, string System, DateOnly Deadline, double Score, MatchStrength Strength, IReadOnlyList<FactorResponse> Factors);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/librarians/me/matches", MineAsync)
            .RequireAuthorization(LibrariansPermissions.KeepLibrarianProfile.Name)
            .WithSummary("The submitted requests you could claim, best match for you first, with the reasons. Filter by topic (key), system (code) and dueWithin (days, 1 to 365).")
            .Produces<IReadOnlyList<RequestMatchResponse>>()
            .ProducesValidationProblem();
        api.MapGet("/requests/{id:guid}/matches", ForRequestAsync)
            .RequireAuthorization(LibrariansPermissions.ViewPipeline.Name)
            .WithSummary("Every active librarian ranked for a submitted request, best placed first, with the reasons. 404 for an unknown request; 409 for one that is not submitted (only requests in the pool are matched).")
            .Produces<IReadOnlyList<LibrarianMatchResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> MineAsync(
        string? topic, string? system, string? dueWithin, LibrarianMatcher matcher, PortalDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var input = new MatchFilterInput { Topic = topic, System = system, DueWithin = dueWithin };
        var (filter, _, problems) = await input.ReadAsync(db, cancellationToken);
        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems.GroupBy(p => OutcomeHttpExtensions.CamelCase(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        var ranked = await matcher.RankRequestsForAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, filter, clock.GetUtcNow(), cancellationToken);
        return Results.Ok(ranked.Select(r => new RequestMatchResponse(
            r.RequestId, r.Question, r.WorkStreamKey, r.WorkStreamTitle, r.SystemName, r.Deadline, Round(r.Match.Score), MatchStrengths.Of(r.Match.Score), Factors(r.Match))).ToList());
    }

    private static async Task<IResult> ForRequestAsync(Guid id, LibrarianMatcher matcher, PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = await db.EvidenceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return Outcome.NotFound<EvidenceRequest>().ToProblem();
        }

        if (request.State != RequestState.Submitted)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Only submitted requests are matched to librarians.",
                detail: $"This request is {EvidenceRequest.StateName(request.State)}, so it is not in the pool for librarians to claim.");
        }

        var ranked = await matcher.RankLibrariansAsync(request, clock.GetUtcNow(), cancellationToken);
        return Results.Ok(ranked.Matches.Select(m => new LibrarianMatchResponse(m.UserId, m.DisplayName, Round(m.Score), MatchStrengths.Of(m.Score), Factors(m))).ToList());
    }

    private static List<FactorResponse> Factors(LibrarianMatch match) =>
        match.Factors.Select(f => new FactorResponse(f.Name, Round(f.Score), f.Weight, f.Explanation)).ToList();

    private static double Round(double score) => Math.Round(score, 3, MidpointRounding.AwayFromZero);
}
