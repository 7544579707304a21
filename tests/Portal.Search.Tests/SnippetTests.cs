namespace Portal.Search.Tests;

/// <summary>The matched words marked in titles and in a window of the body.</summary>
public sealed class SnippetTests : IDisposable
{
    private static readonly string LongBody =
        string.Join(' ', Enumerable.Repeat("Background material about commissioning and budgets.", 20))
        + " The trial found that strength and balance classes cut falls by a third."
        + string.Join(' ', Enumerable.Repeat(" Further detail on costs and staffing levels.", 20));

    private readonly TestIndex _index = TestIndex.With(
    [
        Docs.Summary("short", "Falls prevention for older people", "Classes helped older people who kept falling."),
        Docs.Summary("long", "Strength and balance", LongBody),
        Docs.Summary("html", "Scripts <b>& tags</b>", "A <script>alert('falls')</script> in the text & more."),
        Docs.Summary("gp", "Registering with a GP", "General practice registration for refugees."),
        Docs.Summary("end", "Late match", string.Join(' ', Enumerable.Repeat("Background material about commissioning and budgets.", 20)) + " Hydration matters."),
    ]);

    public void Dispose() => _index.Dispose();

    private static string Marked(Snippet snippet) =>
        string.Concat(snippet.Parts.Select(p => p.Match ? "[" + p.Text + "]" : p.Text));

    [Fact]
    public void Matched_words_are_marked_in_title_and_body_in_every_form()
    {
        var hit = _index.Search("falls").Hits.Single(h => h.Id == "short");

        Assert.Equal("[Falls] prevention for older people", Marked(hit.Title));
        Assert.Equal("Classes helped older people who kept [falling].", Marked(hit.Snippet));
    }

    [Fact]
    public void A_synonym_match_marks_the_words_the_text_has()
    {
        var hit = _index.Search("elderly").Hits.Single();

        Assert.Equal("Falls prevention for [older people]", Marked(hit.Title));
        Assert.Equal("Classes helped [older people] who kept falling.", Marked(hit.Snippet));
    }

    [Fact]
    public void A_synonym_phrase_match_marks_the_single_word_the_text_has()
    {
        var hit = _index.Search("\"general practitioner\"").Hits.Single();

        Assert.Equal("Registering with a [GP]", Marked(hit.Title));
        Assert.Equal("[General practice] registration for refugees.", Marked(hit.Snippet));
    }

    [Fact]
    public void A_prefix_match_marks_the_words_it_matched()
    {
        var hit = _index.Search("prev* old*").Hits.Single();

        Assert.Equal("Falls [prevention] for [older] people", Marked(hit.Title));
        Assert.Equal("Classes helped [older] people who kept falling.", Marked(hit.Snippet));
    }

    [Fact]
    public void Words_of_a_phrase_are_one_mark()
    {
        var hit = _index.Search("\"falls prevention\"").Hits.Single();

        Assert.Equal("[Falls prevention] for older people", Marked(hit.Title));
    }

    [Fact]
    public void Excluded_words_are_not_marked()
    {
        var hit = _index.Search("older NOT budgets").Hits.Single();

        Assert.Equal("Falls prevention for [older] people", Marked(hit.Title));
    }

    [Fact]
    public void Stored_html_is_encoded_and_only_the_marks_are_markup()
    {
        var hit = _index.Search("falls tags").Hits.Single();

        Assert.Equal("Scripts &lt;b&gt;&amp; <mark>tags</mark>&lt;/b&gt;", hit.Title.ToHtml());
        Assert.Equal("A &lt;script&gt;alert(&#39;<mark>falls</mark>&#39;)&lt;/script&gt; in the text &amp; more.", hit.Snippet.ToHtml());
        Assert.Equal("A <script>alert('falls')</script> in the text & more.", hit.Snippet.Text);
    }

    [Fact]
    public void A_long_body_is_cut_to_a_window_around_the_matches_with_ellipses()
    {
        var hit = _index.Search("falls").Hits.Single(h => h.Id == "long");
        var text = hit.Snippet.Text;

        Assert.StartsWith("… ", text, StringComparison.Ordinal);
        Assert.EndsWith(" …", text, StringComparison.Ordinal);
        Assert.InRange(text.Length, 100, 250);
        Assert.Equal(["falls"], hit.Snippet.Parts.Where(p => p.Match).Select(p => p.Text));
        Assert.Contains("classes cut [falls] by a third.", Marked(hit.Snippet), StringComparison.Ordinal);
        // Cut at spaces, not inside words.
        Assert.Contains(" " + text[2..text.IndexOf(' ', 2)] + " ", " " + LongBody + " ", StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_body_without_a_match_shows_its_start()
    {
        var hit = _index.Search("strength").Hits.Single(h => h.Id == "long");

        // The title matched; the body's match is far in, so the window moves there.
        Assert.Contains("[strength]", Marked(hit.Snippet), StringComparison.Ordinal);

        var filtered = _index.Search(new SearchQuery { ReaderAccess = [AccessTerms.Public], Filters = new Dictionary<string, string> { [Facets.Type] = "summary" } });
        var start = filtered.Hits.Single(h => h.Id == "long").Snippet.Text;
        Assert.StartsWith("Background material", start, StringComparison.Ordinal);
        Assert.EndsWith(" …", start, StringComparison.Ordinal);
    }

    [Fact]
    public void A_match_at_the_end_of_a_long_body_shows_a_full_window_before_it()
    {
        var hit = _index.Search("hydration").Hits.Single();
        var text = hit.Snippet.Text;

        Assert.StartsWith("… ", text, StringComparison.Ordinal);
        Assert.EndsWith("[Hydration] matters.", Marked(hit.Snippet), StringComparison.Ordinal);
        Assert.InRange(text.Length, 200, 250);
    }
}
