using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Events;
using Portal.Core.Notifications;
using Portal.Core.WorkStreams;
using Portal.Data.Identity;
using Portal.Data.SaveHook;
using Portal.Testing;

namespace Portal.Data.Tests;

/// <summary>
/// A notification is always written in the portal; a mail goes with it only when the person
/// wants that kind at once, and never to an account that cannot use the portal.
/// </summary>
public class NotificationRoutingTests
{
    private const string Link = "/requests/1";

    [Theory]
    [InlineData(null, true, false)]
    [InlineData(NotificationDelivery.Immediately, true, false)]
    [InlineData(NotificationDelivery.WeeklyDigest, false, true)]
    [InlineData(NotificationDelivery.Off, false, false)]
    public async Task The_persons_preference_decides_between_a_mail_now_the_digest_and_the_portal_only(NotificationDelivery? preference, bool mailed, bool forDigest)
    {
        await using var database = await SqliteTestDatabase.CreateAsync(Tell("lena"));
        await AddUserAsync(database, "lena", active: true, preference);

        await SaveWorkStreamAsync(database);

        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var notification = await db.Notifications.SingleAsync();
        Assert.Equal(("lena", nameof(NotificationKind.RequestMatched), forDigest), (notification.UserId, notification.Kind, notification.ForDigest));
        var outbox = await db.OutboxMessages.ToListAsync();
        Assert.Equal(mailed ? 1 : 0, outbox.Count);
        if (mailed)
        {
            var mail = outbox[0];
            Assert.Equal(("lena", "lena@example.org", NotificationMail.TemplateName, nameof(NotificationKind.RequestMatched)), (mail.RecipientUserId, mail.ToAddress, mail.Template, mail.Kind));
            var model = JsonSerializer.Deserialize<NotificationMail>(mail.Model, NotificationMail.Json)!;
            Assert.Equal(("Lena Hartley", "A request matches your profile.", "https://stem.example.nhs.uk/requests/1", "https://stem.example.nhs.uk/account/notifications"),
                (model.DisplayName, model.Text, model.Url, model.PreferencesUrl));
        }
    }

    [Fact]
    public async Task An_account_that_cannot_use_the_portal_gets_the_notification_but_no_mail()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(Tell("gone"));
        await AddUserAsync(database, "gone", active: false, NotificationDelivery.Immediately);

        await SaveWorkStreamAsync(database);

        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal("gone", (await db.Notifications.SingleAsync()).UserId);
        Assert.Empty(await db.OutboxMessages.ToListAsync());
    }

    [Fact]
    public async Task The_same_notice_twice_in_one_save_is_written_once()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(s =>
        {
            Tell("lena")(s);
            Tell("lena")(s);
        });
        await AddUserAsync(database, "lena", active: true, preference: null);

        await SaveWorkStreamAsync(database);

        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Single(await db.Notifications.ToListAsync());
        Assert.Single(await db.OutboxMessages.ToListAsync());
    }

    private static Action<IServiceCollection> Tell(string userId) => services =>
    {
        services.AddSingleton<IMailLinks>(new PublicUrlMailLinks("https://stem.example.nhs.uk"));
        services.AddScoped<IDomainEventReactor>(_ => new TellOnNewWorkStream(userId));
    };

    private static async Task AddUserAsync(SqliteTestDatabase database, string id, bool active, NotificationDelivery? preference)
    {
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Users.Add(new PortalUser
        {
            Id = id, UserName = $"{id}@example.org", Email = $"{id}@example.org", DisplayName = id == "lena" ? "Lena Hartley" : "Former member",
            EmailConfirmed = true, ApprovedAt = DateTimeOffset.UtcNow, DeactivatedAt = active ? null : DateTimeOffset.UtcNow,
        });
        if (preference is { } delivery)
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = id, Kind = nameof(NotificationKind.RequestMatched), Delivery = delivery });
        }

        await db.SaveChangesAsync();
    }

    private static async Task SaveWorkStreamAsync(SqliteTestDatabase database)
    {
        var systemId = await Geography.AddSystemAsync(database);
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.WorkStreams.Add(new WorkStream("frailty-framework", "Frailty framework", "", await Geography.FindAsync(db, systemId), DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    private sealed class TellOnNewWorkStream(string userId) : IDomainEventReactor
    {
        public async Task ReactAsync(IDomainEvent domainEvent, SideEffects effects, CancellationToken cancellationToken)
        {
            if (domainEvent is WorkStreamCreated)
            {
                await effects.NotifyAsync(userId, NotificationKind.RequestMatched, "A request matches your profile.", Link, cancellationToken);
            }
        }
    }
}
