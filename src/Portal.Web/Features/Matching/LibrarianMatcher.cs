using Microsoft.EntityFrameworkCore;
using Portal.Core.Geography;
using Portal.Core.Librarians;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Web.Features.Librarians;

namespace Portal.Web.Features.Matching;

/// <summary>The librarians ranked for one request, with the profiles behind the ranking.</summary>
public sealed record LibrariansForRequest(MatchRequest Request, string WorkStreamTitle, IReadOnlyList<LibrarianMatch> Matches, IReadOnlyDictionary<string, LibrarianProfile> Profiles);

/// <summary>An open request ranked for one librarian: where it comes from, when it is due, and how well it matches them.</summary>
public sealed record RequestForLibrarian(
    Guid RequestId, string Question, string WorkStreamKey, string WorkStreamTitle, string SystemName, DateOnly Deadline, LibrarianMatch Match);

/// <summary>
/// Loads what matching needs from the database and ranks with <see cref="Core.Librarians.Matching.Rank"/>: the
/// librarians for a request (the coordinator's view and the notifications), and the open requests
/// for a librarian (requests for me), scored with the same factors either way. A handful of
/// queries each way, however many librarians or requests.
/// </summary>
public sealed class LibrarianMatcher(PortalDbContext db, LibrarianDirectory directory, IPastWorkSimilarity similarity, MatchSettings settings)
{
    /// <summary>
    /// Every active librarian ranked for the request, except its requester and <paramref name="leaveOut"/>
    /// (a librarian who has just released it). The request may be one not saved yet.
    /// </summary>
    public async Task<LibrariansForRequest> RankLibrariansAsync(EvidenceRequest request, DateTimeOffset now, CancellationToken cancellationToken, string? leaveOut = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var workStream = (await WorkStreamFactsAsync([request.WorkStreamId], cancellationToken))[request.WorkStreamId];
        var matchRequest = workStream.ToMatchRequest(request.EffectiveDeadline(now));
        var ids = (await directory.ActiveLibrarianIdsAsync(cancellationToken)).Where(id => id != request.RequesterId && id != leaveOut).ToList();
        if (ids.Count == 0)
        {
            return new LibrariansForRequest(matchRequest, workStream.Title, [], new Dictionary<string, LibrarianProfile>());
        }

        var profiles = await db.LibrarianProfiles.AsNoTracking().AsSplitQuery().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, StringComparer.Ordinal, cancellationToken);
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.SystemId })
            .ToDictionaryAsync(u => u.Id, StringComparer.Ordinal, cancellationToken);
        var regions = await RegionsOfSystemsAsync(cancellationToken);
        var openClaims = await directory.OpenClaimsAsync(cancellationToken);
        var scores = await similarity.ScoreAsync(db, [workStream.ToQuestion(request)], ids, cancellationToken);

        var allProfiles = new Dictionary<string, LibrarianProfile>(StringComparer.Ordinal);
        var candidates = new List<MatchCandidate>(ids.Count);
        foreach (var id in ids)
        {
            var profile = profiles.GetValueOrDefault(id) ?? new LibrarianProfile(id);
            var person = people[id];
            allProfiles[id] = profile;
            candidates.Add(new MatchCandidate(
                profile, person.DisplayName, GeographyOf(profile.SystemId ?? person.SystemId, regions), openClaims.GetValueOrDefault(id), scores.Of(request.Id, id)));
        }

        var ranked = Core.Librarians.Matching.Rank(matchRequest, candidates, settings.Weights, DateOnly.FromDateTime(now.UtcDateTime));
        return new LibrariansForRequest(matchRequest, workStream.Title, ranked, allProfiles);
    }

    /// <summary>
    /// The submitted requests the librarian could claim (not their own), that pass the filter,
    /// best match first; then the nearest deadline, then the longest waiting.
    /// </summary>
    public async Task<IReadOnlyList<RequestForLibrarian>> RankRequestsForAsync(string librarianId, MatchFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(librarianId);
        ArgumentNullException.ThrowIfNull(filter);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var query = db.EvidenceRequests.AsNoTracking().Where(r => r.State == RequestState.Submitted && r.RequesterId != librarianId);
        if (filter.TopicId is { } topicId)
        {
            query = query.Where(r => db.WorkStreams.Any(w => w.Id == r.WorkStreamId && w.Topics.Any(t => t.Id == topicId)));
        }

        if (filter.SystemId is { } systemId)
        {
            query = query.Where(r => db.WorkStreams.Any(w => w.Id == r.WorkStreamId && w.SystemId == systemId));
        }

        DateOnly? dueBy = filter.DueWithinDays is { } days ? today.AddDays(days) : null;
        if (dueBy is { } limit)
        {
            // The effective deadline is never before the one asked for, so this keeps every request that can be due in time.
            query = query.Where(r => r.Details.Deadline <= limit);
        }

        var requests = (await query.ToListAsync(cancellationToken))
            .Where(r => dueBy is null || r.EffectiveDeadline(now) <= dueBy)
            .ToList();
        if (requests.Count == 0)
        {
            return [];
        }

        var workStreams = await WorkStreamFactsAsync(requests.Select(r => r.WorkStreamId).Distinct().ToList(), cancellationToken);
        var profile = await directory.ProfileOrDefaultAsync(librarianId, tracked: false, cancellationToken);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == librarianId).Select(u => new { u.DisplayName, u.SystemId }).SingleAsync(cancellationToken);
        var geography = GeographyOf(profile.SystemId ?? person.SystemId, await RegionsOfSystemsAsync(cancellationToken));
        var openClaims = await directory.OpenClaimsOfAsync(librarianId, cancellationToken);
        var scores = await similarity.ScoreAsync(db, requests.Select(r => workStreams[r.WorkStreamId].ToQuestion(r)).ToList(), [librarianId], cancellationToken);

        return requests
            .Select(r =>
            {
                var workStream = workStreams[r.WorkStreamId];
                var deadline = r.EffectiveDeadline(now);
                var candidate = new MatchCandidate(profile, person.DisplayName, geography, openClaims, scores.Of(r.Id, librarianId));
                var match = Core.Librarians.Matching.Rank(workStream.ToMatchRequest(deadline), [candidate], settings.Weights, today)[0];
                return (Request: r, Row: new RequestForLibrarian(r.Id, r.Details.Question, workStream.Key, workStream.Title, workStream.SystemName, deadline, match));
            })
            .OrderByDescending(x => x.Row.Match.Score)
            .ThenBy(x => x.Row.Deadline)
            .ThenBy(x => x.Request.SubmittedAt)
            .ThenBy(x => x.Request.Id)
            .Select(x => x.Row)
            .ToList();
    }

    private static GeoPath GeographyOf(int? systemId, IReadOnlyDictionary<int, int?> regions) =>
        new(PlaceId: null, systemId, systemId is { } id ? regions.GetValueOrDefault(id) : null);

    /// <summary>Each system's region: the few dozen systems in one small query.</summary>
    private async Task<IReadOnlyDictionary<int, int?>> RegionsOfSystemsAsync(CancellationToken cancellationToken) =>
        await db.GeoAreas.AsNoTracking().Where(a => a.Level == GeoLevel.System).ToDictionaryAsync(a => a.Id, a => a.ParentId, cancellationToken);

    private async Task<IReadOnlyDictionary<Guid, WorkStreamFacts>> WorkStreamFactsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var rows = await db.WorkStreams.AsNoTracking()
            .Where(w => ids.Contains(w.Id))
            .Select(w => new
            {
                w.Id,
                w.Key,
                w.Title,
                w.SystemId,
                SystemName = w.System!.Name,
                RegionId = w.System.ParentId,
                w.PlaceId,
                Topics = w.Topics.OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            w => w.Id,
            w => new WorkStreamFacts(w.Key, w.Title, w.SystemName, new GeoPath(w.PlaceId, w.SystemId, w.RegionId), w.Topics.Select(t => (t.Id, t.Name)).ToList()));
    }

    /// <summary>What matching needs to know about a request's work stream: where it is and its topics (in name order).</summary>
    private sealed record WorkStreamFacts(string Key, string Title, string SystemName, GeoPath Geography, IReadOnlyList<(int Id, string Name)> Topics)
    {
        public MatchRequest ToMatchRequest(DateOnly deadline) =>
            new(Topics.Select(t => t.Id).ToList(), Topics.ToDictionary(t => t.Id, t => t.Name), Geography, deadline);

        public PastWorkQuestion ToQuestion(EvidenceRequest request) => new(request.Id, request.Details.Question, Topics.Select(t => t.Id).ToList());
    }
}

/// <summary>Which open requests a librarian wants to see: a topic of the work stream, its system, and how soon it is due.</summary>
public sealed record MatchFilter(int? TopicId = null, int? SystemId = null, int? DueWithinDays = null)
{
    public static MatchFilter None { get; } = new();
}
