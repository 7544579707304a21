namespace Portal.Core.Site;

/// <summary>The one row of settings that makes a set-up site: its name, theme and origin.</summary>
public sealed class SiteSettings
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
        Theme = theme.Trim();
    }
}
