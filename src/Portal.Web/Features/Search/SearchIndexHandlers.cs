using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Geography;
using Portal.Core.Requests;
using Portal.Core.Segmentation;
using Portal.Core.Summaries;
using Portal.Core.WorkStreams;
using Portal.Data;
using Portal.Search;

namespace Portal.Web.Features.Search;

/// <summary>Summaries: every version, with its references; a change to one re-reads its series (which version is newest decides who finds it).</summary>
public sealed class SummaryIndexHandler : ISearchIndexHandler
{
    public string ContentType => nameof(SearchSummary);

    public string SearchType => SearchTypes.Summary;

    public async Task<IReadOnlyList<SearchDocument>> DocumentsAsync(PortalDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var guids = SearchTypes.Guids(ids);
        var series = await db.SearchSummaries.AsNoTracking().Where(s => guids.Contains(s.Id)).Select(s => s.SeriesId).Distinct().ToListAsync(cancellationToken);
        return await SeriesDocumentsAsync(db, series, cancellationToken);
    }

    /// <summary>None: a summary's delivery moves its request (ADR-015), which raises the request's own task.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyCollection<string>>> DependentsAsync(PortalDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult(SearchTypes.NoDependents);

    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> AllAsync(PortalDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var series = await db.SearchSummaries.AsNoTracking().Select(s => s.SeriesId).Distinct().ToListAsync(cancellationToken);
        foreach (var batch in series.Chunk(SearchTypes.RebuildBatch))
        {
            yield return await SeriesDocumentsAsync(db, batch, cancellationToken);
        }
    }

    /// <summary>The ids of the summaries of these requests (a consent change changes who finds them).</summary>
    internal static async Task<IReadOnlyCollection<string>> OfRequestsAsync(PortalDbContext db, IReadOnlyCollection<Guid> requestIds, CancellationToken cancellationToken) =>
        (await db.SearchSummaries.AsNoTracking().Where(s => requestIds.Contains(s.RequestId)).Select(s => s.Id).ToListAsync(cancellationToken))
            .Select(id => id.ToString()).ToList();

    private static async Task<IReadOnlyList<SearchDocument>> SeriesDocumentsAsync(PortalDbContext db, IReadOnlyCollection<Guid> seriesIds, CancellationToken cancellationToken)
    {
        if (seriesIds.Count == 0)
        {
            return [];
        }

        var summaries = await db.SearchSummaries.AsNoTracking().Where(s => seriesIds.Contains(s.SeriesId)).ToListAsync(cancellationToken);
        var requestIds = summaries.Select(s => s.RequestId).Distinct().ToList();
        var requests = await db.EvidenceRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var workStreams = await WorkStreamContext.LoadAsync(db, requests.Values.Select(r => r.WorkStreamId), cancellationToken);
        var summaryIds = summaries.Select(s => s.Id).ToList();
        var references = (await db.SummaryReferences.AsNoTracking().Where(r => summaryIds.Contains(r.SummaryId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.SummaryId);
        var newestFinal = summaries.Where(s => s.State == SummaryState.Final)
            .GroupBy(s => s.SeriesId)
            .ToDictionary(g => g.Key, g => g.Max(s => s.VersionNumber));
        return summaries
            .Select(s =>
            {
                var request = requests[s.RequestId];
                var isNewestFinal = newestFinal.TryGetValue(s.SeriesId, out var newest) && newest == s.VersionNumber;
                return SearchDocuments.Summary(s, request, workStreams[request.WorkStreamId], references[s.Id].OrderBy(r => r.Position), isNewestFinal);
            })
            .ToList();
    }
}

/// <summary>Submitted requests; a change to one re-reads its summaries (consent decides who finds them).</summary>
public sealed class RequestIndexHandler : ISearchIndexHandler
{
    public string ContentType => nameof(EvidenceRequest);

    public string SearchType => SearchTypes.Request;

    public async Task<IReadOnlyList<SearchDocument>> DocumentsAsync(PortalDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var guids = SearchTypes.Guids(ids);
        var requests = await db.EvidenceRequests.AsNoTracking().Where(r => guids.Contains(r.Id)).ToListAsync(cancellationToken);
        return await DocumentsAsync(db, requests, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyCollection<string>>> DependentsAsync(PortalDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        new Dictionary<string, IReadOnlyCollection<string>>
        {
            [nameof(SearchSummary)] = await SummaryIndexHandler.OfRequestsAsync(db, SearchTypes.Guids(ids), cancellationToken),
        };

    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> AllAsync(PortalDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = await db.EvidenceRequests.AsNoTracking().Where(r => r.State != RequestState.Draft).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var batch in ids.Chunk(SearchTypes.RebuildBatch))
        {
            var requests = await db.EvidenceRequests.AsNoTracking().Where(r => batch.Contains(r.Id)).ToListAsync(cancellationToken);
            yield return await DocumentsAsync(db, requests, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<SearchDocument>> DocumentsAsync(PortalDbContext db, List<EvidenceRequest> requests, CancellationToken cancellationToken)
    {
        var workStreams = await WorkStreamContext.LoadAsync(db, requests.Select(r => r.WorkStreamId), cancellationToken);
        return requests.Select(r => SearchDocuments.Request(r, workStreams[r.WorkStreamId])).OfType<SearchDocument>().ToList();
    }
}

/// <summary>Work streams; a change to one re-reads its requests, summaries and segmentation outputs (its title, topics and leads are on theirs).</summary>
public sealed class WorkStreamIndexHandler : ISearchIndexHandler
{
    public string ContentType => nameof(WorkStream);

    public string SearchType => SearchTypes.WorkStream;

    public async Task<IReadOnlyList<SearchDocument>> DocumentsAsync(PortalDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await DocumentsAsync(db, SearchTypes.Guids(ids), cancellationToken);

    public async Task<IReadOnlyDictionary<string, IReadOnlyCollection<string>>> DependentsAsync(PortalDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var guids = SearchTypes.Guids(ids);
        var requests = await db.EvidenceRequests.AsNoTracking().Where(r => guids.Contains(r.WorkStreamId)).Select(r => r.Id).ToListAsync(cancellationToken);
        var outputs = await db.SegmentationOutputs.AsNoTracking().Where(o => o.WorkStreams.Any(w => guids.Contains(w.WorkStreamId))).Select(o => o.Id).ToListAsync(cancellationToken);
        return new Dictionary<string, IReadOnlyCollection<string>>
        {
            [nameof(EvidenceRequest)] = requests.Select(id => id.ToString()).ToList(),
            [nameof(SearchSummary)] = await SummaryIndexHandler.OfRequestsAsync(db, requests, cancellationToken),
            [nameof(SegmentationOutput)] = outputs.Select(id => id.ToString()).ToList(),
        };
    }

    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> AllAsync(PortalDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = await db.WorkStreams.AsNoTracking().Select(w => w.Id).ToListAsync(cancellationToken);
        foreach (var batch in ids.Chunk(SearchTypes.RebuildBatch))
        {
            yield return await DocumentsAsync(db, batch, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<SearchDocument>> DocumentsAsync(PortalDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var streams = await db.WorkStreams.AsNoTracking()
            .Include(w => w.Topics).Include(w => w.Leads).Include(w => w.System).ThenInclude(s => s!.Parent)
            .AsSplitQuery()
            .Where(w => ids.Contains(w.Id))
            .ToListAsync(cancellationToken);
        return streams.Select(w => SearchDocuments.WorkStream(w, WorkStreamContext.Of(w))).ToList();
    }
}

/// <summary>Published (aggregated, disclosure-controlled) segmentation outputs.</summary>
public sealed class SegmentationIndexHandler : ISearchIndexHandler
{
    public string ContentType => nameof(SegmentationOutput);

    public string SearchType => SearchTypes.Segmentation;

    public async Task<IReadOnlyList<SearchDocument>> DocumentsAsync(PortalDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await DocumentsAsync(db, SearchTypes.Guids(ids), cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyCollection<string>>> DependentsAsync(PortalDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult(SearchTypes.NoDependents);

    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> AllAsync(PortalDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = await db.SegmentationOutputs.AsNoTracking().Select(o => o.Id).ToListAsync(cancellationToken);
        foreach (var batch in ids.Chunk(SearchTypes.RebuildBatch))
        {
            yield return await DocumentsAsync(db, batch, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<SearchDocument>> DocumentsAsync(PortalDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        // Not the output's CSV: it is numbers, and the page shows them.
        var outputs = await db.SegmentationOutputs.AsNoTracking()
            .Include(o => o.Area).ThenInclude(a => a!.Parent).ThenInclude(p => p!.Parent)
            .Include(o => o.WorkStreams)
            .AsSplitQuery()
            .Where(o => ids.Contains(o.Id))
            .ToListAsync(cancellationToken);
        var streamIds = outputs.SelectMany(o => o.WorkStreams.Select(w => w.WorkStreamId)).Distinct().ToList();
        var titles = await db.WorkStreams.AsNoTracking().Where(w => streamIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Title, cancellationToken);
        return outputs.Select(o =>
        {
            var (system, region) = SystemAndRegion(o.Area);
            return SearchDocuments.Segmentation(o, system, region, o.WorkStreams.Select(w => titles.GetValueOrDefault(w.WorkStreamId)).OfType<string>().ToList());
        }).ToList();
    }

    private static (string? System, string? Region) SystemAndRegion(GeoArea? area) => area?.Level switch
    {
        GeoLevel.Region => (null, area.Name),
        GeoLevel.System => (area.Name, area.Parent?.Name),
        GeoLevel.Place or GeoLevel.Neighbourhood => (area.Parent?.Name, area.Parent?.Parent?.Name),
        _ => (null, null),
    };
}
