using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;

namespace Portal.Content;

/// <summary>
/// Turns Markdown a user wrote into HTML that is safe to show: Markdig renders it with raw HTML
/// switched off (it comes out as text), then HtmlSanitizer keeps only harmless tags, attributes
/// and link schemes, in case any rendering path lets something through.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public IHtmlContent Render(string? markdown) => new HtmlString(ToSafeHtml(markdown));

    /// <summary>The safe HTML as text, for storing rendered at save so reading never renders again.</summary>
    public string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        // A page has one h1, its title, and h2 sections; headings in user text start at h3.
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 2);
        }

        return _sanitizer.Sanitize(document.ToHtml(Pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        // Anything not allowed goes, but its text stays readable.
        var sanitizer = new HtmlSanitizer { KeepChildNodes = true };
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        // Remote images would be blocked by the content security policy anyway.
        sanitizer.AllowedTags.ExceptWith(["form", "input", "button", "select", "textarea", "img"]);
        sanitizer.AllowedAttributes.ExceptWith(["style", "class", "id"]);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
