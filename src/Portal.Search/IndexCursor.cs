using System.Globalization;

namespace Portal.Search;

/// <summary>
/// How far a node's index has read the indexing-task log, committed with the index so the two never
/// disagree. Task ids come from a sequence handed out when a transaction inserts, but transactions
/// commit in their own order: a task with a lower id can appear after a higher one was read. So
/// the cursor keeps the ids it skipped over as <see cref="Gaps"/> and looks for them again on every
/// read, until they appear or are older than a transaction could stay open (then they were rolled back).
/// </summary>
public sealed record IndexCursor(long Position, IReadOnlyList<IndexGap> Gaps, long RebuildRequest)
{
    private const string PositionKey = "portal.cursor";
    private const string GapsKey = "portal.gaps";
    private const string RebuildKey = "portal.rebuild";

    /// <summary>
    /// More holes than this at once (a large rolled-back import, a sequence that jumped) are not
    /// all kept: the newest are, as the ones a still-open transaction could fill.
    /// </summary>
    public const int MaxGaps = 1000;

    public static IndexCursor Start { get; } = new(0, [], 0);

    public IReadOnlyList<long> GapIds => Gaps.Select(g => g.Id).ToList();

    /// <summary>
    /// Where the cursor is after reading <paramref name="readIds"/> (every task after the position, and
    /// any gap that appeared): gaps filled are dropped, new holes below the highest id read are added,
    /// and gaps seen before <paramref name="giveUpBefore"/> are given up.
    /// </summary>
    public IndexCursor After(IReadOnlyCollection<long> readIds, DateTimeOffset now, DateTimeOffset giveUpBefore)
    {
        var read = readIds.ToHashSet();
        var gaps = Gaps.Where(g => !read.Contains(g.Id) && g.SeenAt >= giveUpBefore).ToList();
        var highest = read.Count == 0 ? Position : Math.Max(Position, read.Max());
        for (var id = Math.Max(Position + 1, highest - MaxGaps); id < highest; id++)
        {
            if (!read.Contains(id))
            {
                gaps.Add(new IndexGap(id, now));
            }
        }

        return this with { Position = highest, Gaps = gaps.Count > MaxGaps ? gaps.OrderBy(g => g.Id).TakeLast(MaxGaps).ToList() : gaps };
    }

    internal IDictionary<string, string> ToCommitData() => new Dictionary<string, string>
    {
        [PositionKey] = Position.ToString(CultureInfo.InvariantCulture),
        [GapsKey] = string.Join(';', Gaps.Select(g => $"{g.Id.ToString(CultureInfo.InvariantCulture)}@{g.SeenAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}")),
        [RebuildKey] = RebuildRequest.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The cursor a commit carries; <see cref="Start"/> when it carries none (an index built elsewhere).</summary>
    internal static IndexCursor FromCommitData(IDictionary<string, string> data)
    {
        long Number(string key) => data.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var gaps = new List<IndexGap>();
        if (data.TryGetValue(GapsKey, out var text) && text.Length > 0)
        {
            foreach (var part in text.Split(';'))
            {
                var at = part.Split('@');
                if (at.Length == 2
                    && long.TryParse(at[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    && long.TryParse(at[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                {
                    gaps.Add(new IndexGap(id, DateTimeOffset.FromUnixTimeMilliseconds(ms)));
                }
            }
        }

        return new IndexCursor(Number(PositionKey), gaps, Number(RebuildKey));
    }
}

/// <summary>A task id the cursor passed without reading: its transaction may still commit.</summary>
public sealed record IndexGap(long Id, DateTimeOffset SeenAt);
