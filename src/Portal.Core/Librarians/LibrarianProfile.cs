using Portal.Core.Events;

namespace Portal.Core.Librarians;

/// <summary>How well a librarian knows a topic.</summary>
public enum TopicLevel
{
    Learning = 0,
    Experienced = 1,
}

/// <summary>The kinds of search work a librarian can do; any combination.</summary>
[Flags]
public enum SearchSkills
{
    None = 0,
    QuickSearch = 1,
    RapidReviewSearch = 2,
    SystematicSearch = 4,
    CriticalAppraisal = 8,
    Synthesis = 16,
}

/// <summary>A topic the librarian knows, and how well.</summary>
public sealed record TopicKnowledge(int TopicId, TopicLevel Level);

/// <summary>A period the librarian is away, both days included.</summary>
public sealed record TimeAway(DateOnly From, DateOnly To)
{
    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && from <= To;
}

/// <summary>
/// What a volunteer librarian says about themselves: what they know, what they can reach, how much
/// time they have and when they are away. Matching reads it; nothing here does I/O.
/// </summary>
public sealed class LibrarianProfile : Entity
{
    public const int DefaultCapacity = 2;

    /// <summary>Databases and platforms offered as choices; others may be typed in.</summary>
    public static IReadOnlyList<string> KnownDatabases { get; } =
        ["Medline", "CINAHL", "Embase", "PsycINFO", "HMIC", "Cochrane Library", "TRIP", "Grey literature"];

    private List<TopicKnowledge> _topics = [];
    private List<TimeAway> _timeAway = [];
    private List<string> _databases = [];

    private LibrarianProfile()
    {
        UserId = string.Empty;
    }

    public LibrarianProfile(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        UserId = userId;
        Capacity = DefaultCapacity;
    }

    public string UserId { get; private set; }

    /// <summary>The library and knowledge service the librarian works in.</summary>
    public string? Service { get; private set; }

    public string? Organisation { get; private set; }

    /// <summary>The system (ICS) the librarian works in; region follows from it.</summary>
    public int? SystemId { get; private set; }

    public SearchSkills Skills { get; private set; }

    /// <summary>How many searches at a time (2 until set).</summary>
    public int Capacity { get; private set; }

    public int? HoursPerMonth { get; private set; }

    public bool OffersMentoring { get; private set; }

    public bool SeeksMentoring { get; private set; }

    public IReadOnlyList<TopicKnowledge> Topics => _topics;

    public IReadOnlyList<TimeAway> TimeAway => _timeAway;

    public IReadOnlyList<string> Databases => _databases;

    /// <summary>Replaces the whole profile; refuses negative capacity or hours and time away that ends before it starts.</summary>
    public void Update(LibrarianProfileDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Check();
        if (errors.Count > 0)
        {
            throw new DomainException(errors[0].Message);
        }

        Service = Clean(details.Service);
        Organisation = Clean(details.Organisation);
        SystemId = details.SystemId;
        Skills = details.Skills;
        Capacity = details.Capacity;
        HoursPerMonth = details.HoursPerMonth;
        OffersMentoring = details.OffersMentoring;
        SeeksMentoring = details.SeeksMentoring;
        _topics = details.Topics.GroupBy(t => t.TopicId).Select(g => g.MaxBy(t => t.Level)!).OrderBy(t => t.TopicId).ToList();
        _timeAway = details.TimeAway.OrderBy(t => t.From).ToList();
        _databases = details.Databases.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Raise(new LibrarianProfileChanged(UserId));
    }

    public bool IsAwayDuring(DateOnly from, DateOnly to) => _timeAway.Any(a => a.Overlaps(from, to));

    /// <summary>Whether one more search fits beside the <paramref name="openClaims"/> the librarian holds.</summary>
    public bool HasRoomFor(int openClaims) => openClaims < Capacity;

    /// <summary>Refuses a claim beyond the librarian's capacity, saying so (a coordinator may override at the edge).</summary>
    public void EnsureRoomFor(int openClaims)
    {
        if (!HasRoomFor(openClaims))
        {
            throw new DomainException(Capacity == 0
                ? "Your profile says you are not taking searches at the moment. Change your capacity to claim this request."
                : $"You already hold {openClaims} of the {Capacity} searches your profile says you can take at a time. Release one, or change your capacity, to claim this request.",
                RuleViolationKind.WrongState);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Everything a librarian may set on their profile.</summary>
public sealed record LibrarianProfileDetails(
    string? Service,
    string? Organisation,
    int? SystemId,
    IReadOnlyList<TopicKnowledge> Topics,
    SearchSkills Skills,
    IReadOnlyList<string> Databases,
    int Capacity,
    int? HoursPerMonth,
    IReadOnlyList<TimeAway> TimeAway,
    bool OffersMentoring,
    bool SeeksMentoring)
{
    public const int MaxCapacity = 50;
    public const int MaxHoursPerMonth = 400;

    public IReadOnlyList<Requests.FieldError> Check()
    {
        var errors = new List<Requests.FieldError>();
        if (Capacity < 0)
        {
            errors.Add(new(nameof(Capacity), "Searches at a time cannot be negative"));
        }
        else if (Capacity > MaxCapacity)
        {
            errors.Add(new(nameof(Capacity), $"Searches at a time must be {MaxCapacity} or fewer"));
        }

        if (HoursPerMonth is < 0)
        {
            errors.Add(new(nameof(HoursPerMonth), "Hours a month cannot be negative"));
        }
        else if (HoursPerMonth > MaxHoursPerMonth)
        {
            errors.Add(new(nameof(HoursPerMonth), $"Hours a month must be {MaxHoursPerMonth} or fewer"));
        }

        if (TimeAway.Any(a => a.To < a.From))
        {
            errors.Add(new(nameof(TimeAway), "Time away must end on or after the day it starts"));
        }

        if ((Service?.Length ?? 0) > 200 || (Organisation?.Length ?? 0) > 200)
        {
            errors.Add(new(Service?.Length > 200 ? nameof(Service) : nameof(Organisation), "Must be 200 characters or fewer"));
        }

        if (Databases.Any(d => d.Length > 100))
        {
            errors.Add(new(nameof(Databases), "Each database name must be 100 characters or fewer"));
        }

        return errors;
    }
}

public sealed record LibrarianProfileChanged(string UserId) : IDomainEvent
{
    public string SubjectType => nameof(LibrarianProfile);

    public string SubjectId => UserId;
}
