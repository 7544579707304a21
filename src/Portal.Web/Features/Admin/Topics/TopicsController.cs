using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Theming.TagHelpers;

namespace Portal.Web.Features.Admin.Topics;

/// <summary>/admin/topics: the topic tree, and forms to add, rename and move topics.</summary>
[Authorize(Policy = "ManageTopics")]
[Route("admin/topics")]
public sealed class TopicsController(TopicEditor editor) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Topics", new TopicsPage(await editor.TreeAsync(cancellationToken), TempData["notice"] as string));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Topic", await PageAsync(null, new TopicRequest(), cancellationToken));

    [HttpPost("new")]
    public Task<IActionResult> New([FromForm] TopicRequest request, CancellationToken cancellationToken) =>
        SaveAsync(null, request, cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await editor.FormForAsync(id, cancellationToken);
        return form is null ? NotFound() : View("Topic", await PageAsync(id, form, cancellationToken));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, [FromForm] TopicRequest request, CancellationToken cancellationToken)
    {
        var current = await editor.FormForAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        request.Key = current.Key;
        return await SaveAsync(id, request, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(int? id, TopicRequest request, CancellationToken cancellationToken)
    {
        if (await editor.SaveAsync(id, request, ModelState, cancellationToken) is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Topic", await PageAsync(id, request, cancellationToken));
        }

        TempData["notice"] = $"{request.Name!.Trim()} has been saved.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<TopicPage> PageAsync(int? id, TopicRequest form, CancellationToken cancellationToken) =>
        new(id, form, await editor.ParentOptionsAsync(id, cancellationToken));
}

public sealed record TopicsPage(IReadOnlyList<TopicTreeNode> Roots, string? Notice);

public sealed record TopicPage(int? Id, TopicRequest Form, IReadOnlyList<SelectOption> Parents);
