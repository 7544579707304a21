namespace Portal.Segmentation.Disclosure;

/// <summary>
/// Suppression for any set of cells linked by additive relations (docs/decisions/ADR-007).
/// Primary: every count of 1–7. Secondary, greedily: while the linear audit finds a suppressed cell
/// that could be worked out from the published cells, suppress one more cell related to an exposed
/// one — the one that leaves the fewest cells exposed; among equals an inner cell before a total,
/// a non-empty cell before an empty one, then the smallest count, the smallest cost, the first.
/// Every round suppresses one more cell, so it ends; at worst with everything suppressed.
/// </summary>
public static class SecondarySuppression
{
    public static HashSet<int> Apply(
        IReadOnlyList<Relation> countRelations, IReadOnlyList<Relation> costRelations, Func<int, bool> hasCost, long[] counts, long[] costs)
    {
        var suppressed = new HashSet<int>(Enumerable.Range(0, counts.Length).Where(i => DisclosureControl.IsSmall(counts[i])));
        var related = Related(counts.Length, countRelations.Concat(costRelations));
        var isTotal = new bool[counts.Length];
        foreach (var (cell, coefficient) in countRelations.Concat(costRelations).SelectMany(r => r.Terms))
        {
            isTotal[cell] |= coefficient < 0;
        }

        var exposed = Exposed(countRelations, costRelations, hasCost, suppressed);
        while (exposed.Count > 0)
        {
            var candidates = exposed.SelectMany(e => related[e]).Where(c => !suppressed.Contains(c)).Distinct()
                .OrderBy(c => isTotal[c]).ThenBy(c => counts[c] == 0).ThenBy(c => counts[c]).ThenBy(c => costs[c]).ThenBy(c => c)
                .ToList();
            if (candidates.Count == 0)
            {
                throw new InvalidOperationException("A suppressed cell is exposed and no related cell is left to suppress.");
            }

            HashSet<int>? best = null;
            var chosen = -1;
            foreach (var candidate in candidates)
            {
                var trial = new HashSet<int>(suppressed) { candidate };
                var left = Exposed(countRelations, costRelations, hasCost, trial);
                if (best is null || left.Count < best.Count)
                {
                    (best, chosen) = (left, candidate);
                    if (left.Count == 0)
                    {
                        break;
                    }
                }
            }

            suppressed.Add(chosen);
            exposed = best!;
        }

        return suppressed;
    }

    public static HashSet<int> Exposed(
        IReadOnlyList<Relation> countRelations, IReadOnlyList<Relation> costRelations, Func<int, bool> hasCost, IReadOnlySet<int> suppressed)
    {
        var exposed = LinearAudit.Recoverable(countRelations, suppressed);
        exposed.UnionWith(LinearAudit.Recoverable(costRelations, suppressed, hasCost));
        return exposed;
    }

    private static List<int>[] Related(int cells, IEnumerable<Relation> relations)
    {
        var related = Enumerable.Range(0, cells).Select(_ => new HashSet<int>()).ToArray();
        foreach (var relation in relations)
        {
            foreach (var (a, _) in relation.Terms)
            {
                foreach (var (b, _) in relation.Terms)
                {
                    if (a != b)
                    {
                        related[a].Add(b);
                    }
                }
            }
        }

        return related.Select(r => r.Order().ToList()).ToArray();
    }
}
