using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Theming;

/// <summary>
/// Looks for a view in the active theme first, then in the default theme, so a theme overrides
/// any view by shipping one of the same name. Theme views compile under /Themes/{name}/Views/.
/// </summary>
public sealed class ThemeViewLocationExpander : IViewLocationExpander
{
    private const string ThemeKey = "theme";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        var site = context.ActionContext.HttpContext.RequestServices.GetRequiredService<ISiteContext>();
        context.Values[ThemeKey] = site.Current.Theme;
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

        foreach (var location in viewLocations)
        {
            yield return location;
        }
    }

    private static IEnumerable<string> ThemeLocations(string theme) =>
    [
        $"/Themes/{theme}/Views/{{1}}/{{0}}.cshtml",
        $"/Themes/{theme}/Views/Shared/{{0}}.cshtml",
    ];
}
