namespace Portal.Search.Tests;

/// <summary>The cursor passes task ids it has not seen as gaps and looks for them until they appear or are too old.</summary>
public sealed class IndexCursorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset GiveUpBefore = Now.AddMinutes(-10);

    [Fact]
    public void Reading_in_order_moves_the_position_without_gaps()
    {
        var cursor = IndexCursor.Start.After([1, 2, 3], Now, GiveUpBefore);

        Assert.Equal(3, cursor.Position);
        Assert.Empty(cursor.Gaps);
    }

    [Fact]
    public void Skipped_ids_become_gaps_seen_now()
    {
        var cursor = IndexCursor.Start.After([1, 4, 6], Now, GiveUpBefore);

        Assert.Equal(6, cursor.Position);
        Assert.Equal([2, 3, 5], cursor.GapIds);
        Assert.All(cursor.Gaps, g => Assert.Equal(Now, g.SeenAt));
    }

    [Fact]
    public void A_gap_filled_later_is_dropped_and_others_stay()
    {
        var cursor = IndexCursor.Start.After([1, 4, 6], Now, GiveUpBefore);

        var later = cursor.After([3, 7], Now.AddSeconds(5), GiveUpBefore);

        Assert.Equal(7, later.Position);
        Assert.Equal([2, 5], later.GapIds);
        Assert.All(later.Gaps, g => Assert.Equal(Now, g.SeenAt));
    }

    [Fact]
    public void Nothing_read_keeps_the_position_and_the_gaps()
    {
        var cursor = new IndexCursor(10, [new IndexGap(8, Now)], 0);

        Assert.Equal(cursor.Position, cursor.After([], Now, GiveUpBefore).Position);
        Assert.Equal([8], cursor.After([], Now, GiveUpBefore).GapIds);
    }

    [Fact]
    public void Gaps_older_than_the_give_up_time_are_dropped()
    {
        var cursor = new IndexCursor(10, [new IndexGap(4, Now.AddMinutes(-11)), new IndexGap(5, Now.AddMinutes(-9)), new IndexGap(6, GiveUpBefore)], 0);

        Assert.Equal([5, 6], cursor.After([11], Now, GiveUpBefore).GapIds);
    }

    [Fact]
    public void At_most_max_gaps_are_kept_the_newest()
    {
        var cursor = IndexCursor.Start.After([1, 5000], Now, GiveUpBefore);

        Assert.Equal(5000, cursor.Position);
        Assert.Equal(IndexCursor.MaxGaps, cursor.Gaps.Count);
        Assert.Equal(5000 - IndexCursor.MaxGaps, cursor.GapIds[0]);
        Assert.Equal(4999, cursor.GapIds[^1]);
    }

    [Fact]
    public void Old_and_new_gaps_together_are_capped_keeping_the_newest()
    {
        var cursor = IndexCursor.Start.After([1, 600], Now, GiveUpBefore);
        Assert.Equal(598, cursor.Gaps.Count);

        var later = cursor.After([1200], Now.AddSeconds(1), GiveUpBefore);

        Assert.Equal(IndexCursor.MaxGaps, later.Gaps.Count);
        Assert.Equal(1199, later.GapIds[^1]);
        Assert.Equal(1200 - IndexCursor.MaxGaps - 1, later.GapIds[0]);
        Assert.DoesNotContain(600, later.GapIds);
    }

    [Fact]
    public void Reading_keeps_the_rebuild_request_it_came_from()
    {
        var cursor = new IndexCursor(0, [], 42).After([1, 3], Now, GiveUpBefore);

        Assert.Equal(42, cursor.RebuildRequest);
    }

    [Fact]
    public void The_cursor_reads_back_from_commit_data_as_written()
    {
        var cursor = new IndexCursor(0, [], 7).After([1, 4, 9], Now, GiveUpBefore);

        var read = IndexCursor.FromCommitData(cursor.ToCommitData());

        Assert.Equal(cursor.Position, read.Position);
        Assert.Equal(cursor.Gaps, read.Gaps);
        Assert.Equal(7, read.RebuildRequest);
    }

    [Fact]
    public void Commit_data_from_elsewhere_reads_as_the_start()
    {
        var read = IndexCursor.FromCommitData(new Dictionary<string, string> { ["portal.cursor"] = "not a number", ["portal.gaps"] = "1@x;;2" });

        Assert.Equal(0, read.Position);
        Assert.Empty(read.Gaps);
    }
}
