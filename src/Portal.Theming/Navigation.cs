using System.Security.Claims;

namespace Portal.Theming;

/// <summary>
/// A link in the navigation, shown only to users holding its permission. Items of a section
/// (such as administration) are listed on that section's page instead of in the header. A
/// <paramref name="Count"/> (unread notifications) is filled in per request by an <see cref="INavigationCounter"/>.
/// </summary>
public sealed record NavigationItem(
    string Text, string Href, int Order, string? Permission = null, string? Section = null, string? Description = null, NavigationCount? Count = null);

/// <summary>A number shown beside a link, and what it counts for screen readers: "3", "unread".</summary>
public sealed record NavigationCount(int Value, string Meaning);

/// <summary>
/// Supplies the count beside one navigation item (by its address) for the signed-in user. Asked on
/// every page that shows the item, so it must be cheap: one indexed query.
/// </summary>
public interface INavigationCounter
{
    string Href { get; }

    Task<NavigationCount?> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

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
