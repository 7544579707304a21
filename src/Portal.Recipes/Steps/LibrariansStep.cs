using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Geography;
using Portal.Core.Librarians;
using Portal.Data;

namespace Portal.Recipes.Steps;

/// <summary>
/// "Librarians": the profiles of librarians the Users step made, matched by email; topics are named
/// by key, the system by code, and time away in days from today, so the recipe stays valid whatever
/// day it runs. Every profile is checked before any is written. A profile already as the step
/// describes it is left alone, so a second run the same day changes nothing.
/// </summary>
internal sealed class LibrariansStep(PortalDbContext db, TimeProvider clock) : IRecipeStepHandler
{
    public string StepName => "Librarians";

    private sealed record Data(IReadOnlyList<LibrarianData> Librarians);

    private sealed record LibrarianData(
        string Email,
        string? Service = null,
        string? Organisation = null,
        string? System = null,
        IReadOnlyList<TopicData>? Topics = null,
        IReadOnlyList<SearchSkills>? Skills = null,
        IReadOnlyList<string>? Databases = null,
        int Capacity = LibrarianProfile.DefaultCapacity,
        int? HoursPerMonth = null,
        IReadOnlyList<AwayData>? TimeAway = null,
        bool OffersMentoring = false,
        bool SeeksMentoring = false);

    private sealed record TopicData(string Topic, TopicLevel Level);

    /// <summary>A period of time away, in days from the day the recipe runs (both days included).</summary>
    private sealed record AwayData(int FromInDays, int ToInDays);

    public async Task ExecuteAsync(RecipeStep step, RecipeContext context, CancellationToken cancellationToken)
    {
        var data = StepData.Read<Data>(step);
        var duplicate = data.Librarians.GroupBy(l => l.Email, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"Librarian {duplicate.Key} is described more than once.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var systems = await db.GeoAreas.Where(a => a.Level == GeoLevel.System)
            .ToDictionaryAsync(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var topics = await db.Topics.ToDictionaryAsync(t => t.Key, t => t.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var emails = data.Librarians.Select(l => l.Email.ToUpperInvariant()).ToList();
        var users = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!))
            .ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, StringComparer.Ordinal, cancellationToken);
        var librarians = (await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.Librarian
                select userRole.UserId)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        // Check every profile first: a bad one leaves all of them as they were.
        var wanted = data.Librarians.Select(item => (UserId: LibrarianId(item, users, librarians), Details: Details(item, systems, topics, today))).ToList();

        var ids = wanted.Select(w => w.UserId).ToList();
        var existing = await db.LibrarianProfiles.Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, StringComparer.Ordinal, cancellationToken);
        foreach (var (userId, details) in wanted)
        {
            if (!existing.TryGetValue(userId, out var profile))
            {
                profile = new LibrarianProfile(userId);
                profile.Update(details);
                db.LibrarianProfiles.Add(profile);
            }
            else if (!IsAlready(profile, details))
            {
                profile.Update(details);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string LibrarianId(LibrarianData item, Dictionary<string, string> users, HashSet<string> librarians)
    {
        if (!users.TryGetValue(item.Email.ToUpperInvariant(), out var userId))
        {
            throw new KeyNotFoundException($"Librarian {item.Email} has no account. Add them in the Users step first.");
        }

        return librarians.Contains(userId)
            ? userId
            : throw new InvalidOperationException($"Librarian {item.Email} is not in the Librarian role, so cannot have a librarian profile.");
    }

    private static LibrarianProfileDetails Details(LibrarianData item, Dictionary<string, int> systems, Dictionary<string, int> topics, DateOnly today)
    {
        int? systemId = null;
        if (item.System is not null)
        {
            systemId = systems.TryGetValue(item.System, out var id)
                ? id
                : throw new KeyNotFoundException($"Librarian {item.Email} names system {item.System}, which is not a system in the geography.");
        }

        var known = (item.Topics ?? []).Select(t => topics.TryGetValue(t.Topic, out var topicId)
            ? new TopicKnowledge(topicId, t.Level)
            : throw new KeyNotFoundException($"Librarian {item.Email} names topic {t.Topic}, which does not exist.")).ToList();
        var details = new LibrarianProfileDetails(
            item.Service,
            item.Organisation,
            systemId,
            known,
            (item.Skills ?? []).Aggregate(SearchSkills.None, (all, skill) => all | skill),
            item.Databases ?? [],
            item.Capacity,
            item.HoursPerMonth,
            (item.TimeAway ?? []).Select(a => new TimeAway(today.AddDays(a.FromInDays), today.AddDays(a.ToInDays))).ToList(),
            item.OffersMentoring,
            item.SeeksMentoring);
        var errors = details.Check();
        return errors.Count == 0
            ? details
            : throw new InvalidOperationException($"Librarian {item.Email}: {string.Join("; ", errors.Select(e => e.Message))}.");
    }

    /// <summary>Whether saving <paramref name="details"/> would leave the profile as it is.</summary>
    private static bool IsAlready(LibrarianProfile profile, LibrarianProfileDetails details)
    {
        var wanted = new LibrarianProfile(profile.UserId);
        wanted.Update(details);
        return profile.Service == wanted.Service
            && profile.Organisation == wanted.Organisation
            && profile.SystemId == wanted.SystemId
            && profile.Skills == wanted.Skills
            && profile.Capacity == wanted.Capacity
            && profile.HoursPerMonth == wanted.HoursPerMonth
            && profile.OffersMentoring == wanted.OffersMentoring
            && profile.SeeksMentoring == wanted.SeeksMentoring
            && profile.Topics.OrderBy(t => t.TopicId).SequenceEqual(wanted.Topics)
            && profile.TimeAway.OrderBy(a => a.From).ThenBy(a => a.To).SequenceEqual(wanted.TimeAway.OrderBy(a => a.From).ThenBy(a => a.To))
            && profile.Databases.SequenceEqual(wanted.Databases, StringComparer.Ordinal);
    }
}
