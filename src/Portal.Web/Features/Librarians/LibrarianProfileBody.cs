using System.Globalization;
using Portal.Core.Librarians;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Librarians;

/// <summary>
/// What PUT /api/v1/librarians/me takes: the whole profile, in camelCase. Levels, skills and dates
/// are strings read here, so a bad one is a problem naming its field rather than an unreadable body.
/// A value left out is empty, and capacity left out is the default of 2.
/// </summary>
public sealed record LibrarianProfileBody(
    string? Service,
    string? Organisation,
    int? SystemId,
    IReadOnlyList<LibrarianProfileBody.TopicBody?>? Topics,
    IReadOnlyList<string?>? Skills,
    IReadOnlyList<string?>? Databases,
    int? Capacity,
    int? HoursPerMonth,
    IReadOnlyList<LibrarianProfileBody.PeriodBody?>? TimeAway,
    bool? OffersMentoring,
    bool? SeeksMentoring)
{
    /// <summary>A topic by id, with "Experienced" or "Learning".</summary>
    public sealed record TopicBody(int? TopicId, string? Level);

    /// <summary>A period of time away, both days included, as yyyy-MM-dd.</summary>
    public sealed record PeriodBody(string? From, string? To);

    public static bool TryLevel(string? name, out TopicLevel level) => TryName(name, out level);

    public static bool TrySkill(string? name, out SearchSkills skill) => TryName(name, out skill) && skill != SearchSkills.None;

    /// <summary>The profile's details, with a problem for each value that cannot even be read.</summary>
    public LibrarianProfileDetails ToDetails(List<FieldProblem> problems)
    {
        var topics = new List<TopicKnowledge>();
        for (var i = 0; i < (Topics?.Count ?? 0); i++)
        {
            var field = $"{nameof(Topics)}[{Index(i)}]";
            var topic = Topics![i];
            if (topic?.TopicId is not { } topicId)
            {
                problems.Add(new($"{field}.TopicId", "Give the id of the topic"));
            }
            else if (!TryLevel(topic.Level, out var level))
            {
                problems.Add(new($"{field}.Level", $"Level must be one of {string.Join(", ", Enum.GetNames<TopicLevel>())}"));
            }
            else
            {
                topics.Add(new TopicKnowledge(topicId, level));
            }
        }

        var skills = SearchSkills.None;
        foreach (var name in Skills ?? [])
        {
            if (!TrySkill(name, out var skill))
            {
                problems.Add(new(nameof(Skills), $"Each skill must be one of {string.Join(", ", LibrarianLabels.Skills)}"));
                break;
            }

            skills |= skill;
        }

        var away = new List<TimeAway>();
        for (var i = 0; i < (TimeAway?.Count ?? 0); i++)
        {
            var field = $"{nameof(TimeAway)}[{Index(i)}]";
            var period = TimeAway![i];
            var from = Date(period?.From, $"{field}.From", problems);
            var to = Date(period?.To, $"{field}.To", problems);
            if (from is { } start && to is { } end)
            {
                LibrarianProfileEditor.CheckPeriod($"{field}.To", start, end, problems);
                away.Add(new TimeAway(start, end));
            }
        }

        return new LibrarianProfileDetails(
            Service, Organisation, SystemId, topics, skills, (Databases ?? []).OfType<string>().ToList(),
            Capacity ?? LibrarianProfile.DefaultCapacity, HoursPerMonth, away, OffersMentoring ?? false, SeeksMentoring ?? false);
    }

    private static DateOnly? Date(string? text, string field, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(field, "Give the date, like 2026-12-24"));
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new(field, "Must be a real date, like 2026-12-24"));
        return null;
    }

    // By exact name only: "1" or "experienced" are not names.
    private static bool TryName<T>(string? name, out T value)
        where T : struct, Enum
    {
        value = default;
        return name is not null && Enum.GetNames<T>().Contains(name, StringComparer.Ordinal) && Enum.TryParse(name, out value);
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
