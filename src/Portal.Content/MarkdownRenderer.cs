using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;

namespace Portal.Content;

/// <summary>
/// Turns Markdown a user wrote into HTML that is safe to show: Markdig renders it with raw HTML
/// switched off (it comes out as text), then HtmlSanitizer keeps only the tags Markdig writes and
/// harmless attributes and link schemes, in case any rendering path lets something through.
/// Pipe tables get the NHS.UK table classes; footnotes keep their links, whose ids are the only
/// ids allowed and carry a prefix so two rendered texts on one page do not share them. An image
/// becomes its description: the security policy would block a remote image anyway.
/// </summary>
public sealed partial class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .UseFootnotes()
        .Build();

    /// <summary>What Markdig writes for the syntax above (headings start at h3, see below); nothing else is kept.</summary>
    private static readonly string[] Tags =
    [
        "p", "br", "hr", "h3", "h4", "h5", "h6", "em", "strong", "del", "ins", "mark", "sub", "sup", "code", "pre",
        "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "div", "img",
    ];

    private const string HeaderNumeric = "nhsuk-table__header--numeric";
    private const string CellNumeric = "nhsuk-table__cell--numeric";

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public IHtmlContent Render(string? markdown) => new HtmlString(ToSafeHtml(markdown));

    /// <summary>The safe HTML as text, for storing rendered at save so reading never renders again.</summary>
    /// <param name="idPrefix">
    /// Goes before footnote ids ("findings-" gives findings-fn:1). Left out, it is made from the
    /// text itself, so the same text always renders the same and different texts differ.
    /// </param>
    public string ToSafeHtml(string? markdown, string? idPrefix = null)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        if (idPrefix is not null && !Prefix().IsMatch(idPrefix))
        {
            throw new ArgumentException("An id prefix is lower-case letters, digits and hyphens, starting with a letter and ending with a hyphen.", nameof(idPrefix));
        }

        // A page has one h1, its title, and h2 sections; headings in user text start at h3.
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 2);
        }

        foreach (var table in document.Descendants<Table>())
        {
            AlignWithClasses(table);
        }

        var html = _sanitizer.SanitizeDom(document.ToHtml(Pipeline), string.Empty);
        var body = html.Body!;
        Finish(body, idPrefix ?? PrefixFor(markdown));
        return body.InnerHtml;
    }

    /// <summary>
    /// Markdig aligns table columns with style attributes, which the security policy blocks and
    /// which cost the sanitizer a CSS parse per cell; a right-aligned (numeric) column gets the
    /// NHS.UK class instead, and the alignment is cleared so no style is written.
    /// </summary>
    private static void AlignWithClasses(Table table)
    {
        foreach (var row in table.OfType<TableRow>())
        {
            for (var i = 0; i < row.Count; i++)
            {
                var cell = (TableCell)row[i];
                var column = cell.ColumnIndex < 0 ? i : cell.ColumnIndex;
                if (column < table.ColumnDefinitions.Count && table.ColumnDefinitions[column].Alignment == TableColumnAlign.Right)
                {
                    cell.GetAttributes().AddClass(row.IsHeader ? HeaderNumeric : CellNumeric);
                }
            }
        }

        foreach (var column in table.ColumnDefinitions)
        {
            column.Alignment = null;
        }
    }

    /// <summary>
    /// What the sanitizer cannot judge alone: only footnote ids and in-page links to them are
    /// kept (prefixed), any other link must be an absolute http, https or mailto address, and
    /// tables get the NHS.UK classes.
    /// </summary>
    private static void Finish(IElement body, string prefix)
    {
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (element.GetAttribute("id") is { } id)
            {
                if (FootnoteId().IsMatch(id))
                {
                    element.SetAttribute("id", prefix + id);
                }
                else
                {
                    element.RemoveAttribute("id");
                }
            }

            var numeric = element.ClassName is HeaderNumeric or CellNumeric;
            element.RemoveAttribute("class");
            switch (element.LocalName)
            {
                case "img":
                    element.Replace(element.Owner!.CreateTextNode(element.GetAttribute("alt") ?? string.Empty));
                    break;
                case "a":
                    FinishLink(element, prefix);
                    break;
                case "table":
                    element.ClassName = "nhsuk-table";
                    break;
                case "thead":
                    element.ClassName = "nhsuk-table__head";
                    break;
                case "tbody":
                    element.ClassName = "nhsuk-table__body";
                    break;
                case "tr":
                    element.ClassName = "nhsuk-table__row";
                    break;
                case "th":
                    element.ClassName = numeric ? "nhsuk-table__header " + HeaderNumeric : "nhsuk-table__header";
                    element.SetAttribute("scope", "col");
                    break;
                case "td":
                    element.ClassName = numeric ? "nhsuk-table__cell " + CellNumeric : "nhsuk-table__cell";
                    break;
            }
        }
    }

    private static void FinishLink(IElement link, string prefix)
    {
        var href = link.GetAttribute("href");
        if (href is null)
        {
            return;
        }

        if (href.StartsWith('#'))
        {
            if (FootnoteId().IsMatch(href.AsSpan(1)))
            {
                link.SetAttribute("href", "#" + prefix + href[1..]);
                if (href.StartsWith("#fnref:", StringComparison.Ordinal))
                {
                    // The back link's text is a hooked arrow, which says nothing read aloud.
                    link.SetAttribute("aria-label", "Back to the text");
                }
            }
            else
            {
                link.RemoveAttribute("href");
            }

            return;
        }

        // Relative and scheme-relative links (//host) pass the sanitizer's scheme check; they are not wanted here.
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto") || href.StartsWith("//", StringComparison.Ordinal))
        {
            link.RemoveAttribute("href");
            return;
        }

        link.SetAttribute("rel", "nofollow noopener noreferrer");
    }

    private static string PrefixFor(string markdown)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(markdown), hash);
        return "n" + Convert.ToHexStringLower(hash[..4]) + "-";
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        // Anything not allowed goes, but its text stays readable.
        var sanitizer = new HtmlSanitizer { KeepChildNodes = true };
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(Tags);
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.Clear();

        // Ids are checked again in Finish (footnote ids only); classes are only the numeric column
        // ones set above; an image keeps only its alt text. No style attribute at all.
        sanitizer.AllowedAttributes.UnionWith(["href", "title", "start", "id", "class", "alt"]);
        sanitizer.AllowedClasses.Clear();
        sanitizer.AllowedClasses.UnionWith([HeaderNumeric, CellNumeric]);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        return sanitizer;
    }

    /// <summary>Markdig's footnote ids: fn:1 for a note, fnref:1 for a place that cites it.</summary>
    [GeneratedRegex(@"^fn(ref)?:[0-9]{1,5}$")]
    private static partial Regex FootnoteId();

    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,30}-$")]
    private static partial Regex Prefix();
}
