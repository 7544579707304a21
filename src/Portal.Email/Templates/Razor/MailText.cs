using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Email.Templates.Razor;

/// <summary>
/// The plain-text alternative of a mail, read from the HTML its component rendered, so the two
/// never say different things and a theme that overrides a mail gets its text for free.
/// It understands what mail components write, not HTML at large:
/// <list type="bullet">
/// <item>block elements (p, div, h1–h6, li…) are paragraphs with a blank line between them, and
/// white space inside them is folded as a browser would; &lt;br&gt; breaks a line;</item>
/// <item>a link marked <c>data-mail="button"</c> becomes its label, a colon, and the address on
/// the next line; one marked <c>data-mail="line"</c> is its label, a colon and the address on
/// one line; any other link is its words with the address in brackets after them;</item>
/// <item>an element marked <c>data-mail="skip"</c> is left out (the banner with the site's name,
/// "copy this address" under a button: both only help in HTML);</item>
/// <item>the paragraphs of an element marked <c>data-mail="footer"</c> come last, one per line,
/// after a "--" line.</item>
/// </list>
/// HtmlRenderer encodes every value it writes, so a '&lt;' in its output always starts a tag and
/// user text is decoded only after the tags are read: a name like "&lt;b&gt;" stays words.
/// </summary>
public static partial class MailText
{
    private const char LineBreak = '\0';

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "body", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr",
        "blockquote", "section", "header", "footer", "main", "article", "hr",
    };

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase) { "head", "title", "style", "script" };

    public static string FromHtml(string html)
    {
        var reader = new Reader();
        var at = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            reader.Text(html[at..tag.Index]);
            at = tag.Index + tag.Length;
            var name = tag.Groups["name"].Value;
            if (name.Length == 0)
            {
                continue; // a comment or the doctype
            }

            if (tag.Groups["close"].Success)
            {
                reader.Close(name);
            }
            else
            {
                reader.Open(name, Attributes(tag.Groups["attributes"].Value), Void.Contains(name) || tag.Groups["self"].Success);
            }
        }

        reader.Text(html[at..]);
        return reader.Finish();
    }

    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in Attribute().Matches(text))
        {
            attributes[attribute.Groups["name"].Value] = WebUtility.HtmlDecode(attribute.Groups["value"].Value);
        }

        return attributes;
    }

    [GeneratedRegex("""<!--.*?-->|<!(?<name>)[^>]*>|<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9]*)(?<attributes>(?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(?<self>/)?>""", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex("""(?<name>[^\s=/]+)(?:\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s>]+)))?""")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex Space();

    private sealed record Element(string Name, bool Skip, bool Footer, string? Mark, string? Link, int LinkStart);

    private sealed class Reader
    {
        private readonly Stack<Element> _open = new();
        private readonly List<string> _body = [];
        private readonly List<string> _footer = [];
        private readonly StringBuilder _words = new();

        private bool Skipping => _open.TryPeek(out var top) && top.Skip;

        private bool InFooter => _open.TryPeek(out var top) && top.Footer;

        public void Text(string html)
        {
            if (!Skipping && html.Length > 0)
            {
                _words.Append(WebUtility.HtmlDecode(html));
            }
        }

        public void Open(string name, Dictionary<string, string> attributes, bool isVoid)
        {
            var mark = attributes.GetValueOrDefault("data-mail");
            var skip = Skipping || Hidden.Contains(name) || mark == "skip";
            if (!skip && Blocks.Contains(name))
            {
                Flush();
            }

            if (!skip && name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                _words.Append(LineBreak);
            }

            if (isVoid)
            {
                return;
            }

            var href = name.Equals("a", StringComparison.OrdinalIgnoreCase) ? attributes.GetValueOrDefault("href") : null;
            _open.Push(new Element(name, skip, InFooter || mark == "footer", mark, href, _words.Length));
        }

        public void Close(string name)
        {
            if (!_open.Any(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                return; // a stray end tag
            }

            Element element;
            do
            {
                element = _open.Pop();
            }
            while (!element.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

            if (element.Skip)
            {
                return;
            }

            if (element.Link is { } link)
            {
                EndLink(element, link);
            }
            else if (Blocks.Contains(name))
            {
                Flush(element.Footer);
            }
        }

        public string Finish()
        {
            Flush();
            var text = new StringBuilder();
            foreach (var paragraph in _body)
            {
                text.Append(paragraph).Append("\n\n");
            }

            if (_footer.Count > 0)
            {
                text.Append("--\n");
                foreach (var line in _footer)
                {
                    text.Append(line).Append('\n');
                }
            }

            return text.ToString();
        }

        private void EndLink(Element element, string link)
        {
            var words = Fold(_words.ToString(element.LinkStart, _words.Length - element.LinkStart));
            _words.Length = element.LinkStart;
            if (words.Length == 0 || words == link)
            {
                _words.Append(link);
            }
            else if (element.Mark == "button")
            {
                Flush(element.Footer);
                Add($"{words}:\n{link}", element.Footer);
            }
            else
            {
                _words.Append(element.Mark == "line" ? $"{words}: {link}" : $"{words} ({link})");
            }
        }

        private void Flush() => Flush(InFooter);

        private void Flush(bool footer)
        {
            var paragraph = Fold(_words.ToString());
            _words.Clear();
            if (paragraph.Length > 0)
            {
                Add(paragraph, footer);
            }
        }

        private void Add(string paragraph, bool footer) => (footer ? _footer : _body).Add(paragraph);

        // As a browser shows it: runs of white space are one space, and a <br> starts a new line.
        private static string Fold(string words) =>
            string.Join('\n', Space().Replace(words, " ").Split(LineBreak).Select(line => line.Trim())).Trim();
    }
}
