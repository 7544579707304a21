using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using System.Text.RegularExpressions;

namespace Portal.Search;

/// <summary>Searching the live index: typed queries with facets and snippets, and more-like-this.</summary>
public sealed partial class SearchIndex
{
    /// <summary>How far back a snippet starts before its first match, as a share of its length.</summary>
    private const int SnippetLength = 240;

    /// <summary>
    /// Runs a reader's search. Null when the node has no index yet (it is rebuilding). Words that
    /// are not a valid query are searched as plain words; only stop words search nothing. Every hit
    /// and every count is within the reader's access terms.
    /// </summary>
    public SearchResults? Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query.Text.Trim();
        var page = Math.Clamp(query.Page, 1, SearchQuery.MaxPage);
        var pageSize = Math.Clamp(query.PageSize, 1, SearchQuery.MaxPageSize);
        if (text.Length > SearchQuery.MaxTextLength)
        {
            throw new ArgumentException($"A search must be {SearchQuery.MaxTextLength} characters or fewer.", nameof(query));
        }

        var (parsed, note) = Parse(text, query.Filters.Count > 0);
        if (parsed is null)
        {
            return new SearchResults(0, [], [], note, page, pageSize);
        }

        Query filtered = new FilteredQuery(parsed, AccessFilter(query.ReaderAccess));
        if (query.Filters.Count > 0)
        {
            filtered = new FilteredQuery(filtered, new QueryWrapperFilter(FacetFilter(query.Filters)));
        }

        var found = TrySearch(searcher => Run(searcher, filtered, parsed, query.Sort, page, pageSize), out var results);
        return found ? results with { Note = note } : null;
    }

    /// <summary>
    /// The published items of <paramref name="types"/> most like some text (a request being
    /// written): more-like-this over titles and bodies, within the reader's access. Empty when the
    /// text has too few telling words to compare; null while the node rebuilds.
    /// </summary>
    public IReadOnlyList<SimilarHit>? Similar(string text, IReadOnlyCollection<string> readerAccess, IReadOnlyCollection<string> types, int count, IReadOnlyCollection<string>? excludeKeys = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > SimilarTextMaxLength)
        {
            text = text[..SimilarTextMaxLength];
        }

        var found = TrySearch(searcher => FindSimilar(searcher, text, readerAccess, types, count, excludeKeys ?? []), out var hits);
        return found ? hits : null;
    }

    /// <summary>The items most like the indexed one with <paramref name="key"/> (related summaries on a summary's page).</summary>
    public IReadOnlyList<SimilarHit>? SimilarTo(string key, IReadOnlyCollection<string> readerAccess, IReadOnlyCollection<string> types, int count, IReadOnlyCollection<string>? excludeKeys = null)
    {
        var found = TrySearch(
            searcher =>
            {
                var top = searcher.Search(new TermQuery(new Term(SearchFields.Key, key)), 1);
                if (top.TotalHits == 0)
                {
                    return (IReadOnlyList<SimilarHit>)[];
                }

                var stored = searcher.Doc(top.ScoreDocs[0].Doc);
                var text = stored.Get(SearchFields.Title) + "\n" + stored.Get(SearchFields.Body);
                return FindSimilar(searcher, text.Length > SimilarTextMaxLength ? text[..SimilarTextMaxLength] : text, readerAccess, types, count, [key, .. excludeKeys ?? []]);
            },
            out var hits);
        return found ? hits : null;
    }

    /// <summary>More-like-this reads this much of a text: the start says what it is about.</summary>
    public const int SimilarTextMaxLength = 20_000;

    private (Query? Query, QueryNote Note) Parse(string text, bool hasFilters)
    {
        if (text.Length == 0)
        {
            return hasFilters ? (new MatchAllDocsQuery(), QueryNote.None) : (null, QueryNote.Empty);
        }

        var note = QueryNote.None;
        Query? parsed;
        try
        {
            parsed = Parser().Parse(text);
        }
        catch (Exception ex) when (ex is ParseException or BooleanQuery.TooManyClausesException or ArgumentException)
        {
            // A stray quote or bracket, a leading wildcard: search the words as typed instead.
            note = QueryNote.ReadAsPlainWords;
            try
            {
                parsed = Parser().Parse(PlainWords(text));
            }
            catch (Exception again) when (again is ParseException or BooleanQuery.TooManyClausesException or ArgumentException)
            {
                parsed = null;
            }
        }

        return IsEmpty(parsed) ? (null, QueryNote.OnlyCommonWords) : (parsed, note);
    }

    /// <summary>The text with every operator character escaped and AND, OR, NOT made words (common ones, so dropped).</summary>
    private static string PlainWords(string text) =>
        Operators().Replace(QueryParserBase.Escape(text), m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"\b(AND|OR|NOT)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Operators();

    private ReaderQueryParser Parser() =>
        new(QueryAnalyzer)
        {
            // "frailty falls" finds what has both words, as search boxes do; OR widens.
            DefaultOperator = Operator.AND,
            AllowLeadingWildcard = false,
        };

    /// <summary>
    /// Lucene's syntax without regular expressions: readers do not need them, and one like
    /// /[ab]*a[ab]{20}/ makes an automaton big enough to stall the node. They are read as plain words.
    /// </summary>
    private sealed class ReaderQueryParser(Lucene.Net.Analysis.Analyzer analyzer)
        : MultiFieldQueryParser(PortalAnalyzer.Version, [.. SearchFields.Searched.Keys], analyzer, SearchFields.Searched.ToDictionary())
    {
        protected override Query GetRegexpQuery(string field, string termStr) =>
            throw new ParseException("Regular expressions are not searched.");
    }

    private static bool IsEmpty(Query? query) => query switch
    {
        null => true,
        BooleanQuery boolean => boolean.Clauses.Count == 0 || boolean.Clauses.All(c => c.Occur == Occur.MUST_NOT || IsEmpty(c.Query)),
        _ => false,
    };

    /// <summary>
    /// The documents a set of access terms opens, as a bit set cached per segment: most readers
    /// share a few sets (the public, members, librarians), and matching "perm:ViewWorkStreams"
    /// against most of the index on every search was two fifths of a query's time. Bounded: a
    /// reader's own user term makes their set their own.
    /// </summary>
    private Filter AccessFilter(IReadOnlyCollection<string> readerAccess)
    {
        var terms = readerAccess.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var key = string.Join('\n', terms);
        if (_accessFilters.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_accessFilters.Count >= MaxCachedAccessFilters)
        {
            _accessFilters.Clear();
        }

        var access = new BooleanQuery();
        foreach (var term in terms)
        {
            access.Add(new TermQuery(new Term(SearchFields.Access, term)), Occur.SHOULD);
        }

        return _accessFilters.GetOrAdd(key, new CachingWrapperFilter(new QueryWrapperFilter(access)));
    }

    private const int MaxCachedAccessFilters = 256;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Filter> _accessFilters = new(StringComparer.Ordinal);

    private static BooleanQuery FacetFilter(IReadOnlyDictionary<string, string> filters)
    {
        var filter = new BooleanQuery();
        foreach (var (facet, value) in filters)
        {
            filter.Add(new TermQuery(new Term(SearchFields.FacetFilter(facet), value)), Occur.MUST);
        }

        return filter;
    }

    private SearchResults Run(IndexSearcher searcher, Query query, Query parsed, SearchSort sort, int page, int pageSize)
    {
        var wanted = page * pageSize;
        ITopDocsCollector top = sort == SearchSort.Newest
            ? TopFieldCollector.Create(new Sort(new SortField(SearchFields.Date, SortFieldType.INT64, reverse: true)), wanted, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false)
            : TopScoreDocCollector.Create(wanted, docsScoredInOrder: false);
        var facets = new FacetCollector(Facets.All);
        searcher.Search(query, MultiCollector.Wrap(top, facets));
        var topDocs = top.GetTopDocs((page - 1) * pageSize, pageSize);
        var terms = QueryTerms.Of(parsed);
        var hits = topDocs.ScoreDocs.Select(scoreDoc =>
        {
            var stored = searcher.Doc(scoreDoc.Doc);
            return new SearchHit(
                stored.Get(SearchFields.Type),
                stored.Get(SearchFields.Id),
                Snippets.Mark(IndexAnalyzer, SearchFields.Title, stored.Get(SearchFields.Title), terms, int.MaxValue),
                stored.Get(SearchFields.Url),
                Snippets.Mark(IndexAnalyzer, SearchFields.Body, stored.Get(SearchFields.Body) ?? string.Empty, terms, SnippetLength),
                float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score,
                DateTimeOffset.FromUnixTimeMilliseconds(stored.GetField(SearchFields.Date).GetInt64Value() ?? 0));
        }).ToList();
        return new SearchResults(top.TotalHits, hits, facets.Counts(), QueryNote.None, page, pageSize);
    }

    private List<SimilarHit> FindSimilar(IndexSearcher searcher, string text, IReadOnlyCollection<string> readerAccess, IReadOnlyCollection<string> types, int count, IReadOnlyCollection<string> excludeKeys)
    {
        var mlt = new MoreLikeThis(searcher.IndexReader)
        {
            Analyzer = QueryAnalyzer,
            FieldNames = [SearchFields.Title, SearchFields.Body],
            MinTermFreq = 1,
            MinDocFreq = 1,
            MinWordLen = 3,
            MaxQueryTerms = 25,
            ApplyBoost = true,
        };
        if (mlt.Like(new StringReader(text), SearchFields.Body) is not BooleanQuery like || like.Clauses.Count < 2)
        {
            return [];
        }

        // A text shares a word or two with almost anything: ask for a good share of its telling words.
        like.MinimumNumberShouldMatch = Math.Max(2, (int)Math.Ceiling(like.Clauses.Count * 0.3));
        var typeFilter = new BooleanQuery();
        foreach (var type in types)
        {
            typeFilter.Add(new TermQuery(new Term(SearchFields.Type, type)), Occur.SHOULD);
        }

        var filter = new BooleanQuery { { typeFilter, Occur.MUST } };
        foreach (var key in excludeKeys)
        {
            filter.Add(new TermQuery(new Term(SearchFields.Key, key)), Occur.MUST_NOT);
        }

        var top = searcher.Search(new FilteredQuery(new FilteredQuery(like, AccessFilter(readerAccess)), new QueryWrapperFilter(filter)), count);
        return top.ScoreDocs.Select(scoreDoc =>
        {
            var stored = searcher.Doc(scoreDoc.Doc);
            return new SimilarHit(stored.Get(SearchFields.Type), stored.Get(SearchFields.Id), stored.Get(SearchFields.Title), stored.Get(SearchFields.Url), scoreDoc.Score);
        }).ToList();
    }
}
