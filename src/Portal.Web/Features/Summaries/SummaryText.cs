using Microsoft.AspNetCore.Html;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// Plain text an author typed (the question, caveats, notes), shown as they wrote it: a blank line
/// starts a paragraph, a line break stays one. Every character is encoded, so text that looks like
/// markup or a template is shown as typed.
/// </summary>
public static class SummaryText
{
    public static IHtmlContent Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return HtmlString.Empty;
        }

        var html = new HtmlContentBuilder();
        foreach (var paragraph in ParagraphsOf(text))
        {
            html.AppendHtml("<p>");
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    html.AppendHtml("<br>");
                }

                html.Append(lines[i]);
            }

            html.AppendHtml("</p>");
        }

        return html;
    }

    /// <summary>The paragraphs of the text, each with its lines joined by "\n", trimmed.</summary>
    public static IEnumerable<string> ParagraphsOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ReplaceLineEndings("\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => string.Join('\n', p.Split('\n').Select(l => l.Trim())));
    }
}
