namespace Portal.Theming;

/// <summary>The site as pages see it: whether it is set up, its name and active theme.</summary>
public interface ISiteContext
{
    SiteSnapshot Current { get; }
}

/// <summary>A cheap, cached copy of the site settings for rendering.</summary>
public sealed record SiteSnapshot(bool IsSetUp, string SiteName, string Theme)
{
    public static SiteSnapshot NotSetUp { get; } = new(false, "STEM Portal", Themes.Default);
}
