using Ganss.Xss;
using Markdig;

namespace Portal.Web.Infrastructure;

/// <summary>
/// User-written Markdown as HTML that is safe to put in a page: Markdig renders it with raw HTML
/// turned off, then HtmlSanitizer removes anything that could still run (links to javascript:, etc.).
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = new();

    public string ToSafeHtml(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? string.Empty : _sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
