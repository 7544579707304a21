using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Theming;

namespace Portal.Web.Infrastructure;

/// <summary>Collects every feature's navigation items and keeps those the user's permissions allow.</summary>
internal sealed class PortalNavigation(IEnumerable<INavigationProvider> providers, IAuthorizationService authorization) : INavigation
{
    public async Task<IReadOnlyList<NavigationItem>> ForAsync(ClaimsPrincipal user)
    {
        var visible = new List<NavigationItem>();
        foreach (var item in providers.SelectMany(p => p.Items).OrderBy(i => i.Order))
        {
            if (item.Permission is null || (await authorization.AuthorizeAsync(user, item.Permission)).Succeeded)
            {
                visible.Add(item);
            }
        }

        return visible;
    }
}

/// <summary>The navigation items of the features in the walking skeleton.</summary>
internal sealed class CoreNavigation : INavigationProvider
{
    public IEnumerable<NavigationItem> Items =>
    [
        new("Home", "/", 0),
    ];
}
