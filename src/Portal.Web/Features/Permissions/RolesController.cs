using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Data;
using Portal.Web.Infrastructure.Authorization;
using CoreRoles = Portal.Core.Roles;

namespace Portal.Web.Features.Permissions;

/// <summary>Administrators choose which permissions each role holds.</summary>
[Authorize(Policy = "ManageRoles")]
[Route("admin/roles")]
public sealed class RolesController(PermissionGrants grants, PortalDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var rows = new List<RoleSummary>();
        foreach (var role in CoreRoles.All)
        {
            rows.Add(new RoleSummary(role, (await grants.OfRoleAsync(role)).Count));
        }

        return View(new RolesPage(rows, grants.Declared.Count));
    }

    [HttpGet("{role}")]
    public async Task<IActionResult> Edit(string role)
    {
        if (!CoreRoles.All.Contains(role))
        {
            return NotFound();
        }

        return View(new RolePage(role, grants.Declared, await grants.OfRoleAsync(role), Saved: TempData["saved"] is true));
    }

    [HttpPost("{role}")]
    public async Task<IActionResult> Edit(string role, [FromForm] List<string>? permissions, CancellationToken cancellationToken)
    {
        if (!CoreRoles.All.Contains(role))
        {
            return NotFound();
        }

        var chosen = permissions ?? [];
        if (chosen.Any(p => grants.Declared.All(d => d.Name != p)))
        {
            ModelState.AddModelError("permissions", "Choose only permissions from the list");
        }
        else if (role == CoreRoles.Administrator && !chosen.Contains(RolesPermissions.ManageRoles.Name))
        {
            // Otherwise nobody could ever give the permission back.
            ModelState.AddModelError("permissions", "Administrators must keep the permission to manage roles");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new RolePage(role, grants.Declared, chosen.ToHashSet(), Saved: false));
        }

        await grants.ReplaceAsync(db, role, chosen, cancellationToken);
        TempData["saved"] = true;
        return RedirectToAction(nameof(Edit), new { role });
    }
}

public sealed record RoleSummary(string Name, int PermissionCount);

public sealed record RolesPage(IReadOnlyList<RoleSummary> Roles, int DeclaredCount);

public sealed record RolePage(string Role, IReadOnlyList<Permission> Declared, IReadOnlySet<string> Held, bool Saved);
