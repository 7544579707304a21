namespace Portal.Search.Tests;

/// <summary>
/// A real index in its own temporary folder, built from the given documents and deleted afterwards.
/// </summary>
internal sealed class TestIndex : IDisposable
{
    private TestIndex(string path, SearchIndex index)
    {
        Path = path;
        Index = index;
    }

    public string Path { get; }

    public SearchIndex Index { get; private set; }

    public static string NewFolder() =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "portal-search-tests", Guid.NewGuid().ToString("N"));

    /// <summary>An index in a new folder, rebuilt from <paramref name="documents"/> and ready to search.</summary>
    public static TestIndex With(IEnumerable<SearchDocument> documents, IndexCursor? cursor = null, SynonymRules? synonyms = null, Func<string, Lucene.Net.Store.Directory>? openDirectory = null)
    {
        var path = NewFolder();
        var options = new SearchIndexOptions { Path = path, Synonyms = synonyms ?? SynonymRules.Default };
        if (openDirectory is not null)
        {
            options = new SearchIndexOptions { Path = path, Synonyms = options.Synonyms, OpenDirectory = openDirectory };
        }

        var index = new SearchIndex(options);
        Assert.False(index.TryOpen());
        using (var builder = index.BeginRebuild())
        {
            foreach (var document in documents)
            {
                builder.Add(document);
            }

            builder.Complete(cursor ?? IndexCursor.Start);
        }

        Assert.True(index.IsReady);
        return new TestIndex(path, index);
    }

    /// <summary>A second index object over the same folder, as a restarted node opens it (the first is closed).</summary>
    public SearchIndex Reopen(Func<string, Lucene.Net.Store.Directory>? openDirectory = null)
    {
        Index.Dispose();
        Index = new SearchIndex(openDirectory is null
            ? new SearchIndexOptions { Path = Path }
            : new SearchIndexOptions { Path = Path, OpenDirectory = openDirectory });
        return Index;
    }

    public SearchResults Search(string text, params string[] access) => Search(new SearchQuery { Text = text, ReaderAccess = access.Length == 0 ? [AccessTerms.Public] : access });

    public SearchResults Search(SearchQuery query) => Index.Search(query) ?? throw new InvalidOperationException("The index is rebuilding.");

    public void Dispose()
    {
        Index.Dispose();
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // A test deleted it already.
        }
    }
}

/// <summary>Documents for tests: public summaries unless said otherwise.</summary>
internal static class Docs
{
    public static SearchDocument Summary(
        string id,
        string title,
        string body = "",
        string[]? access = null,
        DateTimeOffset? date = null,
        string type = "summary",
        Dictionary<string, IReadOnlyCollection<string>>? facets = null,
        string more = "") => new()
    {
        Type = type,
        Id = id,
        Title = title,
        Url = $"/{type}/{id}",
        Body = body,
        More = more,
        Date = date ?? new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero),
        Access = access ?? [AccessTerms.Public],
        Facets = facets ?? [],
    };

    public static IReadOnlyList<string> Ids(this SearchResults results) => results.Hits.Select(h => h.Id).ToList();
}
