namespace Portal.Search.Tests;

public sealed class SynonymRulesTests
{
    [Fact]
    public void The_default_file_reads_without_problems()
    {
        var (rules, problems) = SynonymRules.Parse(SynonymRules.DefaultText);

        Assert.Empty(problems);
        Assert.NotNull(rules);
        Assert.Contains("elderly, older people", rules.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_that_cannot_be_read_are_reported_with_their_line_numbers()
    {
        var text = string.Join('\n',
            "# comment",
            "frail, frailty",
            "a => b => c",
            "",
            "walking, , cycling",
            "lonely",
            "!!!, loneliness",
            "gp => general practice");

        var (rules, problems) = SynonymRules.Parse(text);

        Assert.Null(rules);
        Assert.Equal(4, problems.Count);
        Assert.StartsWith("Line 3: ", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Line 5: ", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("Line 6: ", problems[2], StringComparison.Ordinal);
        Assert.StartsWith("Line 7: ", problems[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_line_endings_count_lines_the_same()
    {
        var (_, problems) = SynonymRules.Parse("frail, frailty\r\n\r\nlonely\r\n");

        Assert.Equal(["Line 3: list at least two words or phrases separated by commas, or map one to another with \"=>\"."], problems);
    }

    [Fact]
    public void An_over_long_file_is_refused()
    {
        var line = "walking, strolling\n";
        var text = string.Concat(Enumerable.Repeat(line, (SynonymRules.MaxLength / line.Length) + 1));

        var (rules, problems) = SynonymRules.Parse(text);

        Assert.Null(rules);
        Assert.Single(problems);
        Assert.Contains("100,000 characters or fewer", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_blank_lines_only_make_no_rules()
    {
        var (rules, problems) = SynonymRules.Parse("# nothing yet\n\n   \n# still nothing\n");

        Assert.Empty(problems);
        Assert.NotNull(rules);
        Assert.Null(rules.Map);
    }

    [Fact]
    public void Edited_rules_apply_to_an_index_built_with_them()
    {
        var (rules, problems) = SynonymRules.Parse("# local words\n\nbairn, child\n");
        Assert.Empty(problems);

        using var index = TestIndex.With(
            [Docs.Summary("child", "Child obesity in the North East"), Docs.Summary("bairn", "A bairn's first teeth")],
            synonyms: rules);

        Assert.Equal(["bairn", "child"], index.Search("bairn").Ids().Order());
        Assert.Equal(["bairn", "child"], index.Search("child").Ids().Order());
        Assert.Equal(rules!.Text, index.Index.Synonyms.Text);
    }

    [Fact]
    public void A_one_way_rule_finds_the_right_side_when_the_left_is_written_not_the_other_way_round()
    {
        var (rules, problems) = SynonymRules.Parse("footy => football\n");
        Assert.Empty(problems);

        using var index = TestIndex.With(
            [Docs.Summary("football", "Football injuries in schools"), Docs.Summary("footy", "Footy tipping and gambling harm")],
            synonyms: rules);

        Assert.Equal(["football", "footy"], index.Search("footy").Ids().Order());
        Assert.Equal(["football"], index.Search("football").Ids());
    }
}
