using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Theming;

/// <summary>
/// Looks for a view in the active theme first, then in the default theme, then beside the
/// feature that renders it (/Features/{feature}/Views/), so a theme overrides any view by
/// shipping one of the same name. Theme views compile under /Themes/{name}/Views/.
/// </summary>
public sealed class ThemeViewLocationExpander : IViewLocationExpander
{
    private const string ThemeKey = "theme";
    private const string FeatureKey = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        var site = context.ActionContext.HttpContext.RequestServices.GetRequiredService<ISiteContext>();
        context.Values[ThemeKey] = site.Current.Theme;
        context.Values[FeatureKey] = FeatureOf(context.ActionContext.ActionDescriptor);
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        var active = context.Values.TryGetValue(ThemeKey, out var theme) && !string.IsNullOrEmpty(theme) ? theme : Themes.Default;
        foreach (var location in ThemeLocations(active))
        {
            yield return location;
        }

        if (!string.Equals(active, Themes.Default, StringComparison.Ordinal))
        {
            foreach (var location in ThemeLocations(Themes.Default))
            {
                yield return location;
            }
        }

        if (context.Values.TryGetValue(FeatureKey, out var feature) && !string.IsNullOrEmpty(feature))
        {
            yield return $"/Features/{feature}/Views/{{0}}.cshtml";
        }

        foreach (var location in viewLocations)
        {
            yield return location;
        }
    }

    // A controller in namespace X.Features.Site.* belongs to feature "Site".
    private static string? FeatureOf(Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor action)
    {
        var ns = (action as Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor)?.ControllerTypeInfo.Namespace;
        if (ns is null)
        {
            return null;
        }

        var parts = ns.Split('.');
        var index = Array.IndexOf(parts, "Features");
        return index >= 0 && index + 1 < parts.Length ? parts[index + 1] : null;
    }

    private static IEnumerable<string> ThemeLocations(string theme) =>
    [
        $"/Themes/{theme}/Views/{{1}}/{{0}}.cshtml",
        $"/Themes/{theme}/Views/Shared/{{0}}.cshtml",
    ];
}
