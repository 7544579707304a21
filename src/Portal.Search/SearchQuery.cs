namespace Portal.Search;

public enum SearchSort
{
    Relevance,
    Newest,
}

/// <summary>
/// A search as a reader asks it: the words typed (Lucene syntax allowed: "phrases", AND, OR, NOT,
/// prefix*), one value per facet to narrow by, the sort, the page, and the reader's access terms.
/// </summary>
public sealed record SearchQuery
{
    public const int MaxTextLength = 500;
    public const int MaxPage = 100;
    public const int MaxPageSize = 50;

    public string Text { get; init; } = string.Empty;

    public required IReadOnlyCollection<string> ReaderAccess { get; init; }

    /// <summary>Facet name → the value to narrow by.</summary>
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;
}

/// <summary>Why a search found what it did, when the reader should be told.</summary>
public enum QueryNote
{
    None,

    /// <summary>The words could not be read as a query (e.g. an unclosed quote), so they were searched as plain words.</summary>
    ReadAsPlainWords,

    /// <summary>Only words too common to search for ("the", "and"): nothing was searched.</summary>
    OnlyCommonWords,

    /// <summary>Nothing typed and nothing to narrow by.</summary>
    Empty,
}

/// <summary>Text with the matched words marked.</summary>
public sealed record Snippet(IReadOnlyList<SnippetPart> Parts)
{
    public static Snippet Plain(string text) => new([new SnippetPart(text, false)]);

    public string Text => string.Concat(Parts.Select(p => p.Text));

    /// <summary>HTML with the text encoded and matches in &lt;mark&gt;: safe to put in a page or an API answer.</summary>
    public string ToHtml() => string.Concat(Parts.Select(p => p.Match
        ? "<mark>" + System.Net.WebUtility.HtmlEncode(p.Text) + "</mark>"
        : System.Net.WebUtility.HtmlEncode(p.Text)));
}

public sealed record SnippetPart(string Text, bool Match);

public sealed record SearchHit(string Type, string Id, Snippet Title, string Url, Snippet Snippet, float Score, DateTimeOffset Date);

public sealed record FacetValue(string Value, int Count);

public sealed record FacetCounts(string Facet, IReadOnlyList<FacetValue> Values);

public sealed record SearchResults(
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<FacetCounts> Facets,
    QueryNote Note,
    int Page,
    int PageSize)
{
    public int PageCount => Total == 0 ? 0 : Math.Min(SearchQuery.MaxPage, (Total + PageSize - 1) / PageSize);
}

/// <summary>A published summary (or other item) close to some text.</summary>
public sealed record SimilarHit(string Type, string Id, string Title, string Url, float Score);
