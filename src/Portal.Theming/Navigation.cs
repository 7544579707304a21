using System.Security.Claims;

namespace Portal.Theming;

/// <summary>A link in the header navigation, shown only to users holding its permission.</summary>
public sealed record NavigationItem(string Text, string Href, int Order, string? Permission = null);

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
