namespace Portal.Segmentation.Computation;

/// <summary>Cost concentration: the share of cost held by the top people of a ranking, and the Gini coefficient.</summary>
public static class Curves
{
    /// <summary>The top k people are the first round(P × N / 100) of the ranking, for each published P.</summary>
    public static long PeopleInTop(int percent, long people) => (percent * people + 50) / 100;

    /// <summary>Costs sorted ascending; the top of the ranking is the end of the span.</summary>
    public static IReadOnlyList<CurvePoint> ByCost(ReadOnlySpan<long> ascending)
    {
        var points = new List<CurvePoint>();
        long held = 0;
        var taken = 0L;
        foreach (var percent in Thresholds.CurvePercents)
        {
            var k = PeopleInTop(percent, ascending.Length);
            while (taken < k)
            {
                held += ascending[ascending.Length - 1 - (int)taken];
                taken++;
            }

            points.Add(new CurvePoint(percent, k, held));
        }

        return points;
    }

    /// <summary>
    /// Ranks by risk score, highest first. People with equal scores cannot be told apart, so when the
    /// cut falls inside a tied group it takes that share of the group's cost: the result does not
    /// depend on the order ties happen to be in. Sorts both spans.
    /// </summary>
    public static IReadOnlyList<CurvePoint> ByRisk(Span<double> risks, Span<long> costs)
    {
        risks.Sort(costs);
        var n = risks.Length;
        var points = new List<CurvePoint>();
        var cut = 0;
        var targets = Thresholds.CurvePercents.Select(p => (Percent: p, K: PeopleInTop(p, n))).ToList();
        double before = 0; // cost of the groups wholly above the current one
        var rank = 0;      // people wholly above the current group
        var end = n;       // the current group is [start, end) counted from the bottom
        while (end > 0 && cut < targets.Count)
        {
            var start = end - 1;
            while (start > 0 && risks[start - 1] == risks[end - 1])
            {
                start--;
            }

            double group = 0;
            for (var i = start; i < end; i++)
            {
                group += costs[i];
            }

            var size = end - start;
            while (cut < targets.Count && targets[cut].K <= rank + size)
            {
                var inside = targets[cut].K - rank;
                points.Add(new CurvePoint(targets[cut].Percent, targets[cut].K, before + group * inside / size));
                cut++;
            }

            before += group;
            rank += size;
            end = start;
        }

        return points;
    }

    /// <summary>Gini coefficient of values sorted ascending: (2 Σ i·xᵢ) / (n Σ xᵢ) − (n + 1) / n, i from 1.</summary>
    public static double Gini(ReadOnlySpan<long> ascending)
    {
        var n = ascending.Length;
        double sum = 0;
        double weighted = 0;
        for (var i = 0; i < n; i++)
        {
            sum += ascending[i];
            weighted += (double)(i + 1) * ascending[i];
        }

        return n == 0 || sum == 0 ? 0 : 2 * weighted / (n * sum) - (n + 1.0) / n;
    }
}
