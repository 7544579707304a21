using BenchmarkDotNet.Attributes;
using Portal.Core.Librarians;

namespace Portal.Benchmarks;

/// <summary>
/// Ranking one request against 2,000 librarians who between them delivered 20,000 past requests:
/// the past-work similarity from topic sets (the pure core of TopicPastWorkSimilarity) and the
/// explained ranking, as the notifier and the coordinator's view do after their queries.
/// Generated with a fixed seed: profiles on a topic tree of 8 groups of 5, 42 systems in 7
/// regions, capacities of 1 to 4 with some searches held, and time away for about a third.
/// The portal's similarity (SearchPastWorkSimilarity) takes the higher of this topic score and one
/// from the search index (more-like-this, then how much of the question each summary covers); its
/// index queries are measured with the search benchmarks, not here.
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private Librarian[] _librarians = [];
    private MatchRequest _request = null!;
    private MatchCandidate[] _candidates = [];

    [Params(2_000)]
    public int Librarians { get; set; }

    [Params(20_000)]
    public int PastSummaries { get; set; }

    [GlobalSetup]
    public void Generate()
    {
        var random = new Random(42);
        const int groups = 8, topicsPerGroup = 5, regions = 7, systemsPerRegion = 6;
        var names = Enumerable.Range(1, groups * topicsPerGroup).ToDictionary(id => id, id => $"Topic {id}");
        int[] TopicsFromOneGroup(int count)
        {
            var group = random.Next(groups);
            return Enumerable.Range(group * topicsPerGroup + 1, topicsPerGroup).OrderBy(_ => random.Next()).Take(count).ToArray();
        }

        GeoPath System()
        {
            var region = random.Next(regions);
            return new GeoPath(null, 100 + region * systemsPerRegion + random.Next(systemsPerRegion), region + 1);
        }

        _librarians = Enumerable.Range(0, Librarians).Select(i =>
        {
            var topics = TopicsFromOneGroup(random.Next(2, 5)).Concat(TopicsFromOneGroup(random.Next(1, 4))).Distinct()
                .Select(t => new TopicKnowledge(t, random.NextDouble() < 0.6 ? TopicLevel.Experienced : TopicLevel.Learning)).ToList();
            var away = random.NextDouble() < 0.33
                ? Enumerable.Range(0, random.Next(1, 3)).Select(_ => random.Next(-10, 60)).Select(start => new TimeAway(Today.AddDays(start), Today.AddDays(start + random.Next(1, 15)))).ToList()
                : [];
            var capacity = random.Next(1, 5);
            var profile = new LibrarianProfile($"librarian-{i:D4}");
            profile.Update(new LibrarianProfileDetails("LKS", "Trust", null, topics, SearchSkills.QuickSearch, ["Medline"], capacity, 10, away, false, false));
            return new Librarian(profile, $"Librarian {i}", System(), random.Next(0, capacity + 1), []);
        }).ToArray();

        // Past work is uneven: a few librarians deliver much of it.
        for (var i = 0; i < PastSummaries; i++)
        {
            var librarian = _librarians[(int)(Math.Pow(random.NextDouble(), 2) * Librarians)];
            librarian.PastWork.Add(TopicsFromOneGroup(random.Next(2, 5)).ToHashSet());
        }

        var requestTopics = TopicsFromOneGroup(3).ToHashSet();
        _request = new MatchRequest(requestTopics, names, new GeoPath(1, 100, 1), Today.AddDays(21));
        _candidates = _librarians.Select(l => l.Candidate(PastWorkSimilarity.ByTopics(requestTopics, l.PastWork))).ToArray();
    }

    [Benchmark(Baseline = true, Description = "Similarity from past topic sets, then rank (one request)")]
    public IReadOnlyList<LibrarianMatch> SimilarityAndRank()
    {
        var candidates = new MatchCandidate[_librarians.Length];
        for (var i = 0; i < _librarians.Length; i++)
        {
            var librarian = _librarians[i];
            candidates[i] = librarian.Candidate(PastWorkSimilarity.ByTopics(_request.TopicIds, librarian.PastWork));
        }

        return Matching.Rank(_request, candidates, new MatchWeights(), Today);
    }

    [Benchmark(Description = "Rank only, similarity given")]
    public IReadOnlyList<LibrarianMatch> RankOnly() => Matching.Rank(_request, _candidates, new MatchWeights(), Today);

    private sealed record Librarian(LibrarianProfile Profile, string Name, GeoPath Geography, int OpenClaims, List<IReadOnlyCollection<int>> PastWork)
    {
        public MatchCandidate Candidate(double similarity) => new(Profile, Name, Geography, OpenClaims, similarity);
    }
}
