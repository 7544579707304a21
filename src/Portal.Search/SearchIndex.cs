using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Portal.Search;

/// <summary>Where a node's index lives and how its folders are opened (tests wrap the directory to make it fail).</summary>
public sealed class SearchIndexOptions
{
    /// <summary>The node's own folder; the live index is a generation folder inside it.</summary>
    public required string Path { get; init; }

    /// <summary>Opens a generation folder as a Lucene directory; a plain file-system directory unless a test says otherwise.</summary>
    public Func<string, LuceneDirectory> OpenDirectory { get; init; } = folder => FSDirectory.Open(folder);

    public SynonymRules Synonyms { get; init; } = SynonymRules.Default;
}

/// <summary>What the index is doing, for the admin status page and for searches while it rebuilds.</summary>
public enum SearchIndexState
{
    /// <summary>Not opened yet.</summary>
    Starting,

    Ready,

    /// <summary>No usable index (none yet, deleted or corrupt): one is being built; searches are refused meanwhile.</summary>
    Rebuilding,
}

public sealed record SearchIndexStatus(
    SearchIndexState State,
    int Documents,
    IndexCursor Cursor,
    DateTimeOffset? LastCommitAt,
    DateTimeOffset? LastRebuildAt,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    bool RebuildingBeside);

/// <summary>
/// One node's Lucene index. The live index is a generation folder named by the file "current";
/// a rebuild writes a new generation beside it and swaps the name, so searches keep the old one
/// until the new one is complete. Every commit carries the <see cref="IndexCursor"/> it brings the
/// index to. When a commit fails (a full disk), its changes are rolled back and searches keep the
/// last good commit; the next batch opens a new writer and tries again.
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    private const string CurrentFile = "current";

    /// <summary>The commit data key of the analysis revision an index was built with (<see cref="PortalAnalyzer.Revision"/>).</summary>
    private const string AnalysisKey = "portal.analysis";

    private readonly SearchIndexOptions _options;
    private readonly ReaderWriterLockSlim _swap = new(LockRecursionPolicy.NoRecursion);
    private readonly System.Threading.Lock _writing = new();
    private Generation? _live;
    private volatile bool _rebuildingBeside;
    private SearchIndexState _state = SearchIndexState.Starting;
    private DateTimeOffset? _lastCommitAt;
    private DateTimeOffset? _lastRebuildAt;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private SynonymRules _synonyms;

    public SearchIndex(SearchIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _synonyms = options.Synonyms;
        IndexAnalyzer = new PortalAnalyzer(_synonyms.Map);
    }

    /// <summary>The analyser queries are read with: the index's without synonyms (the index holds both sides).</summary>
    internal Analyzer QueryAnalyzer { get; } = new PortalAnalyzer(null);

    internal Analyzer IndexAnalyzer { get; private set; }

    public SynonymRules Synonyms => _synonyms;

    /// <summary>
    /// Analyses documents written from now on with these synonyms: the ones the live index was
    /// built with, read at start-up. Changing them means a rebuild (<see cref="BeginRebuild"/>).
    /// </summary>
    public void UseSynonyms(SynonymRules synonyms)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        lock (_writing)
        {
            _synonyms = synonyms;
            IndexAnalyzer = new PortalAnalyzer(synonyms.Map);
        }
    }

    public SearchIndexState State => _state;

    public bool IsReady => _state == SearchIndexState.Ready;

    /// <summary>
    /// Opens the live generation. False — with the reason kept as the last error — when there is
    /// none, or it is missing or corrupt: the caller rebuilds, and searches say so meanwhile.
    /// </summary>
    public bool TryOpen()
    {
        try
        {
            System.IO.Directory.CreateDirectory(_options.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be made (a file in the way, no permission) must not stop the portal: search says it is rebuilding.
            RecordError($"The index folder could not be made: {ex.Message}");
            _state = SearchIndexState.Rebuilding;
            return false;
        }

        var currentPath = System.IO.Path.Combine(_options.Path, CurrentFile);
        if (!File.Exists(currentPath))
        {
            // A new node, or its folder was deleted: either way the status page says why searches wait.
            RecordError($"There was no index in {_options.Path} when this server started (a first start, or the folder was removed), so one is being built.");
            _state = SearchIndexState.Rebuilding;
            return false;
        }

        LuceneDirectory? directory = null;
        try
        {
            var name = File.ReadAllText(currentPath).Trim();
            var folder = System.IO.Path.Combine(_options.Path, name);
            if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name.StartsWith('.') || !System.IO.Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"The index folder \"{name}\" named by \"{CurrentFile}\" is missing.");
            }

            directory = _options.OpenDirectory(folder);
            var generation = Generation.Open(name, directory);
            Swap(generation)?.Dispose();
            _state = SearchIndexState.Ready;
            return true;
        }
        catch (Exception ex) when (IsIndexFailure(ex))
        {
            directory?.Dispose();
            RecordError($"The index could not be opened and is being rebuilt: {ex.Message}");
            _state = SearchIndexState.Rebuilding;
            return false;
        }
    }

    /// <summary>The cursor of the last good commit; <see cref="IndexCursor.Start"/> before there is one.</summary>
    public IndexCursor Cursor
    {
        get
        {
            _swap.EnterReadLock();
            try
            {
                return _live?.Cursor ?? IndexCursor.Start;
            }
            finally
            {
                _swap.ExitReadLock();
            }
        }
    }

    public SearchIndexStatus Status()
    {
        _swap.EnterReadLock();
        try
        {
            var documents = 0;
            if (_live is { } live)
            {
                var searcher = live.Searchers.Acquire();
                try
                {
                    documents = searcher.IndexReader.NumDocs;
                }
                finally
                {
                    live.Searchers.Release(searcher);
                }
            }

            return new SearchIndexStatus(_state, documents, _live?.Cursor ?? IndexCursor.Start, _lastCommitAt, _lastRebuildAt, _lastError, _lastErrorAt, _rebuildingBeside);
        }
        finally
        {
            _swap.ExitReadLock();
        }
    }

    /// <summary>
    /// Writes a batch (documents replaced by key, keys deleted) and commits it with the cursor it
    /// reaches. On failure nothing of the batch stays, the cursor does not move, the error is kept
    /// for the status page, and the exception goes to the caller, which tries again later.
    /// </summary>
    public void Apply(IReadOnlyCollection<SearchDocument> documents, IReadOnlyCollection<string> deletedKeys, IndexCursor reached)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(deletedKeys);
        ArgumentNullException.ThrowIfNull(reached);
        lock (_writing)
        {
            var live = _live ?? throw new InvalidOperationException("There is no index to write to yet: rebuild first.");
            try
            {
                var writer = live.Writer(IndexAnalyzer);
                foreach (var key in deletedKeys)
                {
                    writer.DeleteDocuments(new Term(SearchFields.Key, key));
                }

                foreach (var document in documents)
                {
                    writer.UpdateDocument(new Term(SearchFields.Key, document.Key), LuceneDocuments.From(document), IndexAnalyzer);
                }

                writer.SetCommitData(CommitData(reached));
                writer.Commit();
                live.Cursor = reached;
                live.Searchers.MaybeRefreshBlocking();
                _lastCommitAt = DateTimeOffset.UtcNow;
            }
            catch (Exception ex) when (IsIndexFailure(ex))
            {
                live.AbandonWriter();
                RecordError($"A batch could not be written to the index; searches use the last good index: {ex.Message}");
                if (!System.IO.Directory.Exists(System.IO.Path.Combine(_options.Path, live.Name)))
                {
                    // The folder was deleted under the running node: no batch will ever commit again.
                    // Searches go on from the files still open; the worker sees "rebuilding" and rebuilds.
                    _state = SearchIndexState.Rebuilding;
                }

                throw;
            }
        }
    }

    /// <summary>
    /// Starts a new generation beside the live one. Add every document to the builder (from any
    /// number of threads), then <see cref="IndexBuilder.Complete"/> swaps it in.
    /// </summary>
    public IndexBuilder BeginRebuild(SynonymRules? synonyms = null)
    {
        var name = "g" + DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var folder = System.IO.Path.Combine(_options.Path, name);
        System.IO.Directory.CreateDirectory(folder);
        var analyzer = synonyms is null ? IndexAnalyzer : new PortalAnalyzer(synonyms.Map);
        LuceneDirectory? directory = null;
        try
        {
            directory = _options.OpenDirectory(folder);
            var builder = new IndexBuilder(this, name, directory, analyzer, synonyms ?? _synonyms);
            _rebuildingBeside = true;
            return builder;
        }
        catch (Exception ex) when (IsIndexFailure(ex))
        {
            // A disk too full to start on: the live index is untouched, and the empty folder goes.
            directory?.Dispose();
            RebuildFailed(name, ex);
            throw;
        }
    }

    /// <summary>Searches the live index; false when there is none yet (the node is rebuilding).</summary>
    internal bool TrySearch<T>(Func<IndexSearcher, T> search, out T result)
    {
        _swap.EnterReadLock();
        try
        {
            if (_live is not { } live)
            {
                result = default!;
                return false;
            }

            var searcher = live.Searchers.Acquire();
            try
            {
                result = search(searcher);
                return true;
            }
            finally
            {
                live.Searchers.Release(searcher);
            }
        }
        finally
        {
            _swap.ExitReadLock();
        }
    }

    /// <summary>Keeps a failure for the status page: the last one, with its time.</summary>
    public void RecordError(string message)
    {
        _lastError = message;
        _lastErrorAt = DateTimeOffset.UtcNow;
    }

    internal void RebuildFailed(string name, Exception ex)
    {
        _rebuildingBeside = false;
        RecordError($"The rebuild failed; the live index is unchanged: {ex.Message}");
        TryDeleteFolder(name);
    }

    /// <summary>Makes a finished generation the live one: the name first (so a restart opens it), then the searches.</summary>
    internal void SwapIn(Generation generation, Analyzer analyzer, SynonymRules synonyms)
    {
        lock (_writing)
        {
            // If the name cannot be written nothing has changed yet: the caller abandons the new generation.
            var temp = System.IO.Path.Combine(_options.Path, CurrentFile + ".tmp");
            File.WriteAllText(temp, generation.Name);
            File.Move(temp, System.IO.Path.Combine(_options.Path, CurrentFile), overwrite: true);
            IndexAnalyzer = analyzer;
            _synonyms = synonyms;
            var old = Swap(generation);
            old?.Dispose();
            _state = SearchIndexState.Ready;
            _rebuildingBeside = false;
            _lastRebuildAt = _lastCommitAt = DateTimeOffset.UtcNow;
        }

        // Earlier generations (the one just replaced, any left by a crash mid-rebuild) are not needed.
        try
        {
            foreach (var folder in System.IO.Directory.GetDirectories(_options.Path))
            {
                if (System.IO.Path.GetFileName(folder) != generation.Name)
                {
                    TryDeleteFolder(folder);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The new index is live; what is left is tidied by the next swap.
        }
    }

    public void Dispose()
    {
        _swap.EnterWriteLock();
        try
        {
            _live?.Dispose();
            _live = null;
        }
        finally
        {
            _swap.ExitWriteLock();
        }

        _swap.Dispose();
        QueryAnalyzer.Dispose();
    }

    /// <summary>What a commit carries: the cursor it reaches and the analysis its terms were made with.</summary>
    internal static IDictionary<string, string> CommitData(IndexCursor cursor)
    {
        var data = cursor.ToCommitData();
        data[AnalysisKey] = PortalAnalyzer.Revision;
        return data;
    }

    /// <summary>What a broken or full index directory throws: Lucene's own failures and the file system's.</summary>
    internal static bool IsIndexFailure(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or InvalidOperationException or ObjectDisposedException
            or CorruptIndexException or IndexNotFoundException or LockObtainFailedException or ArgumentException;

    private Generation? Swap(Generation generation)
    {
        _swap.EnterWriteLock();
        try
        {
            var old = _live;
            _live = generation;
            return old;
        }
        finally
        {
            _swap.ExitWriteLock();
        }
    }

    private void TryDeleteFolder(string folder)
    {
        try
        {
            System.IO.Directory.Delete(System.IO.Path.IsPathRooted(folder) ? folder : System.IO.Path.Combine(_options.Path, folder), recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder still held open is removed by the next swap.
        }
    }

    /// <summary>One generation folder: its directory, searcher manager, the writer while batches come, and the cursor committed last.</summary>
    internal sealed class Generation : IDisposable
    {
        private IndexWriter? _writer;

        private Generation(string name, LuceneDirectory directory, SearcherManager searchers, IndexCursor cursor)
        {
            Name = name;
            Directory = directory;
            Searchers = searchers;
            Cursor = cursor;
        }

        public string Name { get; }

        public LuceneDirectory Directory { get; }

        public SearcherManager Searchers { get; }

        public IndexCursor Cursor { get; set; }

        public static Generation Open(string name, LuceneDirectory directory, IndexWriter? writer = null)
        {
            // The searches read commits only (not the writer's unflushed state), so a failed commit leaves them on the last good one.
            // Opening reads every segment's header: a corrupt or truncated index fails here, not in a search.
            using var reader = DirectoryReader.Open(directory);
            var data = reader.IndexCommit.UserData;
            if (!data.TryGetValue(AnalysisKey, out var revision) || revision != PortalAnalyzer.Revision)
            {
                throw new CorruptIndexException($"it was built with other analysis (revision {revision ?? "1"}, now {PortalAnalyzer.Revision}).");
            }

            var cursor = IndexCursor.FromCommitData(data);
            var searchers = new SearcherManager(directory, new SearcherFactory());
            return new Generation(name, directory, searchers, cursor) { _writer = writer };
        }

        public IndexWriter Writer(Analyzer analyzer) =>
            _writer ??= new IndexWriter(Directory, new IndexWriterConfig(PortalAnalyzer.Version, analyzer) { OpenMode = OpenMode.APPEND });

        /// <summary>Drops the writer after a failure, with what it had not committed; the next batch opens a new one.</summary>
        public void AbandonWriter()
        {
            if (_writer is { } writer)
            {
                _writer = null;
                try
                {
                    writer.Rollback();
                }
                catch (Exception ex) when (IsIndexFailure(ex))
                {
                    // Rolling back a writer whose directory is failing can fail too; it is closed either way.
                }
            }
        }

        public void Dispose()
        {
            AbandonWriter();
            Searchers.Dispose();
            Directory.Dispose();
        }
    }
}

/// <summary>
/// A rebuild in progress: documents go into a new generation beside the live index; completing it
/// commits with the cursor the rebuild started from and swaps it in. Disposing without completing
/// throws the new generation away.
/// </summary>
public sealed class IndexBuilder : IDisposable
{
    private readonly SearchIndex _index;
    private readonly string _name;
    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly SynonymRules _synonyms;
    private readonly IndexWriter _writer;
    private bool _completed;

    internal IndexBuilder(SearchIndex index, string name, LuceneDirectory directory, Analyzer analyzer, SynonymRules synonyms)
    {
        _index = index;
        _name = name;
        _directory = directory;
        _analyzer = analyzer;
        _synonyms = synonyms;
        // A bigger buffer than batches need: a rebuild writes everything at once, from several threads.
        _writer = new IndexWriter(directory, new IndexWriterConfig(PortalAnalyzer.Version, analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 256 });
    }

    public void Add(SearchDocument document) => _writer.AddDocument(LuceneDocuments.From(document));

    /// <summary>Commits with <paramref name="cursor"/> (read before the first document, so changes made meanwhile are applied again) and swaps the new index in.</summary>
    public void Complete(IndexCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ObjectDisposedException.ThrowIf(_completed, this);
        SearchIndex.Generation? generation = null;
        try
        {
            _writer.SetCommitData(SearchIndex.CommitData(cursor));
            _writer.Commit();
            generation = SearchIndex.Generation.Open(_name, _directory, _writer);
            _index.SwapIn(generation, _analyzer, _synonyms);
            _completed = true;
        }
        catch (Exception ex) when (SearchIndex.IsIndexFailure(ex))
        {
            if (generation is null)
            {
                Abandon(ex);
            }
            else
            {
                // Committed but not swapped in (its name could not be written): it owns the writer and directory now.
                _completed = true;
                generation.Dispose();
                _index.RebuildFailed(_name, ex);
            }

            throw;
        }
    }

    public void Dispose()
    {
        if (!_completed)
        {
            Abandon(new OperationCanceledException("The rebuild stopped before it was complete."));
        }
    }

    private void Abandon(Exception ex)
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        try
        {
            _writer.Rollback();
        }
        catch (Exception rollback) when (SearchIndex.IsIndexFailure(rollback))
        {
            // Closed either way.
        }

        _directory.Dispose();
        _index.RebuildFailed(_name, ex);
    }
}

/// <summary>A <see cref="SearchDocument"/> as Lucene fields.</summary>
internal static class LuceneDocuments
{
    public static Document From(SearchDocument source)
    {
        var document = new Document
        {
            new StringField(SearchFields.Key, source.Key, Field.Store.YES),
            new StringField(SearchFields.Type, source.Type, Field.Store.YES),
            new StoredField(SearchFields.Id, source.Id),
            new TextField(SearchFields.Title, source.Title, Field.Store.YES),
            new TextField(SearchFields.Body, source.Body, Field.Store.YES),
            new TextField(SearchFields.More, source.More, Field.Store.NO),
            new StoredField(SearchFields.Url, source.Url),
            new NumericDocValuesField(SearchFields.Date, source.Date.ToUnixTimeMilliseconds()),
            new StoredField(SearchFields.Date, source.Date.ToUnixTimeMilliseconds()),
        };
        foreach (var term in source.Access.Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(SearchFields.Access, term, Field.Store.NO));
        }

        AddFacet(document, Facets.Type, [source.Type]);
        AddFacet(document, Facets.Year, [source.Date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        foreach (var (facet, values) in source.Facets)
        {
            if (facet is not Facets.Type and not Facets.Year)
            {
                AddFacet(document, facet, values);
            }
        }

        return document;
    }

    private static void AddFacet(Document document, string facet, IEnumerable<string> values)
    {
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(SearchFields.FacetFilter(facet), value, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(facet, new BytesRef(value)));
        }
    }
}
