using System.Security.Claims;

namespace Portal.Theming;

/// <summary>
/// A link in the navigation, shown only to users holding its permission. Items of a section
/// (such as administration) are listed on that section's page instead of in the header.
/// </summary>
public sealed record NavigationItem(string Text, string Href, int Order, string? Permission = null, string? Section = null, string? Description = null);

/// <summary>The sections navigation items can belong to.</summary>
public static class NavigationSections
{
    /// <summary>Administration pages, listed on /admin; the header shows one "Administration" link for them.</summary>
    public const string Administration = "Administration";

    public const string AdministrationHref = "/admin";

    /// <summary>The signed-in person's own pages, shown beside their name in the header.</summary>
    public const string Account = "Account";
}

/// <summary>Each feature adds its navigation items; the header shows those the user may open.</summary>
public interface INavigationProvider
{
    IEnumerable<NavigationItem> Items { get; }
}

/// <summary>The navigation items the current user may see, in order.</summary>
public interface INavigation
{
    Task<IReadOnlyList<NavigationItem>> ForAsync(ClaimsPrincipal user);
}

/// <summary>One step of the breadcrumb trail above a page's heading. A null href is the current page.</summary>
public sealed record Breadcrumb(string Text, string? Href);
