namespace Portal.Core.Librarians;

/// <summary>Who hears that a request has come into the pool because it matches them, and what they are told.</summary>
public static class MatchNotices
{
    public const int MaxTextLength = 1000;

    /// <summary>
    /// The best-ranked librarians, at most <paramref name="top"/>, who could take the request now:
    /// they have a search free (a claim beyond capacity would be refused), they are not away on
    /// every day from today to the deadline, and the request fits them at all — a topic on their
    /// profile or similar past work — since the notice says it matches their profile. Being away for
    /// part of the time only lowers the rank. Nobody is told when nobody qualifies; the request
    /// stays in everyone's "Requests for me" and on the coordinators' pipeline.
    /// </summary>
    public static IReadOnlyList<LibrarianMatch> WhoToTell(
        IEnumerable<LibrarianMatch> ranked, IReadOnlyDictionary<string, LibrarianProfile> profiles, DateOnly today, DateOnly deadline, int top)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(profiles);
        return top <= 0
            ? []
            : ranked
                .Where(m => Score(m, "Capacity") > 0
                    && (Score(m, "Topics") > 0 || Score(m, "Past summaries") > 0)
                    && !(profiles.TryGetValue(m.UserId, out var profile) && IsAwayThroughout(profile.TimeAway, today, deadline)))
                .Take(top)
                .ToList();
    }

    /// <summary>Whether the periods away, together, cover every day from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAwayThroughout(IEnumerable<TimeAway> away, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return false;
        }

        var next = from;
        foreach (var period in away.OrderBy(a => a.From))
        {
            if (period.From > next)
            {
                break;
            }

            if (period.To >= next)
            {
                if (period.To >= to)
                {
                    return true;
                }

                next = period.To.AddDays(1);
            }
        }

        return false;
    }

    /// <summary>"A request on Frailty matches your profile: Experienced in Frailty. Works in the same system."</summary>
    public static string Text(MatchRequest request, string workStreamTitle, LibrarianMatch match)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(match);
        var names = request.TopicIds.Select(id => request.TopicNames.TryGetValue(id, out var name) ? name : null).OfType<string>().ToList();
        var subject = names.Count switch
        {
            0 => $"for {workStreamTitle}",
            1 => $"on {names[0]}",
            <= 3 => $"on {string.Join(", ", names[..^1])} and {names[^1]}",
            _ => $"on {string.Join(", ", names.Take(3))} and {names.Count - 3} more",
        };
        var reasons = match.Factors
            .Where(f => f.Name switch
            {
                "Topics" or "Past summaries" => f.Score > 0,
                "Geography" => f.Score >= 0.5,
                _ => false,
            })
            .Select(f => f.Explanation);
        var text = $"A request {subject} matches your profile: {string.Join(" ", reasons)}";
        return text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength - 1), "…");
    }

    private static double Score(LibrarianMatch match, string factor) => match.Factors.FirstOrDefault(f => f.Name == factor)?.Score ?? 0;
}
