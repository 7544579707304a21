using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Events;
using Portal.Core.Geography;
using Portal.Core.WorkStreams;
using Portal.Data.SaveHook;
using Portal.Testing;

namespace Portal.Data.Tests;

/// <summary>A clock that always reads the same moment, so saved times can be compared exactly.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A reactor as a feature would write one: a new work stream notifies and mails the coordinator.</summary>
internal sealed class NewWorkStreamReactor : IDomainEventReactor
{
    public const string CoordinatorId = "coordinator-1";
    public const string CoordinatorAddress = "coordinator@example.org";

    public Task ReactAsync(IDomainEvent domainEvent, SideEffects effects, CancellationToken cancellationToken)
    {
        if (domainEvent is WorkStreamCreated created)
        {
            effects.Notify(CoordinatorId, $"New work stream: {created.Title}", $"/work-streams/{created.WorkStreamId}");
            effects.Mail(CoordinatorId, CoordinatorAddress, "WorkStreamCreated", JsonSerializer.Serialize(new { created.Title }));
        }

        return Task.CompletedTask;
    }
}

internal static class Geography
{
    /// <summary>Saves a system (with its region) and returns its id; work streams need one.</summary>
    public static async Task<int> AddSystemAsync(SqliteTestDatabase database, string code = "E54000050", string name = "NHS North East and North Cumbria ICB")
    {
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var start = new DateOnly(2022, 7, 1);
        var region = new GeoArea("R-" + code, "Region of " + name, GeoLevel.Region, null, start, null, null);
        var system = new GeoArea(code, name, GeoLevel.System, region, start, null, null);
        db.GeoAreas.Add(system);
        await db.SaveChangesAsync();
        return system.Id;
    }
}
