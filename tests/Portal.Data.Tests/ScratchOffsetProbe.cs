using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.SaveHook;
using Portal.Testing;

namespace Portal.Data.Tests;

public class ScratchOffsetProbe
{
    [Fact]
    public async Task Probe()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var utc = new DateTimeOffset(2026, 1, 12, 6, 0, 0, TimeSpan.Zero);
        var plus5 = new DateTimeOffset(2026, 1, 12, 10, 0, 0, TimeSpan.FromHours(5)); // 05:00Z, earlier
        var precise = new DateTimeOffset(2026, 1, 12, 6, 0, 0, TimeSpan.Zero).AddTicks(1234567);
        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.AuditEvents.AddRange(new AuditEvent { OccurredAt = utc, SubjectId = "utc-0600" }, new AuditEvent { OccurredAt = plus5, SubjectId = "plus5-0500Z" }, new AuditEvent { OccurredAt = precise, SubjectId = "precise" });
            await db.SaveChangesAsync();
        }
        await using var check = database.CreateScope();
        var saved = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        var ordered = await saved.AuditEvents.OrderBy(a => a.OccurredAt).Select(a => a.SubjectId + " " + a.OccurredAt.ToString("O")).ToListAsync();
        Assert.Fail(string.Join(" | ", ordered) + " precise roundtrip equal: " + ((await saved.AuditEvents.SingleAsync(a => a.SubjectId == "precise")).OccurredAt == precise));
    }
}
