using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Portal.Email.Templates.Razor;

/// <summary>
/// Renders a theme's mail component to HTML off-request, with Blazor's HtmlRenderer on its own
/// dispatcher (no HttpContext needed: the outbox dispatcher is a background service), and derives
/// the plain-text alternative from that same HTML (see MailText).
/// </summary>
public sealed class MailRenderer(IServiceProvider services, ThemeMailComponents components)
{
    private readonly ILoggerFactory _loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;

    public async Task<(string Html, string Text)> RenderAsync<TModel>(string name, TModel model, TemplateContext context, string subject)
        where TModel : class
    {
        var component = components.Find(context.Theme, name, typeof(TModel));
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(MailComponent<TModel>.Model)] = model,
            [nameof(MailComponent<TModel>.Mail)] = context,
            [nameof(MailComponent<TModel>.Subject)] = subject,
        });

        // A renderer per mail: it keeps every component it rendered until it is disposed.
        await using var renderer = new HtmlRenderer(services, _loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync(component, parameters)).ToHtmlString());
        return (html, MailText.FromHtml(html));
    }
}
