using Lucene.Net.Analysis.TokenAttributes;

namespace Portal.Search;

public sealed partial class SearchIndex
{
    /// <summary>
    /// The distinct terms a text is searched by (stop words dropped, accents folded, stemmed), so
    /// that a caller can say how much of one text another covers, as matching does with a
    /// question and the summaries more-like-this finds for it.
    /// </summary>
    public IReadOnlySet<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        using var stream = QueryAnalyzer.GetTokenStream(SearchFields.Body, new StringReader(text.Length > SimilarTextMaxLength ? text[..SimilarTextMaxLength] : text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
