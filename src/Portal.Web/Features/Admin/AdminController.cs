using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Theming;
using Portal.Web.Features.Site;

namespace Portal.Web.Features.Admin;

/// <summary>Site settings for administrators: the site name and the active theme.</summary>
[Authorize(Policy = "ManageSite")]
[Route("admin/site")]
public sealed class AdminController(PortalDbContext db, SiteContext site) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var settings = await db.SiteSettings.AsNoTracking().SingleAsync(cancellationToken);
        return View("SiteSettings", new SiteSettingsPage(settings.SiteName, settings.Theme, settings.SetupRecipe, settings.SetUpAt, Themes.Available, Saved: TempData["saved"] is true));
    }

    [HttpPost("/admin/theme")]
    public async Task<IActionResult> Theme([FromForm] string? theme, CancellationToken cancellationToken)
    {
        if (theme is null || !Themes.Available.Contains(theme))
        {
            ModelState.AddModelError(nameof(theme), "Choose one of the themes listed");
            var current = await db.SiteSettings.AsNoTracking().SingleAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("SiteSettings", new SiteSettingsPage(current.SiteName, current.Theme, current.SetupRecipe, current.SetUpAt, Themes.Available, Saved: false));
        }

        var settings = await db.SiteSettings.SingleAsync(cancellationToken);
        settings.UseTheme(theme);
        await db.SaveChangesAsync(cancellationToken);
        site.Refresh();
        TempData["saved"] = true;
        return RedirectToAction(nameof(Index));
    }
}

public sealed record SiteSettingsPage(
    string SiteName, string Theme, string SetupRecipe, DateTimeOffset SetUpAt, IReadOnlyList<string> Themes, bool Saved);
