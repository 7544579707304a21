using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace Portal.Search;

/// <summary>
/// How text becomes terms: words split the standard way, possessives dropped, lower case, accents
/// folded (café = cafe), English stop words removed, Porter stems (falls = fall). The index
/// analyser also adds the health synonyms at each word's position, so a summary about "older
/// people" is found by "elderly" and the snippet marks the words it was found by. Queries are
/// analysed without synonyms: the index already holds both sides, and editing the synonyms
/// rebuilds the index.
/// </summary>
internal sealed class PortalAnalyzer(SynonymMap? synonyms) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = Normalise(source);
        if (synonyms is not null)
        {
            stream = new SynonymFilter(stream, synonyms, ignoreCase: true);
        }

        stream = new StopFilter(Version, stream, StopAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>The steps before synonyms: the synonym rules' own words go through these too, so they match.</summary>
    internal static TokenStream Normalise(Tokenizer source)
    {
        TokenStream stream = new StandardFilter(Version, source);
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new LowerCaseFilter(Version, stream);
        return new ASCIIFoldingFilter(stream);
    }
}

/// <summary>Analyses synonym rules' words as far as <see cref="PortalAnalyzer.Normalise"/>: no stop words, no stems.</summary>
internal sealed class SynonymWordsAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(PortalAnalyzer.Version, reader);
        return new TokenStreamComponents(source, PortalAnalyzer.Normalise(source));
    }
}
