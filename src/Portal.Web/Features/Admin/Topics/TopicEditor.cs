using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Topics;
using Portal.Data;
using Portal.Theming.TagHelpers;

namespace Portal.Web.Features.Admin.Topics;

/// <summary>Adds, renames and moves topics through Topic's own rules; broken rules become field errors.</summary>
public sealed partial class TopicEditor(PortalDbContext db)
{
    public async Task<IReadOnlyList<TopicTreeNode>> TreeAsync(CancellationToken cancellationToken)
    {
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var children = topics.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value);
        TopicTreeNode Node(Topic topic) => new(topic, children[topic.Id].Select(Node).ToList());
        return topics.Where(t => t.ParentId is null).Select(Node).ToList();
    }

    public async Task<TopicRequest?> FormForAsync(int id, CancellationToken cancellationToken) =>
        await db.Topics.AsNoTracking().Where(t => t.Id == id).Select(t => new TopicRequest
        {
            Key = t.Key,
            Name = t.Name,
            ParentId = t.ParentId.HasValue ? t.ParentId.Value.ToString(CultureInfo.InvariantCulture) : null,
        }).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<SelectOption>> ParentOptionsAsync(int? editing, CancellationToken cancellationToken)
    {
        var topics = await db.Topics.AsNoTracking().Where(t => t.Id != editing).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return [new SelectOption(string.Empty, "None: a top-level topic"), .. topics.Select(t => new SelectOption(t.Id.ToString(CultureInfo.InvariantCulture), $"{t.Name} ({t.Key})"))];
    }

    /// <summary>Saves a new topic (id null) or renames and moves one. Returns its id, or null with errors in the model state.</summary>
    public async Task<int?> SaveAsync(int? id, TopicRequest request, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        // The whole tree is loaded, so a move can be checked against every ancestor of the new parent.
        var topics = await db.Topics.ToListAsync(cancellationToken);
        var topic = id is null ? null : topics.SingleOrDefault(t => t.Id == id) ?? throw new KeyNotFoundException($"No topic {id}.");
        var key = topic?.Key ?? request.Key?.Trim();
        if (topic is null)
        {
            if (string.IsNullOrEmpty(key))
            {
                modelState.AddModelError(nameof(request.Key), "Enter a key for the topic");
            }
            else if (key.Length > 80 || !KeyPattern().IsMatch(key))
            {
                modelState.AddModelError(nameof(request.Key), "Key must be lower-case letters and numbers joined by hyphens, like mental-health, and 80 characters or fewer");
            }
            else if (topics.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase)) is { } other)
            {
                modelState.AddModelError(nameof(request.Key), $"Enter a different key: {other.Name} already uses {key}");
            }
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        if (name is null)
        {
            modelState.AddModelError(nameof(request.Name), "Enter the topic's name");
        }
        else if (name.Length > 200)
        {
            modelState.AddModelError(nameof(request.Name), "Name must be 200 characters or fewer");
        }

        Topic? parent = null;
        if (!string.IsNullOrEmpty(request.ParentId))
        {
            parent = int.TryParse(request.ParentId, NumberStyles.None, CultureInfo.InvariantCulture, out var parentId) ? topics.SingleOrDefault(t => t.Id == parentId) : null;
            if (parent is null)
            {
                modelState.AddModelError(nameof(request.ParentId), "Choose a parent topic from the list");
            }
        }

        if (modelState.ErrorCount > 0)
        {
            return null;
        }

        try
        {
            if (topic is null)
            {
                topic = new Topic(key!, name!, parent);
                db.Topics.Add(topic);
            }
            else
            {
                topic.Rename(name!, parent);
            }
        }
        catch (DomainException ex)
        {
            modelState.AddModelError(nameof(request.ParentId), ex.Message);
            db.ChangeTracker.Clear();
            return null;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (id is null)
        {
            // Someone added the same key between our check and our insert.
            modelState.AddModelError(nameof(request.Key), $"Enter a different key: another topic already uses {key}");
            db.ChangeTracker.Clear();
            return null;
        }

        return topic.Id;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();
}

public sealed class TopicRequest
{
    public string? Key { get; set; }

    public string? Name { get; set; }

    public string? ParentId { get; set; }
}

public sealed record TopicTreeNode(Topic Topic, IReadOnlyList<TopicTreeNode> Children);
