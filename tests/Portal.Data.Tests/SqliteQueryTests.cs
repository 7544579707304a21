using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.SaveHook;
using Portal.Testing;

namespace Portal.Data.Tests;

/// <summary>Queries SQLite cannot run without the model's help.</summary>
public class SqliteQueryTests
{
    [Fact]
    public async Task Times_can_be_ordered_and_compared_in_a_query()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var monday = new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.Zero);
        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.AuditEvents.AddRange(
                Audit("wednesday", monday.AddDays(2)),
                Audit("monday", monday),
                Audit("tuesday", monday.AddDays(1)),
                Audit("monday later", monday.AddHours(3)));
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateScope();
        var saved = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(
            ["monday", "monday later", "tuesday", "wednesday"],
            await saved.AuditEvents.OrderBy(a => a.OccurredAt).Select(a => a.SubjectId).ToListAsync());
        Assert.Equal(
            ["tuesday", "wednesday"],
            await saved.AuditEvents.Where(a => a.OccurredAt > monday.AddHours(12)).OrderBy(a => a.OccurredAt).Select(a => a.SubjectId).ToListAsync());
    }

    private static AuditEvent Audit(string subjectId, DateTimeOffset occurredAt) =>
        new() { OccurredAt = occurredAt, Actor = "system", EventType = "Test", SubjectType = "Day", SubjectId = subjectId };
}
