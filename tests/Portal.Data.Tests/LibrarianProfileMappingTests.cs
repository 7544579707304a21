using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Librarians;
using Portal.Core.Topics;
using Portal.Data.Identity;
using Portal.Testing;

namespace Portal.Data.Tests;

/// <summary>A profile's lists (topics, time away, databases) survive a save, and a new set replaces the old.</summary>
public class LibrarianProfileMappingTests
{
    [Fact]
    public async Task A_profile_is_saved_read_back_and_replaced_whole()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var systemId = await Geography.AddSystemAsync(database);
        int frailty, falls;
        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var frailtyTopic = new Topic("frailty", "Frailty", null);
            var fallsTopic = new Topic("falls", "Falls", null);
            db.Topics.AddRange(frailtyTopic, fallsTopic);
            db.Users.Add(new PortalUser { Id = "lena", UserName = "lena@example.org", Email = "lena@example.org", DisplayName = "Lena Hartley" });
            await db.SaveChangesAsync();
            (frailty, falls) = (frailtyTopic.Id, fallsTopic.Id);
            var profile = new LibrarianProfile("lena");
            profile.Update(Details(systemId, [new(frailty, TopicLevel.Experienced), new(falls, TopicLevel.Learning)], ["Medline", "CINAHL"], [new(new(2026, 12, 20), new(2027, 1, 2))]));
            db.LibrarianProfiles.Add(profile);
            await db.SaveChangesAsync();
        }

        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var profile = await db.LibrarianProfiles.SingleAsync(p => p.UserId == "lena");
            Assert.Equal([new(frailty, TopicLevel.Experienced), new(falls, TopicLevel.Learning)], profile.Topics.OrderBy(t => t.TopicId));
            Assert.Equal(["Medline", "CINAHL"], profile.Databases);
            Assert.Equal(new TimeAway(new(2026, 12, 20), new(2027, 1, 2)), Assert.Single(profile.TimeAway));
            Assert.Equal(SearchSkills.QuickSearch | SearchSkills.CriticalAppraisal, profile.Skills);
            profile.Update(Details(systemId, [new(falls, TopicLevel.Experienced)], ["Embase"], []));
            await db.SaveChangesAsync();
        }

        await using (var scope = database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var profile = await db.LibrarianProfiles.SingleAsync(p => p.UserId == "lena");
            Assert.Equal(new TopicKnowledge(falls, TopicLevel.Experienced), Assert.Single(profile.Topics));
            Assert.Equal(["Embase"], profile.Databases);
            Assert.Empty(profile.TimeAway);
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"LibrarianTopics\"").SingleAsync());
        }
    }

    private static LibrarianProfileDetails Details(int systemId, TopicKnowledge[] topics, string[] databases, TimeAway[] away) =>
        new("Library and Knowledge Service", "Gateshead Health NHS Foundation Trust", systemId, topics,
            SearchSkills.QuickSearch | SearchSkills.CriticalAppraisal, databases, 3, 12, away, OffersMentoring: false, SeeksMentoring: true);
}
