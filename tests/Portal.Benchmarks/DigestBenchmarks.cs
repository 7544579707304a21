using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Librarians;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Data.SaveHook;
using Portal.Recipes;
using Portal.Testing;
using Portal.Web.Features.Digest;
using Portal.Web.Features.Librarians;
using Portal.Web.Features.Matching;

namespace Portal.Benchmarks;

/// <summary>
/// Building the weekly digest of every one of 10,000 users, as a digest round does (one scope per
/// person: reader, notifications, sections), on SQLite. The demo recipe gives topics, work streams
/// and its submitted requests (all new since no digest went yet); on top, with seed 42: 1,000
/// librarians with profiles of 2–6 topics, 9,000 members, and for 40% of people 1–5 notifications
/// kept for the digest. A measured run: each iteration builds all 10,000 digests.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class DigestBenchmarks
{
    private static readonly string[] Kinds = ["RequestMatched", "RequestClaimed", "RequestMessage", "DeadlineReminder"];
    private SqliteTestDatabase _database = null!;
    private List<string> _users = [];

    [Params(10_000)]
    public int Users { get; set; }

    [GlobalSetup]
    public async Task GenerateAsync()
    {
        var configuration = new ConfigurationBuilder().Build();
        _database = await SqliteTestDatabase.CreateDemoAsync(services => services
            .AddSingleton(MatchingServiceCollectionExtensions.ReadSettings(configuration))
            .AddSingleton<IPastWorkSimilarity, TopicPastWorkSimilarity>()
            .AddScoped<LibrarianDirectory>()
            .AddScoped<LibrarianMatcher>()
            .AddScoped<IDigestSection, LibrarianMatchesSection>()
            .AddScoped<DigestBuilder>());
        await using (var scope = _database.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var random = new Random(42);
            var topics = await db.Topics.Select(t => t.Id).ToListAsync();
            var librarianRole = await db.Roles.Where(r => r.Name == Roles.Librarian).Select(r => r.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < Users; i++)
            {
                var id = $"bench-{i:D5}";
                db.Users.Add(new PortalUser
                {
                    Id = id, UserName = $"{id}@example.org", NormalizedUserName = $"{id}@EXAMPLE.ORG", Email = $"{id}@example.org", NormalizedEmail = $"{id}@EXAMPLE.ORG",
                    EmailConfirmed = true, DisplayName = $"Person {i}", CreatedAt = now, ApprovedAt = now, SecurityStamp = Guid.NewGuid().ToString(),
                });
                if (i % 10 == 0)
                {
                    db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = librarianRole });
                    var profile = new LibrarianProfile(id);
                    var known = topics.OrderBy(_ => random.Next()).Take(random.Next(2, 7))
                        .Select(t => new TopicKnowledge(t, random.NextDouble() < 0.6 ? TopicLevel.Experienced : TopicLevel.Learning)).ToList();
                    profile.Update(new LibrarianProfileDetails("LKS", "Trust", null, known, SearchSkills.QuickSearch, ["Medline"], random.Next(1, 5), 10, [], false, false));
                    db.LibrarianProfiles.Add(profile);
                }

                if (random.NextDouble() < 0.4)
                {
                    for (var n = random.Next(1, 6); n > 0; n--)
                    {
                        db.Notifications.Add(new Notification
                        {
                            UserId = id, CreatedAt = now.AddMinutes(-random.Next(0, 10_000)), Kind = Kinds[random.Next(Kinds.Length)],
                            Text = $"Notice {n} for person {i}.", Link = "/requests/1", ForDigest = true,
                        });
                    }
                }
            }

            await db.SaveChangesAsync();
            _users = await db.Users.Select(u => u.Id).OrderBy(id => id).ToListAsync();
        }
    }

    [Benchmark]
    public async Task<int> BuildEveryDigest()
    {
        var now = DateTimeOffset.UtcNow;
        var withContent = 0;
        foreach (var userId in _users)
        {
            await using var scope = _database.CreateScope();
            var builder = scope.ServiceProvider.GetRequiredService<DigestBuilder>();
            if (await builder.ReaderAsync(userId, CancellationToken.None) is { } reader && !(await builder.BuildAsync(reader, now, CancellationToken.None)).IsEmpty)
            {
                withContent++;
            }
        }

        return withContent;
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await _database.DisposeAsync();
}
