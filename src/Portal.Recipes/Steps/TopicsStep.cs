using Microsoft.EntityFrameworkCore;
using Portal.Core.Topics;
using Portal.Data;

namespace Portal.Recipes.Steps;

/// <summary>"Topics": the topic tree, matched by key; a parent must come before its children.</summary>
internal sealed class TopicsStep(PortalDbContext db) : IRecipeStepHandler
{
    public string StepName => "Topics";

    private sealed record Data(IReadOnlyList<TopicData> Topics);

    private sealed record TopicData(string Key, string Name, string? Parent);

    public async Task ExecuteAsync(RecipeStep step, RecipeContext context, CancellationToken cancellationToken)
    {
        var data = StepData.Read<Data>(step);
        var known = await db.Topics.ToDictionaryAsync(t => t.Key, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var topic in data.Topics)
        {
            Topic? parent = null;
            if (topic.Parent is not null && !known.TryGetValue(topic.Parent, out parent))
            {
                throw new KeyNotFoundException($"Topic {topic.Key} names parent {topic.Parent}, which is not defined before it.");
            }

            if (known.TryGetValue(topic.Key, out var existing))
            {
                existing.Rename(topic.Name, parent);
            }
            else
            {
                var created = new Topic(topic.Key, topic.Name, parent);
                db.Topics.Add(created);
                known[created.Key] = created;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
