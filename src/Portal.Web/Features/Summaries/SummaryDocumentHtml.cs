using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// Turns the findings' stored HTML — already rendered from Markdown and sanitised at save — into
/// Word paragraphs: headings (the page's h3 becomes a heading under "Key findings"), paragraphs,
/// bulleted and numbered lists with their nesting, quotations, code, tables, and inline bold,
/// italics, strike-through, code, superscript, subscript, line breaks and links. Anything else
/// keeps its text. Reading the stored HTML, not the Markdown, means the document says exactly
/// what the page says, and nothing is rendered again (ADR-014).
/// </summary>
internal sealed partial class SummaryDocumentHtml(WordWriter word)
{
    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q",
        "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "u", "var", "wbr",
    };

    private readonly List<OpenXmlElement> _output = [];

    public IReadOnlyList<OpenXmlElement> Convert(string? html)
    {
        _output.Clear();
        if (string.IsNullOrWhiteSpace(html))
        {
            return [];
        }

        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        Blocks(document.Body!, new Place(null, null, 0), _output);
        return _output.ToList();
    }

    /// <summary>Where blocks go: a paragraph style, the list they are items of, and the depth of that list.</summary>
    private sealed record Place(string? Style, int? List, int Level)
    {
        /// <summary>Set while the next paragraph is the first of a list item, which alone carries the number.</summary>
        public bool ItemStarts { get; set; }
    }

    private void Blocks(INode parent, Place place, List<OpenXmlElement> output)
    {
        Paragraph? pending = null;
        foreach (var node in parent.ChildNodes)
        {
            if (node is IElement element && !Inline.Contains(element.LocalName))
            {
                TrimEnd(pending);
                pending = null;
                Block(element, place, output);
                continue;
            }

            if (node is IText text && pending is null && string.IsNullOrWhiteSpace(text.Data))
            {
                continue;
            }

            if (node is IText or IElement)
            {
                pending ??= Add(NewParagraph(place), output);
                Inlines(node, pending, default);
            }
        }

        TrimEnd(pending);
    }

    /// <summary>Drops the space HTML's line breaks leave at the end of a paragraph.</summary>
    private static void TrimEnd(Paragraph? paragraph)
    {
        if (paragraph?.Descendants<Text>().LastOrDefault() is { } last)
        {
            last.Text = last.Text.TrimEnd();
        }
    }

    private void Block(IElement element, Place place, List<OpenXmlElement> output)
    {
        switch (element.LocalName)
        {
            case "h1" or "h2" or "h3":
                Add(Filled(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = WordWriter.Heading2 })), element), output);
                break;
            case "h4" or "h5" or "h6":
                Add(Filled(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = WordWriter.Heading3 })), element), output);
                break;
            case "p":
                Add(Filled(NewParagraph(place), element), output);
                break;
            case "ul" or "ol":
                var list = element.LocalName == "ol" ? word.NewNumberedList() : WordWriter.BulletList;
                var level = place.List is null ? 0 : place.Level + 1;
                foreach (var item in element.Children.Where(c => c.LocalName == "li"))
                {
                    Blocks(item, new Place(WordWriter.ListStyle, list, level) { ItemStarts = true }, output);
                }

                break;
            case "blockquote":
                Blocks(element, place with { Style = WordWriter.QuoteStyle }, output);
                break;
            case "pre":
                foreach (var line in element.TextContent.TrimEnd('\n').Split('\n'))
                {
                    var code = NewParagraph(place with { Style = WordWriter.CodeStyle });
                    code.Append(WordWriter.Run(line, new RunFormat(Code: true)));
                    Add(code, output);
                }

                break;
            case "table":
                Add(Table(element), output);
                break;
            case "hr":
                Add(new Paragraph(), output);
                break;
            default:
                // div, section, li, dl and the like: their children say what they are.
                Blocks(element, place, output);
                break;
        }
    }

    private Table Table(IElement table)
    {
        var rows = table.QuerySelectorAll("tr")
            .Select(tr => (IReadOnlyList<(IReadOnlyList<Paragraph>, bool)>)tr.Children
                .Where(c => c.LocalName is "td" or "th")
                .Select(cell =>
                {
                    var content = new List<OpenXmlElement>();
                    Blocks(cell, new Place(null, null, 0), content);
                    IReadOnlyList<Paragraph> paragraphs = content.OfType<Paragraph>().ToList();
                    if (cell.LocalName == "th")
                    {
                        foreach (var run in paragraphs.SelectMany(p => p.Descendants<Run>()))
                        {
                            run.RunProperties ??= new RunProperties();
                            if (run.RunProperties.Bold is null)
                            {
                                run.RunProperties.PrependChild(new Bold());
                            }
                        }
                    }

                    return (paragraphs, cell.LocalName == "th");
                })
                .ToList())
            .Where(r => r.Count > 0)
            .ToList();
        return WordWriter.Table(rows);
    }

    private Paragraph NewParagraph(Place place)
    {
        if (place.List is { } list && place.ItemStarts)
        {
            place.ItemStarts = false;
            return WordWriter.ListParagraph(list, place.Level);
        }

        var paragraph = new Paragraph();
        var properties = new ParagraphProperties();
        if (place.Style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = place.Style });
        }

        if (place.List is not null)
        {
            // A later paragraph of the same item: under its text, without a number.
            properties.Append(new Indentation { Left = (720 * (place.Level + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        if (properties.HasChildren)
        {
            paragraph.Append(properties);
        }

        return paragraph;
    }

    private Paragraph Filled(Paragraph paragraph, IElement element)
    {
        foreach (var child in element.ChildNodes)
        {
            Inlines(child, paragraph, default);
        }

        TrimEnd(paragraph);
        return paragraph;
    }

    private void Inlines(INode node, OpenXmlElement target, RunFormat format)
    {
        switch (node)
        {
            case IText text:
                var words = Whitespace().Replace(text.Data, " ");
                if (!target.Descendants<Run>().Any())
                {
                    words = words.TrimStart();
                }

                if (words.Length > 0)
                {
                    target.Append(WordWriter.Run(words, format));
                }

                return;
            case IElement element:
                switch (element.LocalName)
                {
                    case "br":
                        target.Append(new Run(new Break()));
                        return;
                    case "a" when format.Link is false:
                        var runs = new Paragraph();
                        foreach (var child in element.ChildNodes)
                        {
                            Inlines(child, runs, format with { Link = true });
                        }

                        var content = runs.ChildElements.Select(e => e.CloneNode(true)).ToList();
                        if (word.Hyperlink(element.GetAttribute("href"), content) is { } link)
                        {
                            target.Append(link);
                        }
                        else
                        {
                            foreach (var child in element.ChildNodes)
                            {
                                Inlines(child, target, format);
                            }
                        }

                        return;
                }

                var inner = element.LocalName switch
                {
                    "strong" or "b" => format with { Bold = true },
                    "em" or "i" or "cite" or "dfn" or "var" => format with { Italic = true },
                    "del" or "s" or "strike" => format with { Strike = true },
                    "code" or "kbd" or "samp" => format with { Code = true },
                    "sup" => format with { Superscript = true },
                    "sub" => format with { Subscript = true },
                    _ => format,
                };
                foreach (var child in element.ChildNodes)
                {
                    Inlines(child, target, inner);
                }

                return;
        }
    }

    private static Paragraph Add(Paragraph paragraph, List<OpenXmlElement> output)
    {
        output.Add(paragraph);
        return paragraph;
    }

    private static void Add(OpenXmlElement element, List<OpenXmlElement> output) => output.Add(element);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
