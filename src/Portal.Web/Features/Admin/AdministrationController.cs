using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Theming;

namespace Portal.Web.Features.Admin;

/// <summary>
/// The administration hub: the administration pages this person may open, described. Anyone signed
/// in may ask; someone who may open none of them is refused.
/// </summary>
[Authorize]
[Route("admin")]
public sealed class AdministrationController(INavigation navigation) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var pages = (await navigation.ForAsync(User)).Where(i => i.Section == NavigationSections.Administration).ToList();
        return pages.Count == 0 ? Forbid() : View("Administration", pages);
    }
}
