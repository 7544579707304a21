using Microsoft.EntityFrameworkCore;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Web.Features.Librarians;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Coordination;

/// <summary>A request on the board: enough to recognise it, see who holds it and how long it has waited.</summary>
public sealed record BoardCard(
    Guid Id,
    string Question,
    RequestState State,
    string WorkStream,
    string System,
    string RequesterName,
    string? ClaimantName,
    DateOnly Deadline,
    bool Overdue,
    int? DaysSinceSubmitted,
    DateTimeOffset? DeliveredAt);

/// <summary>One state's requests, in the order a coordinator works through them.</summary>
public sealed record BoardColumn(RequestState State, string Heading, IReadOnlyList<BoardCard> Requests);

/// <summary>How many requests a system has in each state of the board.</summary>
public sealed record BoardSystemRow(string Code, string Name, IReadOnlyDictionary<RequestState, int> Counts)
{
    public int Count(RequestState state) => Counts.GetValueOrDefault(state);
}

public sealed record BoardPage(
    SystemChoice? System,
    IReadOnlyList<SystemChoice> Systems,
    IReadOnlyList<BoardSystemRow> BySystem,
    IReadOnlyList<BoardColumn> Columns,
    IReadOnlyList<BoardCard> Unclaimed,
    IReadOnlyList<BoardCard> Overdue,
    int UnclaimedAfterDays,
    bool MayAssign);

/// <summary>
/// The coordinator's pipeline: every open request and those delivered lately, by state and by
/// system, with the two lists that need action — long unclaimed and overdue.
/// </summary>
public sealed class PipelineBoard(PortalDbContext db, TimeProvider clock, CoordinationOptions options)
{
    /// <summary>Delivered requests stay on the board this long, so the week's work shows.</summary>
    public const int RecentDays = 30;

    public static readonly RequestState[] States =
        [RequestState.Submitted, RequestState.Claimed, RequestState.AwaitingRequester, RequestState.InReview, RequestState.Delivered];

    private static readonly RequestState[] OpenStates = [RequestState.Submitted, .. LibrarianDirectory.HeldStates];

    public async Task<BoardPage> BuildAsync(SystemChoice? system, bool mayAssign, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deliveredSince = now.AddDays(-RecentDays);
        var query = from r in db.EvidenceRequests.AsNoTracking()
                    join w in db.WorkStreams.AsNoTracking() on r.WorkStreamId equals w.Id
                    where OpenStates.Contains(r.State) || (r.State == RequestState.Delivered && r.DeliveredAt >= deliveredSince)
                    select new { Request = r, WorkStream = w.Title, w.SystemId };
        if (system is not null)
        {
            query = query.Where(x => x.SystemId == system.Id);
        }

        var found = await query.ToListAsync(cancellationToken);
        var systemIds = found.Select(x => x.SystemId).Distinct().ToList();
        var systems = await db.GeoAreas.AsNoTracking().Where(a => systemIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => (a.Code, a.Name), cancellationToken);
        var names = await db.DisplayNamesAsync(found.SelectMany(x => new[] { x.Request.RequesterId, x.Request.ClaimantId }).OfType<string>(), cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var cards = found.Select(x =>
        {
            var r = x.Request;
            return (x.SystemId, Card: new BoardCard(
                r.Id,
                r.Details.Question,
                r.State,
                x.WorkStream,
                systems.GetValueOrDefault(x.SystemId).Name ?? string.Empty,
                names.GetValueOrDefault(r.RequesterId, "Unknown"),
                r.ClaimantId is null ? null : names.GetValueOrDefault(r.ClaimantId, "Unknown"),
                r.EffectiveDeadline(now),
                r.IsOverdue(now),
                r.SubmittedAt is { } submitted ? today.DayNumber - DateOnly.FromDateTime(submitted.UtcDateTime).DayNumber : null,
                r.DeliveredAt));
        }).ToList();

        var bySystem = cards.GroupBy(c => c.SystemId)
            .Select(g => new BoardSystemRow(
                systems.GetValueOrDefault(g.Key).Code ?? string.Empty,
                systems.GetValueOrDefault(g.Key).Name ?? string.Empty,
                g.GroupBy(c => c.Card.State).ToDictionary(s => s.Key, s => s.Count())))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture)
            .ToList();
        var all = cards.Select(c => c.Card).ToList();
        var unclaimedSince = now.AddDays(-options.UnclaimedAfterDays);
        var submittedAt = found.ToDictionary(x => x.Request.Id, x => x.Request.SubmittedAt);

        return new BoardPage(
            system,
            await db.SystemsWithWorkStreamsAsync(cancellationToken),
            bySystem,
            States.Select(state => new BoardColumn(state, Heading(state), InWorkingOrder(all.Where(c => c.State == state)).ToList())).ToList(),
            all.Where(c => c.State == RequestState.Submitted && submittedAt[c.Id] <= unclaimedSince).OrderByDescending(c => c.DaysSinceSubmitted).ToList(),
            all.Where(c => c.Overdue && LibrarianDirectory.HeldStates.Contains(c.State)).OrderBy(c => c.Deadline).ToList(),
            options.UnclaimedAfterDays,
            mayAssign);
    }

    public static string Heading(RequestState state) => state switch
    {
        RequestState.Delivered => $"Delivered in the last {RecentDays} days",
        _ => Requests.RequestStates.Label(state),
    };

    /// <summary>Waiting longest first; held work by deadline; delivered newest first.</summary>
    private static IEnumerable<BoardCard> InWorkingOrder(IEnumerable<BoardCard> cards) => cards.FirstOrDefault()?.State switch
    {
        RequestState.Submitted => cards.OrderByDescending(c => c.DaysSinceSubmitted),
        RequestState.Delivered => cards.OrderByDescending(c => c.DeliveredAt),
        _ => cards.OrderBy(c => c.Deadline),
    };
}

/// <summary>A list of requests on the board, and whether to offer to assign them.</summary>
public sealed record BoardTableModel(IReadOnlyList<BoardCard> Cards, bool MayAssign, string Caption);
