namespace Portal.Search.Tests;

/// <summary>What readers type: Lucene syntax when it is valid, plain words when it is not, never an exception.</summary>
public sealed class QueryTests : IDisposable
{
    private readonly TestIndex _index = TestIndex.With(
    [
        Docs.Summary("falls-prevention", "Falls prevention in care homes", "Strength and balance classes reduce falls."),
        Docs.Summary("prevention-falls", "Prevention of pressure ulcers", "Falls were not studied."),
        Docs.Summary("frailty", "Frailty screening in general practice", "Electronic frailty index."),
        Docs.Summary("diabetes", "Diabetes prevention programme", "Lifestyle change for prediabetes."),
        Docs.Summary("smoking", "Smoking cessation in pregnancy", "Incentives for quitting."),
    ]);

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Several_words_find_what_has_them_all()
    {
        var results = _index.Search("falls prevention");

        Assert.Equal(["falls-prevention", "prevention-falls"], results.Ids().Order());
        Assert.Equal(QueryNote.None, results.Note);
        Assert.Equal(2, results.Total);
    }

    [Fact]
    public void A_phrase_finds_the_words_in_that_order()
    {
        Assert.Equal(["falls-prevention"], _index.Search("\"falls prevention\"").Ids());
    }

    [Theory]
    [InlineData("falls OR diabetes", new[] { "diabetes", "falls-prevention", "prevention-falls" })]
    [InlineData("prevention AND NOT falls", new[] { "diabetes" })]
    [InlineData("prevention -falls", new[] { "diabetes" })]
    [InlineData("frailty AND practice", new[] { "frailty" })]
    [InlineData("(smoking OR diabetes) AND prevention", new[] { "diabetes" })]
    [InlineData("title:frailty", new[] { "frailty" })]
    public void Boolean_operators_combine_words(string text, string[] expected)
    {
        var results = _index.Search(text);

        Assert.Equal(expected, results.Ids().Order());
        Assert.Equal(QueryNote.None, results.Note);
    }

    [Theory]
    [InlineData("prev*", new[] { "diabetes", "falls-prevention", "prevention-falls" })]
    [InlineData("diab*", new[] { "diabetes" })]
    [InlineData("smok* pregn*", new[] { "smoking" })]
    public void A_star_finds_words_starting_so(string text, string[] expected) =>
        Assert.Equal(expected, _index.Search(text).Ids().Order());

    [Theory]
    [InlineData("\"falls prevention")]
    [InlineData("falls prevention\"")]
    [InlineData("(falls prevention")]
    [InlineData("falls) prevention")]
    [InlineData("[falls prevention")]
    [InlineData("falls {prevention")]
    [InlineData("falls prevention AND")]
    [InlineData("OR falls prevention")]
    [InlineData("falls NOT prevention NOT")]
    [InlineData("*falls prevention")]
    [InlineData("falls prevention ?")]
    [InlineData("^ falls prevention")]
    [InlineData("falls prevention:")]
    [InlineData("falls prevention \\")]
    [InlineData("falls && prevention ||")]
    [InlineData("falls / prevention")]
    public void Syntax_errors_are_searched_as_plain_words(string text)
    {
        var results = _index.Search(text);

        Assert.Equal(QueryNote.ReadAsPlainWords, results.Note);
        Assert.Equal(["falls-prevention", "prevention-falls"], results.Ids().Order());
    }

    [Theory]
    [InlineData("/prevent.*/", new[] { "diabetes", "falls-prevention", "prevention-falls" })]
    [InlineData("/[ab]*a[ab]{20}/ prevention", new string[0])]
    [InlineData("title:/prev[a-z]+/", new string[0])]
    public void Regular_expressions_are_searched_as_plain_words(string text, string[] expected)
    {
        var results = _index.Search(text);

        Assert.Equal(QueryNote.ReadAsPlainWords, results.Note);
        Assert.Equal(expected, results.Ids().Order());
    }

    [Theory]
    [InlineData("AND")]
    [InlineData("OR")]
    [InlineData("NOT")]
    [InlineData("title:")]
    [InlineData("~")]
    [InlineData("^")]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("?")]
    [InlineData("()")]
    [InlineData("[ TO ]")]
    [InlineData(":")]
    [InlineData("!")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData("/")]
    public void A_lone_operator_finds_nothing_and_does_not_throw(string text)
    {
        var results = _index.Search(text);

        Assert.Empty(results.Hits);
        Assert.Equal(0, results.Total);
        Assert.NotEqual(QueryNote.None, results.Note);
    }

    [Theory]
    [InlineData("the")]
    [InlineData("the and of")]
    [InlineData("\"to be or not to be\"")]
    [InlineData("it is NOT the")]
    [InlineData("was this")]
    [InlineData("they are")]
    public void Only_stop_words_search_nothing_and_say_so(string text)
    {
        var results = _index.Search(text);

        Assert.Equal(QueryNote.OnlyCommonWords, results.Note);
        Assert.Empty(results.Hits);
        Assert.All(results.Facets, f => Assert.Empty(f.Values));
    }

    [Fact]
    public void Nothing_typed_and_nothing_to_narrow_by_searches_nothing()
    {
        var results = _index.Search("   ");

        Assert.Equal(QueryNote.Empty, results.Note);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public void A_query_over_the_limit_is_refused()
    {
        var text = new string('a', SearchQuery.MaxTextLength + 1);

        var ex = Assert.Throws<ArgumentException>(() => _index.Index.Search(new SearchQuery { Text = text, ReaderAccess = [AccessTerms.Public] }));
        Assert.Contains("500 characters or fewer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hundreds_of_words_just_under_the_limit_do_not_fail()
    {
        var words = string.Join(' ', Enumerable.Range(0, 160).Select(i => ((char)('a' + (i % 26))).ToString() + (char)('a' + (i / 26))));
        var text = "falls " + words;
        Assert.True(text.Length <= SearchQuery.MaxTextLength);

        var results = _index.Search(text);

        Assert.Equal(QueryNote.None, results.Note);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public void Hundreds_of_words_joined_by_or_do_not_fail()
    {
        var words = string.Join(" OR ", Enumerable.Range(0, 60).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var text = "falls OR " + words;
        Assert.True(text.Length <= SearchQuery.MaxTextLength, text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var results = _index.Search(text);

        Assert.Equal(["falls-prevention", "prevention-falls"], results.Ids().Order());
    }

    [Fact]
    public void Many_prefixes_just_under_the_limit_do_not_fail()
    {
        using var large = TestIndex.With(Enumerable.Range(0, 100).Select(i => Docs.Summary(
            i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Summary " + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.Join(' ', Enumerable.Range(0, 20).Select(j => "p" + ((i * 20) + j).ToString(System.Globalization.CultureInfo.InvariantCulture))))));
        var prefixes = string.Join(" OR ", Enumerable.Range(1, 9).Select(d => "p" + d.ToString(System.Globalization.CultureInfo.InvariantCulture) + "*"));
        var more = string.Join(' ', Enumerable.Range(0, 150).Select(_ => "p*"));
        var text = prefixes + " " + more;
        text = text[..Math.Min(text.Length, SearchQuery.MaxTextLength)].TrimEnd('p', ' ');
        Assert.True(text.Length > SearchQuery.MaxTextLength - 10);

        var results = large.Search(new SearchQuery { Text = text, ReaderAccess = [AccessTerms.Public], PageSize = 5 });

        Assert.Equal(100, results.Total);
        Assert.All(results.Hits, h => Assert.Contains(h.Snippet.Parts, p => p.Match));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Any_mix_of_words_and_query_syntax_gives_an_answer(int seed)
    {
        string[] pieces = ["falls", "prevention", "the", "AND", "OR", "NOT", "&&", "||", "!", "+", "-", "\"", "(", ")", "[", "]", "{", "}", "^", "^2", "~", "~0.5", "*", "?", ":", "title:", "body:", "\\", "/", "TO", " ", "  ", "é", "'", "\u0000", "🙂", "\uD800", "/a[/", "/(/", "falls~2", "[a TO z]", "{* TO *}", "falls^1000000000000", "x~9", "a*b?c"];
        var random = new Random(seed);
        for (var i = 0; i < 300; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)] + (random.Next(3) == 0 ? "" : " ")));

            var results = _index.Search(text);

            Assert.True(results.Total >= 0, text);
            Assert.All(results.Hits, h => Assert.NotNull(h.Snippet));
        }
    }
}
