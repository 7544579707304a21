using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Geography;
using Portal.Core.Topics;
using Portal.Core.WorkStreams;
using Portal.Data;
using Portal.Web.Features.Requests;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.WorkStreams;

/// <summary>Creates and changes work streams for the page and the API: checks the input, then calls the entity.</summary>
public sealed partial class WorkStreamEditor(PortalDbContext db, TimeProvider clock)
{
    public const int TitleMaxLength = 200;
    public const int MarkdownMaxLength = 20_000;
    public const int KeyMaxLength = 100;

    /// <summary>Addresses under /workstreams/ that a key must not take.</summary>
    private static readonly string[] ReservedKeys = ["new"];

    /// <summary>What the form offers: current systems and places, topics, and the people who may lead.</summary>
    public async Task<WorkStreamChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var areas = await db.GeoAreas.AsNoTracking()
            .Where(a => a.Level == GeoLevel.System || a.Level == GeoLevel.Place)
            .Select(a => new { a.Code, a.Name, a.Level, a.ParentId, a.Id, a.ValidFrom, a.ValidTo })
            .ToListAsync(cancellationToken);
        var current = areas.Where(a => a.ValidFrom <= today && (a.ValidTo == null || today <= a.ValidTo)).ToList();
        var systems = current.Where(a => a.Level == GeoLevel.System).OrderBy(a => a.Name).ToList();
        var places = current.Where(a => a.Level == GeoLevel.Place)
            .Select(p => new AreaChoice(p.Code, $"{p.Name} ({systems.FirstOrDefault(s => s.Id == p.ParentId)?.Name ?? "no current system"})"))
            .OrderBy(p => p.Name)
            .ToList();
        var topics = await db.Topics.AsNoTracking().Include(t => t.Parent).ToListAsync(cancellationToken);
        return new WorkStreamChoices(
            systems.Select(s => new AreaChoice(s.Code, s.Name)).ToList(),
            places,
            topics.OrderBy(t => t.Parent?.Name ?? t.Name).ThenBy(t => t.Parent is null ? 0 : 1).ThenBy(t => t.Name)
                .Select(t => new TopicChoice(t.Key, t.Parent is null ? t.Name : $"{t.Parent.Name}: {t.Name}")).ToList(),
            await PossibleLeadsAsync(cancellationToken));
    }

    public async Task<Outcome<WorkStream>> CreateAsync(Viewer viewer, WorkStreamInput input, IReadOnlyList<FieldProblem> readProblems, CancellationToken cancellationToken)
    {
        if (!viewer.MayCreateWorkStreams)
        {
            return Outcome.Forbidden<WorkStream>("You do not have permission to create work streams.");
        }

        var problems = readProblems.ToList();
        var leads = (input.Leads ?? []).Distinct(StringComparer.Ordinal).ToList();
        // Whoever creates a work stream without the right to edit every one leads it, or could never change it.
        if (!viewer.EditsAllWorkStreams && !leads.Contains(viewer.UserId))
        {
            leads.Insert(0, viewer.UserId);
        }

        var checkedInput = await CheckAsync(input with { Leads = leads }, problems, cancellationToken);
        var key = await KeyAsync(input.Key, input.Title, problems, cancellationToken);
        if (problems.Count > 0 || checkedInput is null || key is null)
        {
            return Outcome.Invalid<WorkStream>(problems);
        }

        try
        {
            var workStream = new WorkStream(key, checkedInput.Title, checkedInput.Summary, checkedInput.System, clock.GetUtcNow());
            Apply(workStream, checkedInput);
            db.WorkStreams.Add(workStream);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done<WorkStream>(workStream);
        }
        catch (DomainException refusal)
        {
            return Outcome.Refused<WorkStream>(refusal);
        }
    }

    /// <summary>Changes a work stream loaded with its topics and leads, tracked.</summary>
    public async Task<Outcome<WorkStream>> UpdateAsync(Viewer viewer, WorkStream workStream, WorkStreamInput input, IReadOnlyList<FieldProblem> readProblems, CancellationToken cancellationToken)
    {
        if (!viewer.MayEdit(workStream))
        {
            return Outcome.Forbidden<WorkStream>("Only the leads of this work stream and coordinators can edit it.");
        }

        var problems = readProblems.ToList();
        var leads = (input.Leads ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (!viewer.EditsAllWorkStreams && !leads.Contains(viewer.UserId))
        {
            problems.Add(new(nameof(WorkStreamInput.Leads), "You cannot remove yourself as a lead. Ask a coordinator to do it"));
        }

        var checkedInput = await CheckAsync(input with { Leads = leads }, problems, cancellationToken);
        if (problems.Count > 0 || checkedInput is null)
        {
            return Outcome.Invalid<WorkStream>(problems);
        }

        try
        {
            Apply(workStream, checkedInput);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done<WorkStream>(workStream);
        }
        catch (DomainException refusal)
        {
            return Outcome.Refused<WorkStream>(refusal);
        }
    }

    private static void Apply(WorkStream workStream, CheckedInput input)
    {
        workStream.Describe(input.Title, input.Summary, input.System, input.Place);
        workStream.SetStatus(input.Status);
        workStream.Plan(input.Decisions, input.StartsOn, input.EndsOn);
        workStream.TagWith(input.Topics);
        foreach (var gone in workStream.Leads.Select(l => l.UserId).Except(input.Leads).ToList())
        {
            workStream.RemoveLead(gone);
        }

        foreach (var lead in input.Leads)
        {
            workStream.AddLead(lead);
        }
    }

    private sealed record CheckedInput(
        string Title, string Summary, GeoArea System, GeoArea? Place, IReadOnlyList<Topic> Topics, IReadOnlyList<string> Leads,
        WorkStreamStatus Status, string? Decisions, DateOnly? StartsOn, DateOnly? EndsOn);

    private async Task<CheckedInput?> CheckAsync(WorkStreamInput input, List<FieldProblem> problems, CancellationToken cancellationToken)
    {
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            problems.Add(new(nameof(input.Title), "Enter a title"));
        }
        else if (title.Length > TitleMaxLength)
        {
            problems.Add(new(nameof(input.Title), $"Title must be {TitleMaxLength} characters or fewer"));
        }

        var summary = input.Summary?.Trim();
        if (string.IsNullOrEmpty(summary))
        {
            problems.Add(new(nameof(input.Summary), "Enter a summary of the work stream"));
        }
        else if (summary.Length > MarkdownMaxLength)
        {
            problems.Add(new(nameof(input.Summary), $"Summary must be {MarkdownMaxLength:N0} characters or fewer"));
        }

        if (input.Decisions is { Length: > MarkdownMaxLength })
        {
            problems.Add(new(nameof(input.Decisions), $"Decisions must be {MarkdownMaxLength:N0} characters or fewer"));
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        GeoArea? system = null;
        if (string.IsNullOrWhiteSpace(input.System))
        {
            problems.Add(new(nameof(input.System), "Choose the system"));
        }
        else
        {
            system = await db.GeoAreas.SingleOrDefaultAsync(a => a.Code == input.System.Trim() && a.Level == GeoLevel.System, cancellationToken);
            if (system is null || !system.IsCurrentOn(today))
            {
                problems.Add(new(nameof(input.System), "Choose one of the systems listed"));
                system = null;
            }
        }

        GeoArea? place = null;
        if (!string.IsNullOrWhiteSpace(input.Place))
        {
            place = await db.GeoAreas.SingleOrDefaultAsync(a => a.Code == input.Place.Trim() && a.Level == GeoLevel.Place, cancellationToken);
            if (place is null || !place.IsCurrentOn(today))
            {
                problems.Add(new(nameof(input.Place), "Choose one of the places listed, or none"));
                place = null;
            }
            else if (system is not null && place.ParentId != system.Id)
            {
                problems.Add(new(nameof(input.Place), $"Choose a place in {system.Name}, or none"));
            }
        }

        var topicKeys = (input.Topics ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var topics = await db.Topics.Where(t => topicKeys.Contains(t.Key)).ToListAsync(cancellationToken);
        if (topics.Count != topicKeys.Count)
        {
            problems.Add(new(nameof(input.Topics), "Choose only topics from the list"));
        }

        var leads = input.Leads ?? [];
        var possible = (await PossibleLeadsAsync(cancellationToken)).Select(l => l.UserId).ToHashSet(StringComparer.Ordinal);
        if (leads.Count == 0)
        {
            problems.Add(new(nameof(input.Leads), "Choose at least one lead"));
        }
        else if (leads.Any(l => !possible.Contains(l)))
        {
            problems.Add(new(nameof(input.Leads), "Choose leads from the list: work stream leads and coordinators"));
        }

        if (input.StartsOn is { } start && input.EndsOn is { } end && end < start)
        {
            problems.Add(new(nameof(input.EndsOn), "End date must be the same as or after the start date"));
        }

        return problems.Count > 0 || system is null
            ? null
            : new CheckedInput(title!, summary!, system, place, topics, leads, input.Status ?? WorkStreamStatus.Active, input.Decisions, input.StartsOn, input.EndsOn);
    }

    private async Task<IReadOnlyList<LeadChoice>> PossibleLeadsAsync(CancellationToken cancellationToken)
    {
        string[] roles = [Roles.WorkStreamLead, Roles.Coordinator];
        var users = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                join user in db.Users on userRole.UserId equals user.Id
                where roles.Contains(role.Name!) && user.DeactivatedAt == null && user.ApprovedAt != null
                select new { user.Id, user.DisplayName, user.Email })
            .Distinct()
            .ToListAsync(cancellationToken);
        return users.OrderBy(u => u.DisplayName).Select(u => new LeadChoice(u.Id, u.DisplayName, u.Email ?? string.Empty)).ToList();
    }

    private async Task<string?> KeyAsync(string? requested, string? title, List<FieldProblem> problems, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var key = requested.Trim();
            if (key.Length > KeyMaxLength || !KeyPattern().IsMatch(key) || ReservedKeys.Contains(key))
            {
                problems.Add(new("Key", $"Key must be up to {KeyMaxLength} lower-case letters, digits and single hyphens, like frailty-framework"));
                return null;
            }

            if (await db.WorkStreams.AnyAsync(w => w.Key == key, cancellationToken))
            {
                problems.Add(new("Key", $"Another work stream already has the key {key}"));
                return null;
            }

            return key;
        }

        var slug = Core.Slug.From(title, KeyMaxLength - 4);
        if (slug.Length == 0)
        {
            return problems.Count > 0 ? null : "work-stream";
        }

        var taken = await db.WorkStreams.Where(w => w.Key == slug || w.Key.StartsWith(slug + "-")).Select(w => w.Key).ToListAsync(cancellationToken);
        return Core.Slug.FirstFree(slug, taken.Concat(ReservedKeys));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();
}

public sealed record AreaChoice(string Code, string Name);

public sealed record TopicChoice(string Key, string Name);

public sealed record LeadChoice(string UserId, string DisplayName, string Email);

public sealed record WorkStreamChoices(IReadOnlyList<AreaChoice> Systems, IReadOnlyList<AreaChoice> Places, IReadOnlyList<TopicChoice> Topics, IReadOnlyList<LeadChoice> Leads);
