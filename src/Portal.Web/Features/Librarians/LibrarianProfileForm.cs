using System.Globalization;
using Portal.Core.Librarians;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Librarians;

/// <summary>
/// The profile form as posted: every value as typed, so nothing is lost when the page comes back
/// with errors. Topics post as Topics[id] = NotKnown, Learning or Experienced; each period of time
/// away as TimeAway[n].From and .To date parts, with a Remove box.
/// </summary>
public sealed class LibrarianProfileForm
{
    public const string NotKnown = "NotKnown";

    /// <summary>Empty rows offered for new periods of time away.</summary>
    public const int EmptyTimeAwayRows = 2;

    public string? Service { get; set; }

    public string? Organisation { get; set; }

    public string? SystemId { get; set; }

    public Dictionary<string, string> Topics { get; set; } = [];

    public List<string> Skills { get; set; } = [];

    public List<string> Databases { get; set; } = [];

    /// <summary>Databases and platforms not in the list, comma-separated.</summary>
    public string? OtherDatabases { get; set; }

    public string? Capacity { get; set; }

    public string? HoursPerMonth { get; set; }

    public List<TimeAwayRow> TimeAway { get; set; } = [];

    /// <summary>"Offers" and "Seeks".</summary>
    public List<string> Mentoring { get; set; } = [];

    public static LibrarianProfileForm From(LibrarianProfile profile)
    {
        var known = LibrarianProfile.KnownDatabases.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new()
        {
            Service = profile.Service,
            Organisation = profile.Organisation,
            SystemId = profile.SystemId?.ToString(CultureInfo.InvariantCulture),
            Topics = profile.Topics.ToDictionary(t => t.TopicId.ToString(CultureInfo.InvariantCulture), t => t.Level.ToString()),
            Skills = LibrarianLabels.SkillsIn(profile.Skills).Select(s => s.ToString()).ToList(),
            Databases = LibrarianProfile.KnownDatabases.Where(k => profile.Databases.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList(),
            OtherDatabases = string.Join(", ", profile.Databases.Where(d => !known.Contains(d))),
            Capacity = profile.Capacity.ToString(CultureInfo.InvariantCulture),
            HoursPerMonth = profile.HoursPerMonth?.ToString(CultureInfo.InvariantCulture),
            TimeAway =
            [
                .. profile.TimeAway.Select(a => new TimeAwayRow { From = DateParts.From(a.From), To = DateParts.From(a.To) }),
                .. Enumerable.Range(0, EmptyTimeAwayRows).Select(_ => new TimeAwayRow()),
            ],
            Mentoring = [.. profile.OffersMentoring ? ["Offers"] : Array.Empty<string>(), .. profile.SeeksMentoring ? ["Seeks"] : Array.Empty<string>()],
        };
    }

    /// <summary>The profile's details, with a problem for each value that cannot even be read.</summary>
    public LibrarianProfileDetails ToDetails(List<FieldProblem> problems)
    {
        int? systemId = null;
        if (!string.IsNullOrWhiteSpace(SystemId))
        {
            if (int.TryParse(SystemId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                systemId = id;
            }
            else
            {
                problems.Add(new(nameof(SystemId), "Choose one of the systems listed"));
            }
        }

        var topics = new List<TopicKnowledge>();
        foreach (var (key, level) in Topics)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var topicId))
            {
                problems.Add(new(nameof(Topics), "Choose only topics from the list"));
                break;
            }

            if (string.IsNullOrEmpty(level) || level == NotKnown)
            {
                continue;
            }

            if (!LibrarianProfileBody.TryLevel(level, out var parsed))
            {
                problems.Add(new(nameof(Topics), "Choose not known, learning or experienced for each topic"));
                break;
            }

            topics.Add(new TopicKnowledge(topicId, parsed));
        }

        var skills = SearchSkills.None;
        foreach (var name in Skills)
        {
            if (!LibrarianProfileBody.TrySkill(name, out var skill))
            {
                problems.Add(new(nameof(Skills), "Choose skills from the list"));
                break;
            }

            skills |= skill;
        }

        var databases = new List<string>();
        foreach (var name in Databases)
        {
            var known = LibrarianProfile.KnownDatabases.FirstOrDefault(k => string.Equals(k, name, StringComparison.Ordinal));
            if (known is null)
            {
                problems.Add(new(nameof(Databases), "Choose databases from the list, or type others in the box below it"));
                break;
            }

            databases.Add(known);
        }

        databases.AddRange((OtherDatabases ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

        var capacity = Number(Capacity, nameof(Capacity), "Searches at a time", problems);
        if (capacity is null && string.IsNullOrWhiteSpace(Capacity))
        {
            problems.Add(new(nameof(Capacity), "Enter how many searches you can take at a time, or 0 if none for now"));
        }

        var hours = Number(HoursPerMonth, nameof(HoursPerMonth), "Hours a month", problems);

        var away = new List<TimeAway>();
        for (var i = 0; i < TimeAway.Count; i++)
        {
            var row = TimeAway[i];
            if (row.Remove || (row.From.IsEmpty && row.To.IsEmpty))
            {
                continue;
            }

            var field = $"{nameof(TimeAway)}[{i.ToString(CultureInfo.InvariantCulture)}]";
            var from = row.From.Read($"{field}.From", "Start of time away", required: true, problems);
            var to = row.To.Read($"{field}.To", "End of time away", required: true, problems);
            if (from is { } start && to is { } end)
            {
                LibrarianProfileEditor.CheckPeriod($"{field}.To", start, end, problems);
                away.Add(new TimeAway(start, end));
            }
        }

        var unknownMentoring = Mentoring.Any(m => m is not ("Offers" or "Seeks"));
        if (unknownMentoring)
        {
            problems.Add(new(nameof(Mentoring), "Choose mentoring from the list"));
        }

        return new LibrarianProfileDetails(
            Service, Organisation, systemId, topics, skills, databases, capacity ?? 0, hours, away,
            OffersMentoring: Mentoring.Contains("Offers"), SeeksMentoring: Mentoring.Contains("Seeks"));
    }

    /// <summary>A whole number as typed (negative numbers included, so the profile's own rule can say why not), or null when empty or unreadable.</summary>
    private static int? Number(string? text, string field, string label, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(new(field, $"{label} must be a whole number, like 2"));
        return null;
    }
}

/// <summary>One period of time away as typed; <see cref="Remove"/> drops it on save.</summary>
public sealed class TimeAwayRow
{
    public DateParts From { get; set; } = new();

    public DateParts To { get; set; } = new();

    public bool Remove { get; set; }
}
