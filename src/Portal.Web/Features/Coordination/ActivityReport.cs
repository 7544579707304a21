using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Reporting;
using Portal.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Coordination;

/// <summary>The report's filters as typed: the period's two dates (NHS.UK date inputs), a system and a service.</summary>
public sealed class ActivityFilter
{
    public DateParts From { get; set; } = new();

    public DateParts To { get; set; } = new();

    public string? System { get; set; }

    public string? Service { get; set; }
}

/// <summary>The filters once read: a valid period, and the system and service asked for (null for all).</summary>
public sealed record ActivityQuery(ReportingPeriod Period, SystemChoice? System, string? Service);

/// <summary>One line of the report: a system and LKS service, or the totals.</summary>
public sealed record ActivityRow(
    string System,
    string Service,
    int Received,
    int Claimed,
    int Delivered,
    double? MedianDaysToClaim,
    double? MedianDaysToDeliver,
    int Minutes,
    int Reused)
{
    public decimal Hours => Math.Round(Minutes / 60m, 1, MidpointRounding.AwayFromZero);
}

public sealed record ActivityTable(ActivityQuery Query, IReadOnlyList<ActivityRow> Rows, ActivityRow Total);

/// <summary>
/// The activity figures a library and knowledge service reports, by system, service and period.
/// Each figure counts what happened in the period: requests received (submitted), claimed,
/// delivered, the median days from submission to claim and to delivery, hours recorded, and
/// reuse (requests closed as answered by an existing summary). A request counts for the service
/// of the librarian who holds it; hours count for the service of the librarian who recorded them.
/// The database returns a lean projection; grouping and medians are done here, the same on
/// SQLite and PostgreSQL.
/// </summary>
public sealed class ActivityReport(PortalDbContext db, TimeProvider clock)
{
    public const string NotClaimed = "Not claimed";
    public const string NoService = "Service not given";

    private sealed record RequestFacts(int SystemId, string? ClaimantId, DateTimeOffset? SubmittedAt, DateTimeOffset? ClaimedAt, DateTimeOffset? DeliveredAt, DateTimeOffset? ClosedAt, bool AnsweredBySummary);

    private sealed record TimeFacts(int SystemId, string LibrarianId, int Minutes);

    public ReportingPeriod ThisFinancialYear => ReportingPeriod.FinancialYearOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    /// <summary>The LKS services librarians have named in their profiles, and the two labels the report adds.</summary>
    public async Task<IReadOnlyList<string>> ServicesAsync(CancellationToken cancellationToken)
    {
        var named = await db.LibrarianProfiles.AsNoTracking().Where(p => p.Service != null).Select(p => p.Service!).Distinct().ToListAsync(cancellationToken);
        return [.. named.Order(StringComparer.CurrentCulture), NoService, NotClaimed];
    }

    /// <summary>Reads the filters; an empty date is the start or end of this financial year.</summary>
    public async Task<(ActivityQuery? Query, IReadOnlyList<FieldProblem> Problems)> ReadAsync(ActivityFilter filter, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var year = ThisFinancialYear;
        var from = filter.From.Read(nameof(ActivityFilter.From), "Start of the period", required: false, problems) ?? (filter.From.IsEmpty ? year.From : null);
        var to = filter.To.Read(nameof(ActivityFilter.To), "End of the period", required: false, problems) ?? (filter.To.IsEmpty ? year.To : null);
        if (from is { } start && to is { } end && end < start)
        {
            problems.Add(new(nameof(ActivityFilter.To), "The end of the period must be the same as or after its start"));
        }

        var (system, systemProblem) = await db.ReadSystemFilterAsync(filter.System, nameof(ActivityFilter.System), cancellationToken);
        if (systemProblem is not null)
        {
            problems.Add(systemProblem);
        }

        var service = string.IsNullOrWhiteSpace(filter.Service) ? null : filter.Service.Trim();
        if (service is not null && !(await ServicesAsync(cancellationToken)).Contains(service, StringComparer.Ordinal))
        {
            problems.Add(new(nameof(ActivityFilter.Service), "Choose an LKS service from the list"));
        }

        return problems.Count > 0
            ? (null, problems)
            : (new ActivityQuery(new ReportingPeriod(from!.Value, to!.Value), system, service), []);
    }

    public async Task<ActivityTable> RunAsync(ActivityQuery query, CancellationToken cancellationToken)
    {
        var (start, end) = (query.Period.Start, query.Period.End);
        var systemId = query.System?.Id;
        var requests = await (
            from r in db.EvidenceRequests.AsNoTracking()
            join w in db.WorkStreams.AsNoTracking() on r.WorkStreamId equals w.Id
            where systemId == null || w.SystemId == systemId
            where (r.SubmittedAt >= start && r.SubmittedAt < end)
                || (r.ClaimedAt >= start && r.ClaimedAt < end)
                || (r.DeliveredAt >= start && r.DeliveredAt < end)
                || (r.AnsweredBySummaryId != null && r.ClosedAt >= start && r.ClosedAt < end)
            select new RequestFacts(w.SystemId, r.ClaimantId, r.SubmittedAt, r.ClaimedAt, r.DeliveredAt, r.ClosedAt, r.AnsweredBySummaryId != null))
            .ToListAsync(cancellationToken);
        var (firstDay, lastDay) = (query.Period.From, query.Period.To);
        var time = await (
            from t in db.TimeRecords.AsNoTracking()
            join r in db.EvidenceRequests.AsNoTracking() on t.RequestId equals r.Id
            join w in db.WorkStreams.AsNoTracking() on r.WorkStreamId equals w.Id
            where t.On >= firstDay && t.On <= lastDay
            where systemId == null || w.SystemId == systemId
            select new TimeFacts(w.SystemId, t.LibrarianId, t.Minutes))
            .ToListAsync(cancellationToken);

        var people = requests.Select(r => r.ClaimantId).OfType<string>().Concat(time.Select(t => t.LibrarianId)).Distinct().ToList();
        var services = await db.LibrarianProfiles.AsNoTracking().Where(p => people.Contains(p.UserId))
            .Select(p => new { p.UserId, p.Service }).ToDictionaryAsync(p => p.UserId, p => p.Service, cancellationToken);
        string ServiceOf(string? librarianId) => librarianId is null ? NotClaimed : services.GetValueOrDefault(librarianId) ?? NoService;

        var tallies = new Dictionary<(int SystemId, string Service), Tally>();
        Tally TallyFor(int system, string service)
        {
            if (!tallies.TryGetValue((system, service), out var tally))
            {
                tallies[(system, service)] = tally = new Tally();
            }

            return tally;
        }

        foreach (var r in requests)
        {
            TallyFor(r.SystemId, ServiceOf(r.ClaimantId)).Count(r, query.Period);
        }

        foreach (var t in time)
        {
            TallyFor(t.SystemId, ServiceOf(t.LibrarianId)).Minutes += t.Minutes;
        }

        var chosen = tallies.Where(t => query.Service is null || t.Key.Service == query.Service).ToList();
        var systemIds = chosen.Select(t => t.Key.SystemId).Distinct().ToList();
        var systemNames = await db.GeoAreas.AsNoTracking().Where(a => systemIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var rows = chosen
            .Select(t => t.Value.ToRow(systemNames.GetValueOrDefault(t.Key.SystemId, string.Empty), t.Key.Service))
            .OrderBy(r => r.System, StringComparer.CurrentCulture)
            .ThenBy(r => r.Service is NotClaimed or NoService)
            .ThenBy(r => r.Service, StringComparer.CurrentCulture)
            .ToList();
        var total = Tally.Combine(chosen.Select(t => t.Value)).ToRow(query.System?.Name ?? "All systems", query.Service ?? "All services");
        return new ActivityTable(query, rows, total);
    }

    /// <summary>The counts and durations of one line, added up request by request.</summary>
    private sealed class Tally
    {
        public int Received { get; private set; }

        public int Claimed => DaysToClaim.Count + ClaimedWithoutSubmission;

        public int Delivered => DaysToDeliver.Count + DeliveredWithoutSubmission;

        public int Reused { get; private set; }

        public int Minutes { get; set; }

        private List<double> DaysToClaim { get; } = [];

        private List<double> DaysToDeliver { get; } = [];

        private int ClaimedWithoutSubmission { get; set; }

        private int DeliveredWithoutSubmission { get; set; }

        public void Count(RequestFacts r, ReportingPeriod period)
        {
            if (r.SubmittedAt is { } submitted && period.Contains(submitted))
            {
                Received++;
            }

            if (r.ClaimedAt is { } claimed && period.Contains(claimed))
            {
                Add(DaysToClaim, r.SubmittedAt, claimed, () => ClaimedWithoutSubmission++);
            }

            if (r.DeliveredAt is { } delivered && period.Contains(delivered))
            {
                Add(DaysToDeliver, r.SubmittedAt, delivered, () => DeliveredWithoutSubmission++);
            }

            if (r.AnsweredBySummary && r.ClosedAt is { } closed && period.Contains(closed))
            {
                Reused++;
            }
        }

        public static Tally Combine(IEnumerable<Tally> tallies)
        {
            var all = new Tally();
            foreach (var t in tallies)
            {
                all.Received += t.Received;
                all.Reused += t.Reused;
                all.Minutes += t.Minutes;
                all.DaysToClaim.AddRange(t.DaysToClaim);
                all.DaysToDeliver.AddRange(t.DaysToDeliver);
                all.ClaimedWithoutSubmission += t.ClaimedWithoutSubmission;
                all.DeliveredWithoutSubmission += t.DeliveredWithoutSubmission;
            }

            return all;
        }

        public ActivityRow ToRow(string system, string service) =>
            new(system, service, Received, Claimed, Delivered, Median.Of(DaysToClaim), Median.Of(DaysToDeliver), Minutes, Reused);

        private static void Add(List<double> days, DateTimeOffset? submitted, DateTimeOffset at, Action withoutSubmission)
        {
            if (submitted is { } since)
            {
                days.Add(Math.Max(0, (at - since).TotalDays));
            }
            else
            {
                withoutSubmission();
            }
        }
    }
}
