using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Portal.Search;

/// <summary>
/// How text becomes terms: words split the standard way, possessives dropped, lower case, accents
/// folded (café = cafe), Porter stems (falls = fall), English stop words removed. The index
/// analyser also adds the health synonyms at each word's position, so a summary about "older
/// people" is found by "elderly" and the snippet marks the words it was found by. Synonyms match
/// stems, so "care homes" and "GPs" get the synonyms of "care home" and "GP". Queries are analysed
/// without synonyms: the index already holds both sides, and editing the synonyms rebuilds the index.
/// </summary>
internal sealed class PortalAnalyzer(SynonymMap? synonyms) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Changes whenever the terms this analyser makes change: an index committed with another
    /// revision is not opened (its terms would not match the queries) but rebuilt.
    /// </summary>
    public const string Revision = "2";

    /// <summary>
    /// The stop words and their stems: stop words are removed after stemming (synonyms such as
    /// "accident and emergency" need them until then), when "was" is already "wa".
    /// </summary>
    private static readonly CharArraySet StopWords = StemmedStopWords();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = Normalise(source);
        if (synonyms is not null)
        {
            stream = new SynonymFilter(stream, synonyms, ignoreCase: true);
        }

        stream = new StopFilter(Version, stream, StopWords);
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>The steps before synonyms: the synonym rules' own words go through these too, so they match.</summary>
    internal static TokenStream Normalise(Tokenizer source)
    {
        TokenStream stream = new StandardFilter(Version, source);
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        return new PorterStemFilter(stream);
    }

    private static CharArraySet StemmedStopWords()
    {
        var words = new CharArraySet(Version, 64, ignoreCase: false);
        foreach (var text in StopAnalyzer.ENGLISH_STOP_WORDS_SET)
        {
            words.Add(text);
            using var stream = new PorterStemFilter(new KeywordTokenizer(new StringReader(text)));
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                words.Add(term.ToString());
            }

            stream.End();
        }

        return words.AsReadOnly();
    }
}

/// <summary>Analyses synonym rules' words as far as <see cref="PortalAnalyzer.Normalise"/>: stems, but no stop words removed.</summary>
internal sealed class SynonymWordsAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(PortalAnalyzer.Version, reader);
        return new TokenStreamComponents(source, PortalAnalyzer.Normalise(source));
    }
}
