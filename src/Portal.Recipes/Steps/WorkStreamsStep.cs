using Microsoft.EntityFrameworkCore;
using Portal.Core.WorkStreams;
using Portal.Data;

namespace Portal.Recipes.Steps;

/// <summary>"WorkStreams": work streams matched by key, with their system, place, topics, status and leads.</summary>
internal sealed class WorkStreamsStep(PortalDbContext db, TimeProvider clock) : IRecipeStepHandler
{
    public string StepName => "WorkStreams";

    private sealed record Data(IReadOnlyList<WorkStreamData> WorkStreams);

    private sealed record WorkStreamData(
        string Key, string Title, string System, string? Place, IReadOnlyList<string> Topics,
        string Summary = "", WorkStreamStatus? Status = null, IReadOnlyList<string>? Leads = null);

    public async Task ExecuteAsync(RecipeStep step, RecipeContext context, CancellationToken cancellationToken)
    {
        var data = StepData.Read<Data>(step);
        var areas = await db.GeoAreas.ToDictionaryAsync(a => a.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var topics = await db.Topics.ToDictionaryAsync(t => t.Key, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var existing = await db.WorkStreams.Include(w => w.Topics).Include(w => w.Leads)
            .ToDictionaryAsync(w => w.Key, StringComparer.OrdinalIgnoreCase, cancellationToken);

        foreach (var item in data.WorkStreams)
        {
            var system = Lookup(areas, item.System, $"Work stream {item.Key} names system");
            var place = item.Place is null ? null : Lookup(areas, item.Place, $"Work stream {item.Key} names place");
            var tagged = item.Topics.Select(key => Lookup(topics, key, $"Work stream {item.Key} names topic")).ToList();

            if (!existing.TryGetValue(item.Key, out var workStream))
            {
                workStream = new WorkStream(item.Key, item.Title, item.Summary, system, clock.GetUtcNow());
                db.WorkStreams.Add(workStream);
                existing[item.Key] = workStream;
            }

            workStream.Describe(item.Title, item.Summary, system, place);
            // Without a status a new work stream is active and an existing one keeps its status, so a
            // recipe can pause a work stream in a later step, after requests were made for it.
            if (item.Status is { } status)
            {
                workStream.SetStatus(status);
            }
            workStream.TagWith(tagged);
            foreach (var email in item.Leads ?? [])
            {
                var normalised = email.ToUpperInvariant();
                var userId = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new KeyNotFoundException($"Work stream {item.Key} names lead {email}, who has no account.");
                workStream.AddLead(userId);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static T Lookup<T>(Dictionary<string, T> known, string key, string what) =>
        known.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"{what} {key}, which does not exist.");
}
