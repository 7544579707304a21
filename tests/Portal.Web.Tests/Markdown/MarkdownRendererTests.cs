using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Portal.Content;

namespace Portal.Web.Tests.Markdown;

/// <summary>
/// The renderer used for findings, work streams and segmentation narratives, as a plain unit:
/// tables and footnotes render, and a corpus of known XSS vectors (xss-vectors.md) comes out inert.
/// </summary>
public sealed partial class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static readonly HashSet<string> AllowedTags =
    [
        "p", "br", "hr", "h3", "h4", "h5", "h6", "em", "strong", "del", "ins", "mark", "sub", "sup", "code", "pre",
        "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "div",
    ];

    private static readonly HashSet<string> AllowedAttributes = ["href", "title", "start", "id", "rel", "class", "scope", "aria-label"];

    private static readonly HashSet<string> TableClasses =
    [
        "nhsuk-table", "nhsuk-table__head", "nhsuk-table__body", "nhsuk-table__row", "nhsuk-table__header",
        "nhsuk-table__header--numeric", "nhsuk-table__cell", "nhsuk-table__cell--numeric",
    ];

    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var name in Corpus.Value.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    private static readonly Lazy<Dictionary<string, string>> Corpus = new(() =>
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        var lines = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Markdown", "xss-vectors.md")))
        {
            if (line.StartsWith("=== ", StringComparison.Ordinal))
            {
                Add();
                name = line[4..].Trim();
                lines.Clear();
            }
            else if (name is not null)
            {
                lines.Add(line);
            }
        }

        Add();
        return entries;

        void Add()
        {
            if (name is not null)
            {
                entries.Add(name, string.Join('\n', lines).Trim('\n'));
            }
        }
    });

    private static IElement Body(string html) => new HtmlParser().ParseDocument("<!doctype html><html><body>" + html + "</body></html>").Body!;

    [Fact]
    public void The_corpus_has_the_vectors_the_issue_names()
    {
        var names = Corpus.Value.Keys.ToList();

        Assert.True(names.Count >= 60, $"Only {names.Count} vectors.");
        foreach (var kind in new[] { "script", "iframe", "javascript", "data", "onmouseover", "svg", "math", "style", "object", "autolink", "reference-style", "image", "table", "footnote" })
        {
            Assert.Contains(names, n => n.Contains(kind, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Every_XSS_vector_renders_inert(string vector)
    {
        var html = Renderer.ToSafeHtml(Corpus.Value[vector]);
        var body = Body(html);

        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.True(AllowedTags.Contains(element.LocalName), $"<{element.LocalName}> in {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.True(AllowedAttributes.Contains(attribute.Name), $"{attribute.Name}= on <{element.LocalName}> in {html}");
            }

            if (element.GetAttribute("href") is { } href)
            {
                Assert.True(IsSafeLink(href), $"href=\"{href}\" in {html}");
            }

            if (element.GetAttribute("id") is { } id)
            {
                Assert.Matches(PrefixedFootnoteId(), id);
            }

            if (element.GetAttribute("class") is { } classes)
            {
                Assert.All(classes.Split(' '), c => Assert.Contains(c, TableClasses));
            }
        }

        // Belt and braces on the text itself: no tag that runs or loads anything, unescaped.
        foreach (var tag in new[] { "<script", "<iframe", "<svg", "<math", "<style", "<object", "<embed", "<img", "<form", "<base", "<link", "<meta", "<input", "<video", "<audio" })
        {
            Assert.DoesNotContain(tag, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static bool IsSafeLink(string href) =>
        href.StartsWith('#')
            ? PrefixedFootnoteId().IsMatch(href[1..])
            : Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" && !href.StartsWith("//", StringComparison.Ordinal);

    [Fact]
    public void Typed_HTML_comes_out_as_text_that_can_be_read()
    {
        var html = Renderer.ToSafeHtml("Hello <script>alert('x')</script> <b>bold?</b>");

        Assert.Equal("<p>Hello &lt;script&gt;alert('x')&lt;/script&gt; &lt;b&gt;bold?&lt;/b&gt;</p>", html.Trim());
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))", "<p><a>click</a></p>")]
    [InlineData("[paper](https://doi.org/10.1136/bmj.l6890)", "<p><a href=\"https://doi.org/10.1136/bmj.l6890\" rel=\"nofollow noopener noreferrer\">paper</a></p>")]
    [InlineData("[ask](mailto:library@example.nhs.uk)", "<p><a href=\"mailto:library@example.nhs.uk\" rel=\"nofollow noopener noreferrer\">ask</a></p>")]
    [InlineData("[approve](/api/v1/summaries/1/approve)", "<p><a>approve</a></p>")]
    [InlineData("[away](//evil.example)", "<p><a>away</a></p>")]
    public void Links_keep_only_web_and_mail_addresses(string markdown, string expected) =>
        Assert.Equal(expected, Renderer.ToSafeHtml(markdown).Trim());

    [Theory]
    [InlineData("{{ x }}")]
    [InlineData("{{ constructor.constructor('alert(1)')() }}")]
    [InlineData("@Model.Secret")]
    [InlineData("@(1 + 1)")]
    [InlineData("{% raw %}{{ x }}{% endraw %}")]
    [InlineData("${7*7}")]
    [InlineData("#{7*7}")]
    [InlineData("<%= 7*7 %>")]
    [InlineData("[[${7*7}]]")]
    public void Text_that_looks_like_template_syntax_comes_out_literally(string text)
    {
        var html = Renderer.ToSafeHtml("Before " + text + " after");

        Assert.Equal("Before " + text + " after", Body(html).TextContent.Trim());
    }

    [Fact]
    public void A_pipe_table_gets_the_NHS_table_classes_and_right_alignment_becomes_the_numeric_class()
    {
        var html = Renderer.ToSafeHtml("| Study | Design | Participants |\n|:---|:---:|---:|\n| Hartley 2021 | Review | 4,812 |\n| Fenton 2022 | Realist | 59 |\n");
        var table = Assert.Single(Body(html).QuerySelectorAll("table"));

        Assert.Equal("nhsuk-table", table.ClassName);
        Assert.Equal("nhsuk-table__head", table.QuerySelector("thead")!.ClassName);
        Assert.Equal("nhsuk-table__body", table.QuerySelector("tbody")!.ClassName);
        Assert.All(table.QuerySelectorAll("tr"), row => Assert.Equal("nhsuk-table__row", row.ClassName));
        Assert.Equal(
            ["nhsuk-table__header", "nhsuk-table__header", "nhsuk-table__header nhsuk-table__header--numeric"],
            table.QuerySelectorAll("th").Select(th => th.ClassName));
        Assert.All(table.QuerySelectorAll("th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.Equal("nhsuk-table__cell nhsuk-table__cell--numeric", table.QuerySelectorAll("td")[2].ClassName);
        Assert.Equal("4,812", table.QuerySelectorAll("td")[2].TextContent);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Footnotes_link_both_ways_with_prefixed_ids_that_match()
    {
        var html = Renderer.ToSafeHtml("Wellbeing improved.[^well] Use of GP time did not.[^gp]\n\n[^well]: Seventeen of 23 studies.\n[^gp]: Inconsistent across studies.\n", "findings-");
        var body = Body(html);

        var ids = body.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(["findings-fnref:1", "findings-fnref:2", "findings-fn:1", "findings-fn:2"], ids);
        var internalLinks = body.QuerySelectorAll("a[href^='#']").ToList();
        Assert.Equal(4, internalLinks.Count);
        Assert.All(internalLinks, a => Assert.Contains(a.GetAttribute("href")![1..], ids));
        var backLinks = internalLinks.Where(a => a.GetAttribute("href")!.StartsWith("#findings-fnref:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, backLinks.Count);
        Assert.All(backLinks, a => Assert.Equal("Back to the text", a.GetAttribute("aria-label")));
        Assert.Equal("Seventeen of 23 studies.", body.QuerySelector("#findings-fn\\:1 p")!.FirstChild!.TextContent);
    }

    [Fact]
    public void Without_a_prefix_the_ids_come_from_the_text_so_two_texts_on_a_page_do_not_clash_and_one_text_renders_the_same_each_time()
    {
        const string findings = "A finding.[^1]\n\n[^1]: Its source.";
        const string caveats = "A caveat.[^1]\n\n[^1]: Why.";

        var first = Renderer.ToSafeHtml(findings);
        var again = Renderer.ToSafeHtml(findings);
        var other = Renderer.ToSafeHtml(caveats);

        Assert.Equal(first, again);
        var firstIds = Body(first).QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        var otherIds = Body(other).QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(2, firstIds.Count);
        Assert.Empty(firstIds.Intersect(otherIds));
    }

    [Theory]
    [InlineData("Findings-")]
    [InlineData("findings")]
    [InlineData("x\" onclick=\"alert(1)-")]
    [InlineData("-")]
    public void A_prefix_that_is_not_a_plain_id_start_is_refused(string prefix) =>
        Assert.Throws<ArgumentException>(() => Renderer.ToSafeHtml("Text[^1]\n\n[^1]: Note.", prefix));

    [Fact]
    public void Headings_start_at_level_three_under_the_page_title_and_its_sections()
    {
        var html = Renderer.ToSafeHtml("# Results\n\n## Subgroups\n\n#### Deep");

        Assert.Equal("<h3>Results</h3>\n<h4>Subgroups</h4>\n<h6>Deep</h6>", html.Trim());
    }

    [Fact]
    public void Lists_emphasis_quotes_and_code_render_as_before()
    {
        var html = Renderer.ToSafeHtml("3. three\n4. four\n\n> quoted **bold** ~~gone~~\n\n`code` and\n\n```csharp\nvar x = 1;\n```");

        Assert.Contains("<ol start=\"3\">", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<del>gone</del>", html, StringComparison.Ordinal);
        Assert.Contains("<pre><code>var x = 1;\n</code></pre>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("![PRISMA flow diagram](https://example.org/prisma.png)", "<p>PRISMA flow diagram</p>")]
    [InlineData("![<script>alert(1)</script>](javascript:alert(1))", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("![](https://example.org/x.png)", "<p></p>")]
    public void An_image_is_shown_as_its_description(string markdown, string expected) =>
        Assert.Equal(expected, Renderer.ToSafeHtml(markdown).Trim());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Nothing_written_renders_nothing(string? markdown) => Assert.Equal(string.Empty, Renderer.ToSafeHtml(markdown));

    [GeneratedRegex(@"^[a-z][a-z0-9-]*-fn(ref)?:[0-9]+$")]
    private static partial Regex PrefixedFootnoteId();
}
