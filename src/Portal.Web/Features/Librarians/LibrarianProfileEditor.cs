using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Geography;
using Portal.Core.Librarians;
using Portal.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Librarians;

/// <summary>
/// Reads and saves the signed-in librarian's profile for the page and the API: checks what only
/// the database knows (the system and topics exist) and every rule of the profile, then saves it whole.
/// </summary>
public sealed class LibrarianProfileEditor(PortalDbContext db, LibrarianDirectory directory, TimeProvider clock)
{
    public const int MaxTextLength = 200;
    public const int MaxDatabaseLength = 100;
    public const int MaxDatabases = 40;

    /// <summary>The profile as it stands (an unsaved default until the first save), with what it refers to by name.</summary>
    public async Task<LibrarianProfileView> ViewAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await directory.ProfileOrDefaultAsync(userId, tracked: false, cancellationToken);
        var saved = await db.LibrarianProfiles.AnyAsync(p => p.UserId == userId, cancellationToken);
        var openClaims = await directory.OpenClaimsOfAsync(userId, cancellationToken);
        var choices = await ChoicesAsync(cancellationToken);
        var system = profile.SystemId is { } systemId
            ? await db.GeoAreas.AsNoTracking().Where(a => a.Id == systemId).Select(a => new { a.Name, Region = a.Parent!.Name }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new LibrarianProfileView(profile, saved, openClaims, system?.Name, system?.Region, choices);
    }

    /// <summary>What the profile offers: the systems current today with their regions, and the topic tree in order.</summary>
    public async Task<LibrarianProfileChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var systems = await db.GeoAreas.AsNoTracking()
            .Where(a => a.Level == GeoLevel.System && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today))
            .OrderBy(a => a.Name)
            .Select(a => new SystemChoice(a.Id, a.Code, a.Name, a.Parent == null ? null : a.Parent.Name))
            .ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().Select(t => new { t.Id, t.Key, t.Name, t.ParentId }).ToListAsync(cancellationToken);
        var children = topics.ToLookup(t => t.ParentId);
        var ordered = new List<TopicChoice>();
        void Add(int? parentId, string? path, int depth)
        {
            foreach (var topic in children[parentId].OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
            {
                var full = path is null ? topic.Name : $"{path}: {topic.Name}";
                ordered.Add(new TopicChoice(topic.Id, topic.Key, topic.Name, full, depth));
                // A tree from the database cannot loop; the depth bound only guards against a bad row.
                if (depth < 10)
                {
                    Add(topic.Id, full, depth + 1);
                }
            }
        }

        Add(null, null, 0);
        return new LibrarianProfileChoices(systems, ordered);
    }

    /// <summary>
    /// Saves the whole profile of <paramref name="userId"/>, or nothing: <paramref name="readProblems"/> are
    /// those found while reading the form or body, and any of them refuses the save.
    /// </summary>
    public async Task<Outcome<LibrarianProfile>> SaveAsync(
        string userId, LibrarianProfileDetails details, IReadOnlyList<FieldProblem> readProblems, CancellationToken cancellationToken)
    {
        var problems = readProblems.ToList();
        await CheckAsync(details, problems, cancellationToken);
        if (problems.Count > 0)
        {
            return Outcome.Invalid<LibrarianProfile>(problems);
        }

        var profile = await directory.ProfileOrDefaultAsync(userId, tracked: true, cancellationToken);
        var isNew = db.Entry(profile).State == EntityState.Detached;
        try
        {
            profile.Update(details);
            if (isNew)
            {
                db.LibrarianProfiles.Add(profile);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(profile);
        }
        catch (DomainException refusal)
        {
            return Outcome.Refused<LibrarianProfile>(refusal);
        }
        catch (DbUpdateException failure) when (isNew || failure is DbUpdateConcurrencyException)
        {
            // Two saves at once: the other one made the profile, or replaced the rows this one meant to replace.
            db.ChangeTracker.Clear();
            return Outcome.Overtaken<LibrarianProfile>();
        }
    }

    /// <summary>Time away must end on or after the day it starts; both readers check each period where they know its field.</summary>
    public static void CheckPeriod(string field, DateOnly from, DateOnly to, List<FieldProblem> problems)
    {
        if (to < from)
        {
            problems.Add(new(field, "Time away must end on or after the day it starts"));
        }
    }

    private async Task CheckAsync(LibrarianProfileDetails details, List<FieldProblem> problems, CancellationToken cancellationToken)
    {
        if (details.Service is { Length: > MaxTextLength })
        {
            problems.Add(new(nameof(details.Service), $"Library and knowledge service must be {MaxTextLength} characters or fewer"));
        }

        if (details.Organisation is { Length: > MaxTextLength })
        {
            problems.Add(new(nameof(details.Organisation), $"Organisation must be {MaxTextLength} characters or fewer"));
        }

        if (details.SystemId is { } systemId)
        {
            var today = Today;
            var current = await db.GeoAreas.AnyAsync(
                a => a.Id == systemId && a.Level == GeoLevel.System && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today), cancellationToken);
            if (!current)
            {
                problems.Add(new(nameof(details.SystemId), "Choose one of the systems listed"));
            }
        }

        var topicIds = details.Topics.Select(t => t.TopicId).Distinct().ToList();
        if (topicIds.Count > 0 && await db.Topics.CountAsync(t => topicIds.Contains(t.Id), cancellationToken) != topicIds.Count)
        {
            problems.Add(new(nameof(details.Topics), "Choose only topics from the list"));
        }

        var databases = details.Databases.Select(d => d.Trim()).Where(d => d.Length > 0).ToList();
        if (databases.Any(d => d.Length > MaxDatabaseLength))
        {
            problems.Add(new(nameof(details.Databases), $"Each database or platform must be {MaxDatabaseLength} characters or fewer"));
        }
        else if (databases.Distinct(StringComparer.OrdinalIgnoreCase).Count() > MaxDatabases)
        {
            problems.Add(new(nameof(details.Databases), $"List {MaxDatabases} databases and platforms or fewer"));
        }

        // The profile's own rules, for whatever the readers and the checks above did not already report.
        foreach (var error in details.Check())
        {
            if (!problems.Any(p => p.Field == error.Field || p.Field.StartsWith(error.Field + "[", StringComparison.Ordinal)))
            {
                problems.Add(new(error.Field, error.Message));
            }
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

/// <summary>A system a librarian may choose, with the region it lies in.</summary>
public sealed record SystemChoice(int Id, string Code, string Name, string? Region);

/// <summary>A topic of the tree; <paramref name="Path"/> names its parents too ("Frailty: Falls prevention").</summary>
public sealed record TopicChoice(int Id, string Key, string Name, string Path, int Depth);

public sealed record LibrarianProfileChoices(IReadOnlyList<SystemChoice> Systems, IReadOnlyList<TopicChoice> Topics);

/// <summary>The profile, whether it was ever saved, the claims the librarian holds now, and the names of its system and region.</summary>
public sealed record LibrarianProfileView(
    LibrarianProfile Profile, bool Saved, int OpenClaims, string? SystemName, string? RegionName, LibrarianProfileChoices Choices);

/// <summary>Plain-English names of the profile's choices.</summary>
public static class LibrarianLabels
{
    public static string Skill(SearchSkills skill) => skill switch
    {
        SearchSkills.QuickSearch => "Quick search",
        SearchSkills.RapidReviewSearch => "Rapid review search",
        SearchSkills.SystematicSearch => "Systematic search",
        SearchSkills.CriticalAppraisal => "Critical appraisal",
        SearchSkills.Synthesis => "Synthesis",
        _ => skill.ToString(),
    };

    /// <summary>Every single skill, in the order the form lists them.</summary>
    public static IReadOnlyList<SearchSkills> Skills { get; } = Enum.GetValues<SearchSkills>().Where(s => s != SearchSkills.None).ToList();

    public static IEnumerable<SearchSkills> SkillsIn(SearchSkills skills) => Skills.Where(s => skills.HasFlag(s));
}
