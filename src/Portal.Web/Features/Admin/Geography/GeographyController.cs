using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Geography;
using Portal.Theming.TagHelpers;

namespace Portal.Web.Features.Admin.Geography;

/// <summary>/admin/geography: the geography tree, and forms to add and change areas.</summary>
[Authorize(Policy = "ManageGeography")]
[Route("admin/geography")]
public sealed class GeographyController(GeographyEditor editor) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Geography", new GeographyPage(await editor.TreeAsync(cancellationToken), TempData["notice"] as string));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("GeoArea", await PageAsync(null, new GeoAreaRequest(), cancellationToken));

    [HttpPost("new")]
    public Task<IActionResult> New([FromForm] GeoAreaRequest request, CancellationToken cancellationToken) =>
        SaveAsync(null, request, cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await editor.FormForAsync(id, cancellationToken);
        return form is null ? NotFound() : View("GeoArea", await PageAsync(id, form, cancellationToken));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, [FromForm] GeoAreaRequest request, CancellationToken cancellationToken)
    {
        var current = await editor.FormForAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        request.Code = current.Code;
        return await SaveAsync(id, request, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(int? id, GeoAreaRequest request, CancellationToken cancellationToken)
    {
        var saved = await editor.SaveAsync(id, request, ModelState, cancellationToken);
        if (saved is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("GeoArea", await PageAsync(id, request, cancellationToken));
        }

        TempData["notice"] = $"{request.Name!.Trim()} ({request.Code!.Trim()}) has been saved.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<GeoAreaPage> PageAsync(int? id, GeoAreaRequest form, CancellationToken cancellationToken) =>
        new(id, form, Enum.GetValues<GeoLevel>().Select(l => new RadioOption(l.ToString(), l.ToString(), LevelHint(l))).ToList(), await editor.ParentOptionsAsync(id, cancellationToken));

    private static string LevelHint(GeoLevel level) => level switch
    {
        GeoLevel.Country => "England",
        GeoLevel.Region => "An NHS region",
        GeoLevel.System => "An integrated care system (ICS), 0.3 to 2.8 million people",
        GeoLevel.Place => "A local authority area, 250,000 to 500,000 people",
        _ => "A primary care network (PCN), 30,000 to 50,000 people",
    };
}

public sealed record GeographyPage(IReadOnlyList<GeoTreeNode> Roots, string? Notice);

public sealed record GeoAreaPage(int? Id, GeoAreaRequest Form, IReadOnlyList<RadioOption> Levels, IReadOnlyList<SelectOption> Parents);
