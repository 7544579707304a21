using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Portal.Search;

/// <summary>The analysed words a query looks for, and the prefixes it looks for words starting with.</summary>
internal sealed class QueryTerms
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = [];

    public bool IsEmpty => _words.Count == 0 && _prefixes.Count == 0;

    public static QueryTerms Of(Query query)
    {
        var terms = new QueryTerms();
        terms.Add(query);
        return terms;
    }

    public bool Matches(string word) => _words.Contains(word) || _prefixes.Exists(p => word.StartsWith(p, StringComparison.Ordinal));

    private void Add(Query query)
    {
        switch (query)
        {
            case TermQuery term:
                _words.Add(term.Term.Text);
                break;
            case PhraseQuery phrase:
                foreach (var term in phrase.GetTerms())
                {
                    _words.Add(term.Text);
                }

                break;
            case MultiPhraseQuery phrase:
                foreach (var term in phrase.GetTermArrays().SelectMany(t => t))
                {
                    _words.Add(term.Text);
                }

                break;
            case PrefixQuery prefix:
                _prefixes.Add(prefix.Prefix.Text);
                break;
            case FuzzyQuery fuzzy:
                _words.Add(fuzzy.Term.Text);
                break;
            case BooleanQuery boolean:
                // Words the reader excluded (NOT) are not what the hit was found by.
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    Add(clause.Query);
                }

                break;
        }
    }
}

/// <summary>
/// Cuts the part of a stored text where a query's words are, and marks them (Lucene.Net.Highlighter
/// is not available). The text is analysed as it was indexed — synonyms included — so "elderly"
/// marks "older people"; offsets point back into the text as stored.
/// </summary>
internal static class Snippets
{
    /// <summary>Texts longer than this are only looked at this far for matches: the start says what a summary is about.</summary>
    private const int MaxAnalysed = 30_000;

    public static Snippet Mark(Analyzer analyzer, string field, string text, QueryTerms terms, int length)
    {
        var matches = terms.IsEmpty ? [] : Matches(analyzer, field, text, terms, text.Length <= length ? int.MaxValue : 2 * length);
        if (text.Length <= length)
        {
            return Parts(text, 0, text.Length, matches);
        }

        var (start, end) = Window(text, matches, length);
        var snippet = Parts(text, start, end, matches);
        var parts = new List<SnippetPart>(snippet.Parts);
        if (start > 0)
        {
            parts.Insert(0, new SnippetPart("… ", false));
        }

        if (end < text.Length)
        {
            parts.Add(new SnippetPart(" …", false));
        }

        return new Snippet(parts);
    }

    /// <summary>
    /// The matches, looked for until <paramref name="lookAhead"/> characters past the first one: a
    /// snippet's window is near the first match, and analysing the rest of a long body for each of
    /// a page's hits was a third of a search's time.
    /// </summary>
    private static List<(int Start, int End)> Matches(Analyzer analyzer, string field, string text, QueryTerms terms, int lookAhead)
    {
        var found = new List<(int Start, int End)>();
        using var stream = analyzer.GetTokenStream(field, new StringReader(text.Length > MaxAnalysed ? text[..MaxAnalysed] : text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (found.Count > 0 && offset.StartOffset - found[0].Start > lookAhead)
            {
                break;
            }

            if (terms.Matches(term.ToString()))
            {
                found.Add((offset.StartOffset, offset.EndOffset));
            }
        }

        stream.End();
        // Synonyms share their word's offsets, and a phrase synonym spans several words: merge what
        // overlaps, and words only spaces apart, so a phrase is one mark.
        var merged = new List<(int Start, int End)>();
        foreach (var match in found.OrderBy(m => m.Start))
        {
            if (merged.Count > 0 && (match.Start <= merged[^1].End || string.IsNullOrWhiteSpace(text[merged[^1].End..match.Start])))
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, match.End));
            }
            else
            {
                merged.Add(match);
            }
        }

        return merged;
    }

    /// <summary>The window of <paramref name="length"/> characters holding most matches, a little before the first, cut at spaces.</summary>
    private static (int Start, int End) Window(string text, List<(int Start, int End)> matches, int length)
    {
        var bestStart = 0;
        var bestCount = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var start = Math.Max(0, matches[i].Start - (length / 5));
            var count = 0;
            for (var j = i; j < matches.Count && matches[j].End <= start + length; j++)
            {
                count++;
            }

            if (count > bestCount)
            {
                (bestStart, bestCount) = (start, count);
            }
        }

        // Matches near the end: start earlier rather than show a short window.
        bestStart = Math.Min(bestStart, text.Length - length);
        var end = Math.Min(text.Length, bestStart + length);
        if (bestStart > 0 && text.IndexOf(' ', bestStart) is var space and >= 0 && space < end)
        {
            bestStart = space + 1;
        }

        if (end < text.Length && text.LastIndexOf(' ', end - 1) is var last && last > bestStart)
        {
            end = last;
        }

        return (bestStart, end);
    }

    private static Snippet Parts(string text, int start, int end, List<(int Start, int End)> matches)
    {
        var parts = new List<SnippetPart>();
        var at = start;
        foreach (var (matchStart, matchEnd) in matches)
        {
            if (matchEnd <= at || matchStart >= end)
            {
                continue;
            }

            var from = Math.Max(matchStart, at);
            var to = Math.Min(matchEnd, end);
            if (from > at)
            {
                parts.Add(new SnippetPart(text[at..from], false));
            }

            parts.Add(new SnippetPart(text[from..to], true));
            at = to;
        }

        if (at < end)
        {
            parts.Add(new SnippetPart(text[at..end], false));
        }

        return new Snippet(parts);
    }
}
