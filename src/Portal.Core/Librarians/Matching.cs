namespace Portal.Core.Librarians;

/// <summary>Where something sits in the geography tree: ids of its place, system and region, any of them unknown.</summary>
public sealed record GeoPath(int? PlaceId, int? SystemId, int? RegionId);

/// <summary>What matching needs to know about a request.</summary>
public sealed record MatchRequest(IReadOnlyCollection<int> TopicIds, IReadOnlyDictionary<int, string> TopicNames, GeoPath Geography, DateOnly Deadline);

/// <summary>
/// A librarian to rank: their profile, where they work, how many searches they hold now, and how
/// similar the request is to their past summaries (0–1; computed by the search module).
/// </summary>
public sealed record MatchCandidate(LibrarianProfile Profile, string DisplayName, GeoPath Geography, int OpenClaims, double Similarity);

/// <summary>The weight of each factor; they need not add up to 1. Set in configuration.</summary>
public sealed record MatchWeights(double Topics = 0.35, double Similarity = 0.2, double Geography = 0.2, double Capacity = 0.15, double Availability = 0.1);

/// <summary>One factor of a match: its score (0–1), its weight and why, in words.</summary>
public sealed record MatchFactor(string Name, double Score, double Weight, string Explanation);

/// <summary>A ranked librarian, with the factors that make up the score.</summary>
public sealed record LibrarianMatch(string UserId, string DisplayName, double Score, IReadOnlyList<MatchFactor> Factors);

/// <summary>
/// Ranks librarians for a request, explaining each factor. Deterministic: the same inputs give
/// the same order (ties go to the user id), and each factor is a pure function tested on its own.
/// </summary>
public static class Matching
{
    private static readonly System.Globalization.CultureInfo EnglishDates = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<LibrarianMatch> Rank(MatchRequest request, IEnumerable<MatchCandidate> candidates, MatchWeights weights, DateOnly today)
    {
        var total = weights.Topics + weights.Similarity + weights.Geography + weights.Capacity + weights.Availability;
        if (total <= 0)
        {
            throw new ArgumentException("At least one matching weight must be positive.", nameof(weights));
        }

        return candidates
            .Select(c =>
            {
                MatchFactor[] factors =
                [
                    TopicFactor(request, c.Profile, weights.Topics),
                    SimilarityFactor(c.Similarity, weights.Similarity),
                    GeographyFactor(request.Geography, c.Geography, weights.Geography),
                    CapacityFactor(c.Profile.Capacity, c.OpenClaims, weights.Capacity),
                    AvailabilityFactor(c.Profile, today, request.Deadline, weights.Availability),
                ];
                return new LibrarianMatch(c.Profile.UserId, c.DisplayName, factors.Sum(f => f.Score * f.Weight) / total, factors);
            })
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.UserId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Experienced in a request topic counts 1, learning counts ½; averaged over the request's topics.</summary>
    public static MatchFactor TopicFactor(MatchRequest request, LibrarianProfile profile, double weight)
    {
        if (request.TopicIds.Count == 0)
        {
            return new("Topics", 0, weight, "The request names no topics.");
        }

        var known = profile.Topics.ToDictionary(t => t.TopicId, t => t.Level);
        var experienced = new List<string>();
        var learning = new List<string>();
        var sum = 0.0;
        foreach (var topic in request.TopicIds)
        {
            if (!known.TryGetValue(topic, out var level))
            {
                continue;
            }

            var name = request.TopicNames.TryGetValue(topic, out var n) ? n : $"topic {topic}";
            (level == TopicLevel.Experienced ? experienced : learning).Add(name);
            sum += level == TopicLevel.Experienced ? 1 : 0.5;
        }

        var explanation = experienced.Count + learning.Count == 0
            ? "None of the request's topics are on the profile."
            : string.Join("; ", new[]
            {
                experienced.Count > 0 ? "Experienced in " + string.Join(", ", experienced) : null,
                learning.Count > 0 ? (experienced.Count > 0 ? "learning " : "Learning ") + string.Join(", ", learning) : null,
            }.Where(s => s is not null)) + ".";
        return new("Topics", sum / request.TopicIds.Count, weight, explanation);
    }

    public static MatchFactor SimilarityFactor(double similarity, double weight)
    {
        var score = double.IsNaN(similarity) ? 0 : Math.Clamp(similarity, 0, 1);
        var explanation = score switch
        {
            0 => "No past summaries close to this question.",
            < 0.34 => "Some past summaries touch on this question.",
            < 0.67 => "Past summaries on similar questions.",
            _ => "Past summaries on very similar questions.",
        };
        return new("Past summaries", score, weight, explanation);
    }

    /// <summary>Same place 1, same system ¾, same region ½, elsewhere 0.1: local knowledge helps but anyone can search.</summary>
    public static MatchFactor GeographyFactor(GeoPath request, GeoPath librarian, double weight)
    {
        static bool Same(int? a, int? b) => a is not null && a == b;
        return Same(request.PlaceId, librarian.PlaceId) ? new("Geography", 1, weight, "Works in the same place.")
            : Same(request.SystemId, librarian.SystemId) ? new("Geography", 0.75, weight, "Works in the same system.")
            : Same(request.RegionId, librarian.RegionId) ? new("Geography", 0.5, weight, "Works in the same region.")
            : new("Geography", 0.1, weight, "Works elsewhere.");
    }

    public static MatchFactor CapacityFactor(int capacity, int openClaims, double weight)
    {
        var free = Math.Max(0, capacity - openClaims);
        return capacity <= 0
            ? new("Capacity", 0, weight, "Not taking searches at the moment.")
            : new("Capacity", (double)free / capacity, weight, $"{free} of {capacity} searches free.");
    }

    /// <summary>Away for any day between today and the deadline scores 0; otherwise 1.</summary>
    public static MatchFactor AvailabilityFactor(LibrarianProfile profile, DateOnly today, DateOnly deadline, double weight)
    {
        var clash = profile.TimeAway.FirstOrDefault(a => a.Overlaps(today, deadline));
        return clash is null
            ? new("Availability", 1, weight, "Available until the deadline.")
            : new("Availability", 0, weight, string.Create(EnglishDates, $"Away {clash.From:d MMM} to {clash.To:d MMM}, before the deadline."));
    }
}
