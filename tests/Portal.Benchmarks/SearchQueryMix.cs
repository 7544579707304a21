using Portal.Search;
using static Portal.Benchmarks.SearchVocabulary;

namespace Portal.Benchmarks;

/// <summary>One query of the mix, with the kind it stands for (to report latency by kind).</summary>
internal sealed record MixedQuery(string Kind, SearchQuery Query);

/// <summary>
/// What members type, in a fixed mix (seed 7): single words, two or three words, phrases,
/// prefixes, OR and NOT; a third narrowed by one or two facets, a quarter sorted newest first,
/// some on a later page. Every query runs as a signed-in member.
/// </summary>
internal static class SearchQueryMix
{
    public const int Seed = 7;

    public static IReadOnlyList<MixedQuery> Create(int count, IReadOnlyCollection<string> reader, int seed = Seed)
    {
        var random = new Random(seed);
        var topics = Themes.SelectMany(t => t.Topics).Distinct(StringComparer.Ordinal).ToArray();
        var systems = Regions.SelectMany(r => r.Systems).ToArray();
        var regions = Regions.Select(r => r.Region).ToArray();
        var evidence = new[] { "Systematic reviews", "Trials", "Guidelines and policy", "Grey literature" };
        var queries = new List<MixedQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var theme = Themes[random.Next(Themes.Length)];
            var roll = random.NextDouble();
            var (kind, text) = roll switch
            {
                < 0.22 => ("one word", random.NextDouble() < 0.7 ? QueryWords[random.Next(QueryWords.Length)] : theme.Keywords[random.Next(theme.Keywords.Length)]),
                < 0.47 => ("two or three words", Words(random, theme)),
                < 0.60 => ("phrase", random.NextDouble() < 0.5
                    ? $"\"{QueryPhrases[random.Next(QueryPhrases.Length)]}\""
                    : $"\"{QueryPhrases[random.Next(QueryPhrases.Length)]}\" {QueryWords[random.Next(QueryWords.Length)]}"),
                < 0.72 => ("prefix", random.NextDouble() < 0.5
                    ? QueryPrefixes[random.Next(QueryPrefixes.Length)]
                    : $"{QueryPrefixes[random.Next(QueryPrefixes.Length)]} {QueryWords[random.Next(QueryWords.Length)]}"),
                < 0.86 => ("OR / NOT", random.Next(4) switch
                {
                    0 => $"{Word(random)} OR {Word(random)}",
                    1 => $"{Word(random)} NOT {Word(random)}",
                    2 => $"({Word(random)} OR {Word(random)}) AND \"{QueryPhrases[random.Next(QueryPhrases.Length)]}\"",
                    _ => $"{Word(random)} -{Word(random)}",
                }),
                _ => ("empty, facets only", string.Empty),
            };

            var filters = new Dictionary<string, string>();
            if (text.Length == 0 || random.NextDouble() < 0.33)
            {
                foreach (var _ in Enumerable.Range(0, random.Next(1, 3)))
                {
                    switch (random.Next(6))
                    {
                        case 0: filters[Facets.Topic] = theme.Topics[random.Next(theme.Topics.Length)]; break;
                        case 1: filters[Facets.Year] = random.Next(2016, 2027).ToString(System.Globalization.CultureInfo.InvariantCulture); break;
                        case 2: filters[Facets.System] = random.NextDouble() < 0.5 ? systems[0] : systems[random.Next(systems.Length)]; break;
                        case 3: filters[Facets.Region] = regions[random.Next(regions.Length)]; break;
                        case 4: filters[Facets.EvidenceType] = evidence[random.Next(evidence.Length)]; break;
                        default: filters[Facets.Topic] = topics[random.Next(topics.Length)]; break;
                    }
                }
            }

            var query = new SearchQuery
            {
                Text = text,
                ReaderAccess = reader,
                Filters = filters,
                Sort = random.NextDouble() < 0.25 ? SearchSort.Newest : SearchSort.Relevance,
                Page = random.NextDouble() < 0.1 ? random.Next(2, 4) : 1,
            };
            queries.Add(new MixedQuery(filters.Count > 0 && text.Length > 0 ? kind + " + facets" : kind, query));
        }

        return queries;
    }

    private static string Word(Random random) => QueryWords[random.Next(QueryWords.Length)];

    private static string Words(Random random, SearchTheme theme)
    {
        // Words from the theme's own phrases, as people type them: "falls care homes", "link workers loneliness".
        var source = random.Next(3) switch
        {
            0 => theme.Interventions[random.Next(theme.Interventions.Length)],
            1 => theme.Outcomes[random.Next(theme.Outcomes.Length)],
            _ => theme.Keywords[random.Next(theme.Keywords.Length)] + " " + theme.Settings[random.Next(theme.Settings.Length)],
        };
        var words = source.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3 && !w.Contains('\'', StringComparison.Ordinal)).ToArray();
        random.Shuffle(words);
        return string.Join(' ', words.Take(random.Next(2, 4)));
    }
}
