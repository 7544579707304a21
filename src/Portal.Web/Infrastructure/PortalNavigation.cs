using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Theming;

namespace Portal.Web.Infrastructure;

/// <summary>Collects every feature's navigation items, keeps those the user's permissions allow and fills in their counts.</summary>
internal sealed class PortalNavigation(IEnumerable<INavigationProvider> providers, IEnumerable<INavigationCounter> counters, IAuthorizationService authorization) : INavigation
{
    public async Task<IReadOnlyList<NavigationItem>> ForAsync(ClaimsPrincipal user)
    {
        var visible = new List<NavigationItem>();
        foreach (var item in providers.SelectMany(p => p.Items).OrderBy(i => i.Order))
        {
            if (item.Permission is null || (await authorization.AuthorizeAsync(user, item.Permission)).Succeeded)
            {
                var counter = counters.FirstOrDefault(c => c.Href == item.Href);
                visible.Add(counter is null ? item : item with { Count = await counter.CountAsync(user, CancellationToken.None) });
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
