using Portal.Core.Events;

namespace Portal.Core.Site;

/// <summary>The one row of settings that makes a set-up site: its name, theme and origin.</summary>
public sealed class SiteSettings : Entity
{
    public const string DefaultTheme = "StemTheme";

    private SiteSettings()
    {
        SiteName = Theme = SetupRecipe = string.Empty;
    }

    public SiteSettings(string siteName, string setupRecipe, DateTimeOffset setUpAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siteName);
        Id = SingletonId;
        SiteName = siteName.Trim();
        SetupRecipe = setupRecipe;
        SetUpAt = setUpAt;
        Theme = DefaultTheme;
        Raise(new SiteSetUp(SiteName, setupRecipe));
    }

    public const int SingletonId = 1;

    public int Id { get; private set; }

    public string SiteName { get; private set; }

    /// <summary>The active theme; its views are looked up before the default theme's.</summary>
    public string Theme { get; private set; }

    public string SetupRecipe { get; private set; }

    public DateTimeOffset SetUpAt { get; private set; }

    public void UseTheme(string theme)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(theme);
        if (Theme == theme.Trim())
        {
            return;
        }

        var previous = Theme;
        Theme = theme.Trim();
        Raise(new SiteThemeChanged(previous, Theme));
    }
}

public sealed record SiteSetUp(string SiteName, string Recipe) : IDomainEvent
{
    public string SubjectType => "Site";

    public string SubjectId => "site";
}

public sealed record SiteThemeChanged(string From, string To) : IDomainEvent
{
    public string SubjectType => "Site";

    public string SubjectId => "site";
}
