using Microsoft.EntityFrameworkCore;
using Portal.Core.Impact;
using Portal.Core.Reporting;
using Portal.Data;
using Portal.Web.Features.Coordination;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Impact;

/// <summary>The report's filters as typed on the page: the period's two dates (NHS.UK date inputs), a system and a work stream.</summary>
public sealed class ImpactFilter
{
    public DateParts From { get; set; } = new();

    public DateParts To { get; set; } = new();

    public string? System { get; set; }

    public string? WorkStream { get; set; }
}

public sealed record WorkStreamChoice(Guid Id, string Key, string Title);

/// <summary>The filters once read: a valid period, and the system and work stream asked for (null for all).</summary>
public sealed record ImpactQuery(ReportingPeriod Period, SystemChoice? System, WorkStreamChoice? WorkStream);

/// <summary>How many answers chose one use or contribution, and what share of the answers that is.</summary>
public sealed record ImpactShare(string Name, string Label, int Count, double Percent);

/// <summary>What one requester wrote, with the request it is about.</summary>
public sealed record ImpactQuote(Guid AnswerId, Guid RequestId, string Question, string WorkStream, DateTimeOffset AnsweredAt, string? Text, bool CaseStudyConsent, Guid? CaseStudyId);

/// <summary>
/// The impact figures for requests delivered in the period: how many were delivered, how many
/// requesters were sent the form and how many answered, what they used the evidence for, the
/// hours they say it saved, whether they would recommend the service, and what they wrote.
/// </summary>
/// <param name="ResponseRatePercent">Answers as a share of the requests whose form was sent or answered; null when none were.</param>
public sealed record ImpactFigures(
    ImpactQuery Query,
    int Delivered,
    int Asked,
    int Answered,
    double? ResponseRatePercent,
    IReadOnlyList<ImpactShare> Uses,
    IReadOnlyList<ImpactShare> Contributions,
    decimal HoursSavedTotal,
    decimal? HoursSavedMedian,
    int AnswersGivingHours,
    double? WouldRecommendPercent,
    IReadOnlyList<ImpactShare> Recommendations,
    IReadOnlyList<ImpactQuote> Quotes);

/// <summary>
/// The impact report: requests delivered in the period (by the UTC date of delivery) for a system
/// or a work stream, and the answers their requesters gave. Counting by delivery keeps the
/// response rate honest: the answers are out of the same requests that were asked. The database
/// returns a lean projection; shares and medians are worked out here, the same on SQLite and PostgreSQL.
/// </summary>
public sealed class ImpactReport(PortalDbContext db, TimeProvider clock)
{
    private sealed record RequestFacts(Guid Id, string Question, string WorkStream, DateTimeOffset? AskedAt);

    private sealed record AnswerFacts(Guid Id, Guid RequestId, DateTimeOffset AnsweredAt, ImpactUses Uses, ImpactContributions ContributedTo, decimal? HoursSaved, Recommendation WouldRecommend, string? Comments, bool CaseStudyConsent);

    public ReportingPeriod ThisFinancialYear => ReportingPeriod.FinancialYearOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    /// <summary>The work streams the report can be filtered by, by title.</summary>
    public async Task<IReadOnlyList<WorkStreamChoice>> WorkStreamsAsync(CancellationToken cancellationToken) =>
        await db.WorkStreams.AsNoTracking().OrderBy(w => w.Title).Select(w => new WorkStreamChoice(w.Id, w.Key, w.Title)).ToListAsync(cancellationToken);

    /// <summary>Reads the page's filters; an empty date is the start or end of this financial year.</summary>
    public Task<(ImpactQuery? Query, IReadOnlyList<FieldProblem> Problems)> ReadAsync(ImpactFilter filter, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var from = filter.From.Read(nameof(ImpactFilter.From), "Start of the period", required: false, problems);
        var to = filter.To.Read(nameof(ImpactFilter.To), "End of the period", required: false, problems);
        return ReadAsync(from, filter.From.IsEmpty, to, filter.To.IsEmpty, filter.System, filter.WorkStream, problems, cancellationToken);
    }

    /// <summary>Reads the filters; a date left out (<paramref name="fromEmpty"/>, <paramref name="toEmpty"/>) is the start or end of this financial year.</summary>
    public async Task<(ImpactQuery? Query, IReadOnlyList<FieldProblem> Problems)> ReadAsync(
        DateOnly? from, bool fromEmpty, DateOnly? to, bool toEmpty, string? system, string? workStream, List<FieldProblem> problems, CancellationToken cancellationToken)
    {
        var year = ThisFinancialYear;
        from ??= fromEmpty ? year.From : null;
        to ??= toEmpty ? year.To : null;
        if (from is { } start && to is { } end && end < start)
        {
            problems.Add(new(nameof(ImpactFilter.To), "The end of the period must be the same as or after its start"));
        }

        var (chosenSystem, systemProblem) = await db.ReadSystemFilterAsync(system, nameof(ImpactFilter.System), cancellationToken);
        if (systemProblem is not null)
        {
            problems.Add(systemProblem);
        }

        WorkStreamChoice? chosenStream = null;
        if (!string.IsNullOrWhiteSpace(workStream))
        {
            var key = workStream.Trim();
            chosenStream = await db.WorkStreams.AsNoTracking().Where(w => w.Key == key).Select(w => new WorkStreamChoice(w.Id, w.Key, w.Title)).FirstOrDefaultAsync(cancellationToken);
            if (chosenStream is null)
            {
                problems.Add(new(nameof(ImpactFilter.WorkStream), "Choose a work stream from the list"));
            }
        }

        return problems.Count > 0
            ? (null, problems)
            : (new ImpactQuery(new ReportingPeriod(from!.Value, to!.Value), chosenSystem, chosenStream), []);
    }

    public async Task<ImpactFigures> RunAsync(ImpactQuery query, CancellationToken cancellationToken)
    {
        var (start, end) = (query.Period.Start, query.Period.End);
        var systemId = query.System?.Id;
        var workStreamId = query.WorkStream?.Id;
        var requests = await (
            from r in db.EvidenceRequests.AsNoTracking()
            join w in db.WorkStreams.AsNoTracking() on r.WorkStreamId equals w.Id
            where r.DeliveredAt >= start && r.DeliveredAt < end
            where systemId == null || w.SystemId == systemId
            where workStreamId == null || w.Id == workStreamId
            select new RequestFacts(r.Id, r.Details.Question, w.Title, r.ImpactAskedAt))
            .ToListAsync(cancellationToken);
        var ids = requests.Select(r => r.Id).ToList();
        var answers = await db.ImpactAnswers.AsNoTracking()
            .Where(a => ids.Contains(a.RequestId))
            .Select(a => new AnswerFacts(a.Id, a.RequestId, a.AnsweredAt, a.Details.Uses, a.Details.ContributedTo, a.Details.HoursSaved, a.Details.WouldRecommend, a.Details.Comments, a.Details.CaseStudyConsent))
            .ToListAsync(cancellationToken);
        var answerIds = answers.Select(a => a.Id).ToList();
        var studies = await db.CaseStudies.AsNoTracking().Where(c => answerIds.Contains(c.ImpactAnswerId))
            .Select(c => new { c.ImpactAnswerId, c.Id }).ToListAsync(cancellationToken);

        var answered = answers.Select(a => a.RequestId).ToHashSet();
        var askedOrAnswered = requests.Count(r => r.AskedAt is not null || answered.Contains(r.Id));
        double? Share(int count, int of) => of == 0 ? null : Math.Round(100.0 * count / of, 1, MidpointRounding.AwayFromZero);
        var uses = ImpactDetails.UseLabels
            .Select(u => Shared(u.Use.ToString(), u.Label, answers.Count(a => a.Uses.HasFlag(u.Use)), answers.Count)).ToList();
        var contributions = ImpactDetails.ContributionLabels
            .Select(c => Shared(c.Contribution.ToString(), c.Label, answers.Count(a => a.ContributedTo.HasFlag(c.Contribution)), answers.Count)).ToList();
        var recommendations = Enum.GetValues<Recommendation>()
            .Select(r => Shared(r.ToString(), ImpactLabels.Recommendation(r), answers.Count(a => a.WouldRecommend == r), answers.Count)).ToList();
        var hours = answers.Select(a => a.HoursSaved).OfType<decimal>().ToList();
        var median = Median.Of(hours.Select(h => (double)h));
        var questions = requests.ToDictionary(r => r.Id);
        var quotes = answers
            .Where(a => a.Comments is not null || a.CaseStudyConsent)
            .OrderByDescending(a => a.AnsweredAt)
            .Select(a => new ImpactQuote(a.Id, a.RequestId, questions[a.RequestId].Question, questions[a.RequestId].WorkStream, a.AnsweredAt, a.Comments, a.CaseStudyConsent,
                studies.FirstOrDefault(s => s.ImpactAnswerId == a.Id)?.Id))
            .ToList();
        return new ImpactFigures(
            query,
            requests.Count,
            requests.Count(r => r.AskedAt is not null),
            answers.Count,
            Share(answers.Count, askedOrAnswered),
            uses,
            contributions,
            hours.Sum(),
            median is { } m ? Math.Round((decimal)m, 2, MidpointRounding.AwayFromZero) : null,
            hours.Count,
            Share(answers.Count(a => a.WouldRecommend == Recommendation.Yes), answers.Count),
            recommendations,
            quotes);
    }

    private static ImpactShare Shared(string name, string label, int count, int of) =>
        new(name, label, count, of == 0 ? 0 : Math.Round(100.0 * count / of, 1, MidpointRounding.AwayFromZero));
}
