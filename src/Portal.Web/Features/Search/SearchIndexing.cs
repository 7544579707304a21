using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.SaveHook;
using Portal.Search;

namespace Portal.Web.Features.Search;

/// <summary>
/// Keeps this node's index in step with the database: reads the indexing-task log after the
/// index's cursor (and the gaps it passed), re-reads the content the tasks name, and commits the
/// documents with the new cursor. Rebuilds when there is no usable index or a rebuild was asked
/// for since the index was built. Every node runs its own; they share nothing but the database.
/// </summary>
public sealed class SearchIndexing(SearchIndex index, IEnumerable<ISearchIndexHandler> handlers, SearchOptions options, TimeProvider clock, ILogger<SearchIndexing> logger)
{
    private readonly Dictionary<string, ISearchIndexHandler> _handlers = handlers.ToDictionary(h => h.ContentType, StringComparer.Ordinal);

    /// <summary>
    /// One step: a rebuild when one is due, else one batch of tasks. Returns how many tasks were
    /// applied (the whole index counts as one batch), so the caller knows whether to go straight on.
    /// </summary>
    public async Task<int> StepAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var asked = await db.SearchRebuildRequests.AsNoTracking().MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;
        if (!index.IsReady || asked > index.Cursor.RebuildRequest)
        {
            await RebuildAsync(db, asked, cancellationToken);
            return 0;
        }

        return await CatchUpAsync(db, cancellationToken);
    }

    /// <summary>Applies the next batch of tasks; how many there were.</summary>
    public async Task<int> CatchUpAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var cursor = index.Cursor;
        var gapIds = cursor.GapIds;
        var tasks = await db.IndexingTasks.AsNoTracking()
            .Where(t => t.Id > cursor.Position || gapIds.Contains(t.Id))
            .OrderBy(t => t.Id)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var reached = cursor.After(tasks.Select(t => t.Id).ToList(), now, now - options.GapTimeout);
        if (tasks.Count == 0 && reached.Gaps.Count == cursor.Gaps.Count)
        {
            return 0;
        }

        var (documents, deleted) = await ReadAsync(db, tasks, cancellationToken);
        index.Apply(documents, deleted, reached);
        return tasks.Count;
    }

    /// <summary>
    /// Builds a new index beside the live one from everything in the database and swaps it in. The
    /// cursor is read first: a change made while the rebuild reads is applied again afterwards.
    /// </summary>
    public async Task RebuildAsync(PortalDbContext db, long rebuildRequest, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var cursor = await StartingCursorAsync(db, rebuildRequest, cancellationToken);
        var synonyms = await SynonymsAsync(db, cancellationToken);
        logger.LogInformation("Search: rebuilding the index (tasks up to {Position}).", cursor.Position);
        using var builder = index.BeginRebuild(synonyms);
        var documents = 0;
        foreach (var handler in _handlers.Values)
        {
            await foreach (var batch in handler.AllAsync(db, cancellationToken))
            {
                // Analysis is the work: both cores share it while the next batch is read.
                Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, builder.Add);
                documents += batch.Count;
            }
        }

        builder.Complete(cursor);
        logger.LogInformation("Search: rebuilt the index with {Documents} documents in {Seconds:0.0} s.", documents, (clock.GetUtcNow() - started).TotalSeconds);
    }

    /// <summary>The synonyms admins saved, or the portal's own when none were saved.</summary>
    public static async Task<SynonymRules> SynonymsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var saved = await db.SearchSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return saved is null ? SynonymRules.Default : SynonymRules.Parse(saved.Synonyms).Rules ?? SynonymRules.Default;
    }

    /// <summary>
    /// The newest task, and as gaps the ids missing among the recent ones (a transaction still open
    /// when the rebuild starts may commit a lower id later).
    /// </summary>
    private async Task<IndexCursor> StartingCursorAsync(PortalDbContext db, long rebuildRequest, CancellationToken cancellationToken)
    {
        var newest = await db.IndexingTasks.AsNoTracking().MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
        var from = Math.Max(0, newest - IndexCursor.MaxGaps);
        var recent = await db.IndexingTasks.AsNoTracking().Where(t => t.Id > from).Select(t => t.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new IndexCursor(from, [], rebuildRequest).After(recent, now, now - options.GapTimeout);
    }

    private async Task<(List<SearchDocument> Documents, List<string> Deleted)> ReadAsync(PortalDbContext db, List<IndexingTask> tasks, CancellationToken cancellationToken)
    {
        var ids = tasks
            .Where(t => _handlers.ContainsKey(t.ContentType))
            .GroupBy(t => t.ContentType, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.ContentId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (type, changed) in ids.ToList())
        {
            foreach (var (dependentType, dependentIds) in await _handlers[type].DependentsAsync(db, changed, cancellationToken))
            {
                if (_handlers.ContainsKey(dependentType))
                {
                    (ids.TryGetValue(dependentType, out var set) ? set : ids[dependentType] = new HashSet<string>(StringComparer.Ordinal)).UnionWith(dependentIds);
                }
            }
        }

        var documents = new List<SearchDocument>();
        var deleted = new List<string>();
        foreach (var (type, changed) in ids)
        {
            var handler = _handlers[type];
            var found = await handler.DocumentsAsync(db, changed, cancellationToken);
            documents.AddRange(found);
            var kept = found.Where(d => d.Type == handler.SearchType).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            deleted.AddRange(changed.Where(id => !kept.Contains(id)).Select(id => SearchDocument.KeyOf(handler.SearchType, id)));
        }

        return (documents, deleted);
    }
}

/// <summary>Runs <see cref="SearchIndexing"/> on this node: straight on while there is a backlog, else every poll interval; after a failure, later each time.</summary>
public sealed class SearchIndexingService(SearchIndex index, IServiceScopeFactory scopes, SearchOptions options, SearchIndexSignal signal, TimeProvider clock, ILogger<SearchIndexingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            try
            {
                index.UseSynonyms(await SearchIndexing.SynonymsAsync(db, stoppingToken));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Search: the saved synonyms could not be read; using the portal's own until the next rebuild.");
            }
        }

        if (!TryOpen())
        {
            // The index keeps the reason for the status page too: an administrator who finds a fresh index should know why.
            logger.LogWarning("Search: no usable index on this node ({Reason}); rebuilding.", index.Status().LastError);
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var applied = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                applied = await scope.ServiceProvider.GetRequiredService<SearchIndexing>().StepAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), stoppingToken);
                failures = 0;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                index.RecordError($"Keeping the index in step failed: {e.Message}");
                logger.LogError(e, "Search: keeping the index in step failed ({Failures} in a row); trying again.", failures);
            }

            if (applied < options.BatchSize)
            {
                // Back off after failures (a full disk does not empty itself), up to a minute.
                var wait = failures == 0 ? options.PollInterval : TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, options.PollInterval.Ticks << Math.Min(failures, 6)));
                try
                {
                    // A save on this node wakes it at once; other nodes' saves are found at the next poll.
                    if (failures == 0)
                    {
                        await signal.WaitAsync(wait, clock, stoppingToken);
                    }
                    else
                    {
                        await Task.Delay(wait, clock, stoppingToken);
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Opens the index left by the last run. Whatever a damaged folder throws, the node rebuilds
    /// rather than stopping: the database holds everything the index is made from.
    /// </summary>
    private bool TryOpen()
    {
        try
        {
            return index.TryOpen();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            index.RecordError($"The index could not be opened and is being rebuilt: {e.Message}");
            logger.LogWarning(e, "Search: the index could not be opened.");
            return false;
        }
    }
}

/// <summary>Wakes this node's indexing loop when a save here wrote indexing tasks.</summary>
public sealed class SearchIndexSignal : WakeSignal, IIndexingObserver
{
    void IIndexingObserver.TasksQueued() => Notify();
}
