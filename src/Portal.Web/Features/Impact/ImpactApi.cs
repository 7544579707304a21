using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Web.Features.Librarians;
using Portal.Web.Features.Requests;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Impact;

/// <summary>The impact form and the impact report in the API, with the pages' checks and messages.</summary>
internal static class ImpactApi
{
    /// <param name="Uses">Names of <see cref="Portal.Core.Impact.ImpactUses"/>, for example ["SharedWithColleagues", "InformedDecision"].</param>
    /// <param name="ContributedTo">Names of <see cref="Portal.Core.Impact.ImpactContributions"/>, for example ["Decision", "Practice"].</param>
    /// <param name="WouldRecommend">Yes, No or NotSure.</param>
    public sealed record AnswerBody(string[]? Uses, string[]? ContributedTo, decimal? HoursSaved, string? WouldRecommend, string? Comments, bool? CaseStudyConsent);

    public sealed record AnswerResponse(Guid Id, Guid RequestId, string[] Uses, string[] ContributedTo, decimal? HoursSaved, string WouldRecommend, string? Comments, bool CaseStudyConsent, DateTimeOffset AnsweredAt);

    public sealed record ReportResponse(
        DateOnly From, DateOnly To, string? System, string? WorkStream, int Delivered, int Asked, int Answered, double? ResponseRatePercent,
        IReadOnlyList<ImpactShare> Uses, IReadOnlyList<ImpactShare> Contributions, decimal HoursSavedTotal, decimal? HoursSavedMedian, int AnswersGivingHours,
        double? WouldRecommendPercent, IReadOnlyList<ImpactShare> Recommendations, IReadOnlyList<QuoteResponse> Quotes);

    public sealed record QuoteResponse(Guid RequestId, string Question, string WorkStream, DateTimeOffset AnsweredAt, string Text);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/requests/{id:guid}/impact", AnswerAsync)
            .RequireAuthorization(RequestsPermissions.RequestEvidence.Name)
            .WithSummary("Answer the impact form of a delivered request you made, once: uses and contributedTo as arrays of names, "
                + "hoursSaved as a number, wouldRecommend Yes, No or NotSure, comments, caseStudyConsent.")
            .Produces<AnswerResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/reports/impact", ReportAsync)
            .RequireAuthorization(LibrariansPermissions.ViewPipeline.Name)
            .WithSummary("The impact report for requests delivered from one date to another (yyyy-MM-dd, this financial year when left out), "
                + "for a system (ONS code) or a work stream (its key).")
            .Produces<ReportResponse>()
            .ProducesValidationProblem();
    }

    private static async Task<IResult> AnswerAsync(
        Guid id, AnswerBody? body, ImpactAnswering answering, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var viewer = await Viewer.ForAsync(user, authorization);
        var problems = new List<FieldProblem>();
        var details = ImpactInput.Read(body?.Uses, body?.ContributedTo, body?.HoursSaved, body?.WouldRecommend, body?.Comments, body?.CaseStudyConsent ?? false, problems);
        var outcome = await answering.AnswerAsync(viewer, id, details, problems, cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.ToProblem();
        }

        var answer = outcome.Value!;
        var d = answer.Details;
        return Results.Created(ImpactPaths.Form(id), new AnswerResponse(
            answer.Id,
            id,
            [.. Portal.Core.Impact.ImpactDetails.UseLabels.Where(u => d.Uses.HasFlag(u.Use)).Select(u => u.Use.ToString())],
            [.. Portal.Core.Impact.ImpactDetails.ContributionLabels.Where(c => d.ContributedTo.HasFlag(c.Contribution)).Select(c => c.Contribution.ToString())],
            d.HoursSaved,
            d.WouldRecommend.ToString(),
            d.Comments,
            d.CaseStudyConsent,
            answer.AnsweredAt));
    }

    private static async Task<IResult> ReportAsync(string? system, string? from, string? to, string? workstream, ImpactReport report, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var start = Day(from, nameof(ImpactFilter.From), "from", problems);
        var end = Day(to, nameof(ImpactFilter.To), "to", problems);
        var (query, found) = await report.ReadAsync(
            start, string.IsNullOrWhiteSpace(from), end, string.IsNullOrWhiteSpace(to), system, workstream, problems, cancellationToken);
        if (query is null)
        {
            return Outcome.Invalid<ImpactFigures>(found).ToProblem();
        }

        var f = await report.RunAsync(query, cancellationToken);
        return Results.Ok(new ReportResponse(
            query.Period.From, query.Period.To, query.System?.Code, query.WorkStream?.Key, f.Delivered, f.Asked, f.Answered, f.ResponseRatePercent,
            f.Uses, f.Contributions, f.HoursSavedTotal, f.HoursSavedMedian, f.AnswersGivingHours, f.WouldRecommendPercent, f.Recommendations,
            [.. f.Quotes.Where(q => q.Text is not null).Select(q => new QuoteResponse(q.RequestId, q.Question, q.WorkStream, q.AnsweredAt, q.Text!))]));
    }

    /// <summary>A date in the address, yyyy-MM-dd; empty is "not given".</summary>
    private static DateOnly? Day(string? text, string field, string name, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add(new(field, $"{name} must be a real date written yyyy-MM-dd, like 2026-04-01"));
        return null;
    }
}
