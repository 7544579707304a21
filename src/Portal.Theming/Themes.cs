namespace Portal.Theming;

/// <summary>The themes this build ships. A theme is a Razor class library under themes/.</summary>
public static class Themes
{
    public const string Default = "StemTheme";

    public static IReadOnlyList<string> Available { get; } = [Default, "CommunityTheme"];
}
