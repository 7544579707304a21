using System.Collections.Concurrent;
using System.Reflection;
using Portal.Core.Site;
using Portal.Theming;

namespace Portal.Email.Templates.Razor;

/// <summary>
/// Finds the component for a mail by the template's name: {Theme}.Emails.{Name} in the active
/// theme's assembly first, then in the default theme's. So a theme overrides one mail by shipping
/// Emails/{Name}.razor, as it overrides a view by shipping one of the same name.
/// </summary>
public sealed class ThemeMailComponents
{
    private readonly ConcurrentDictionary<(string Theme, string Name), Type?> _found = new();

    /// <exception cref="MailRefusedException">No theme has a component of that name for this model.</exception>
    public Type Find(string theme, string name, Type modelType)
    {
        var wanted = typeof(MailComponent<>).MakeGenericType(modelType);
        var candidates = theme == SiteSettings.DefaultTheme ? [theme] : new[] { theme, SiteSettings.DefaultTheme };
        foreach (var candidate in candidates)
        {
            var type = _found.GetOrAdd((candidate, name), key => Load(key.Theme)?.GetType($"{key.Theme}.Emails.{key.Name}"));
            if (type is not null)
            {
                return wanted.IsAssignableFrom(type)
                    ? type
                    : throw new MailRefusedException($"The mail component {type.FullName} does not inherit {wanted.Name} for {modelType.Name}.");
            }
        }

        throw new MailRefusedException($"Neither the theme {theme} nor {SiteSettings.DefaultTheme} has a mail component named {name}.");
    }

    // Only the themes this build ships: the theme's name is a setting, never an assembly to go looking for.
    private static Assembly? Load(string theme)
    {
        if (!Themes.Available.Contains(theme, StringComparer.Ordinal))
        {
            return null;
        }

        try
        {
            return Assembly.Load(new AssemblyName(theme));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
