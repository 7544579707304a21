namespace Portal.Core.Requests;

/// <summary>
/// What the requester says about the evidence they need: the intake of the NHS national searching
/// guidance. Exactly the fields a requester may set; edited as a whole.
/// </summary>
public sealed record RequestDetails(
    string Question,
    QuestionFramework Framework,
    RequestOutput Output,
    DateOnly Deadline,
    Urgency Urgency = Urgency.Routine,
    string? UrgencyReason = null,
    string? ShortDeadlineReason = null,
    string? Decision = null,
    string? DecisionForum = null,
    DateOnly? DecisionDate = null,
    string? OnBehalfOfName = null,
    string? OnBehalfOfRole = null,
    int? EvidenceFromYear = null,
    int? EvidenceToYear = null,
    string? Geography = null,
    string? CareSettings = null,
    EvidenceTypes EvidenceTypes = EvidenceTypes.None,
    string? NotWanted = null,
    string? KnownPapers = null,
    bool PeerReview = false)
{
    // For EF Core, which cannot pass the nested framework to the constructor; it sets the properties.
    private RequestDetails()
        : this(string.Empty, QuestionFramework.Empty, RequestOutput.ReadingList, default)
    {
    }

    public const int QuestionMaxLength = 500;
    public const int ShortTextMaxLength = 200;
    public const int LongTextMaxLength = 4000;

    /// <summary>The fields a requester fills in, for messages and audit trails, in form order.</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
    [
        nameof(Question), nameof(Framework), nameof(Decision), nameof(DecisionForum), nameof(DecisionDate),
        nameof(OnBehalfOfName), nameof(OnBehalfOfRole), nameof(EvidenceFromYear), nameof(EvidenceToYear),
        nameof(Geography), nameof(CareSettings), nameof(EvidenceTypes), nameof(NotWanted), nameof(KnownPapers),
        nameof(Output), nameof(Deadline), nameof(Urgency), nameof(UrgencyReason), nameof(ShortDeadlineReason), nameof(PeerReview),
    ];

    /// <summary>
    /// Everything wrong with the details, by field, in words for the person filling in the form.
    /// A deadline shorter than the usual turnaround needs a reason.
    /// </summary>
    public IReadOnlyList<FieldError> Check(DateOnly today, TurnaroundRules turnaround)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Question))
        {
            errors.Add(new(nameof(Question), "Enter the question you need evidence for"));
        }
        else if (Question.Trim().Length > QuestionMaxLength)
        {
            errors.Add(new(nameof(Question), $"Question must be {QuestionMaxLength} characters or fewer: one or two sentences"));
        }

        foreach (var (field, value) in ShortTexts())
        {
            if (value is { Length: > ShortTextMaxLength })
            {
                errors.Add(new(field, $"{Label(field)} must be {ShortTextMaxLength} characters or fewer"));
            }
        }

        foreach (var (field, value) in LongTexts())
        {
            if (value is { Length: > LongTextMaxLength })
            {
                errors.Add(new(field, $"{Label(field)} must be {LongTextMaxLength} characters or fewer"));
            }
        }

        if (Deadline < today)
        {
            errors.Add(new(nameof(Deadline), "Deadline must be today or in the future"));
        }
        else if (Deadline.DayNumber - today.DayNumber < turnaround.DaysFor(Output) && string.IsNullOrWhiteSpace(ShortDeadlineReason))
        {
            errors.Add(new(nameof(ShortDeadlineReason),
                $"A {OutputName(Output)} usually takes at least {turnaround.DaysFor(Output)} days. Give a reason for the shorter deadline, or choose a later one"));
        }

        if (Urgency == Urgency.Urgent && string.IsNullOrWhiteSpace(UrgencyReason))
        {
            errors.Add(new(nameof(UrgencyReason), "Say why the request is urgent"));
        }

        var thisYear = today.Year;
        if (EvidenceFromYear is { } from && (from < 1900 || from > thisYear))
        {
            errors.Add(new(nameof(EvidenceFromYear), $"Year must be between 1900 and {thisYear}"));
        }

        if (EvidenceToYear is { } to && (to < 1900 || to > thisYear))
        {
            errors.Add(new(nameof(EvidenceToYear), $"Year must be between 1900 and {thisYear}"));
        }

        if (EvidenceFromYear is { } start && EvidenceToYear is { } end && end < start)
        {
            errors.Add(new(nameof(EvidenceToYear), "The end year must be the same as or after the start year"));
        }

        if (string.IsNullOrWhiteSpace(OnBehalfOfName) != string.IsNullOrWhiteSpace(OnBehalfOfRole))
        {
            errors.Add(new(string.IsNullOrWhiteSpace(OnBehalfOfName) ? nameof(OnBehalfOfName) : nameof(OnBehalfOfRole),
                "Give both the name and the role of the colleague you are asking for"));
        }

        if (!Enum.IsDefined(Output))
        {
            errors.Add(new(nameof(Output), "Choose the output you want"));
        }

        if (!Enum.IsDefined(Framework.Kind))
        {
            errors.Add(new(nameof(Framework), "Choose a question framework, or none"));
        }

        return errors;
    }

    /// <summary>A copy with texts trimmed, empty texts as null, and only the chosen framework's parts.</summary>
    public RequestDetails Normalised() => this with
    {
        Question = Question?.Trim() ?? string.Empty,
        Framework = (Framework ?? QuestionFramework.Empty).Normalised(),
        UrgencyReason = Urgency == Urgency.Urgent ? Clean(UrgencyReason) : null,
        ShortDeadlineReason = Clean(ShortDeadlineReason),
        Decision = Clean(Decision),
        DecisionForum = Clean(DecisionForum),
        OnBehalfOfName = Clean(OnBehalfOfName),
        OnBehalfOfRole = Clean(OnBehalfOfRole),
        Geography = Clean(Geography),
        CareSettings = Clean(CareSettings),
        NotWanted = Clean(NotWanted),
        KnownPapers = Clean(KnownPapers),
    };

    /// <summary>The fields that differ from <paramref name="before"/>, with old and new values as text.</summary>
    public IReadOnlyList<FieldChange> ChangesFrom(RequestDetails before)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, object? old, object? now)
        {
            var oldText = Text(old);
            var newText = Text(now);
            if (oldText != newText)
            {
                changes.Add(new FieldChange(field, oldText, newText));
            }
        }

        Compare(nameof(Question), before.Question, Question);
        Compare(nameof(Framework), before.Framework, Framework);
        Compare(nameof(Decision), before.Decision, Decision);
        Compare(nameof(DecisionForum), before.DecisionForum, DecisionForum);
        Compare(nameof(DecisionDate), before.DecisionDate, DecisionDate);
        Compare(nameof(OnBehalfOfName), before.OnBehalfOfName, OnBehalfOfName);
        Compare(nameof(OnBehalfOfRole), before.OnBehalfOfRole, OnBehalfOfRole);
        Compare(nameof(EvidenceFromYear), before.EvidenceFromYear, EvidenceFromYear);
        Compare(nameof(EvidenceToYear), before.EvidenceToYear, EvidenceToYear);
        Compare(nameof(Geography), before.Geography, Geography);
        Compare(nameof(CareSettings), before.CareSettings, CareSettings);
        Compare(nameof(EvidenceTypes), before.EvidenceTypes, EvidenceTypes);
        Compare(nameof(NotWanted), before.NotWanted, NotWanted);
        Compare(nameof(KnownPapers), before.KnownPapers, KnownPapers);
        Compare(nameof(Output), before.Output, Output);
        Compare(nameof(Deadline), before.Deadline, Deadline);
        Compare(nameof(Urgency), before.Urgency, Urgency);
        Compare(nameof(UrgencyReason), before.UrgencyReason, UrgencyReason);
        Compare(nameof(ShortDeadlineReason), before.ShortDeadlineReason, ShortDeadlineReason);
        Compare(nameof(PeerReview), before.PeerReview, PeerReview);
        return changes;
    }

    public static string OutputName(RequestOutput output) => output switch
    {
        RequestOutput.ReadingList => "reading list",
        RequestOutput.EvidenceSummary => "evidence summary",
        RequestOutput.EvidenceBriefing => "evidence briefing",
        _ => output.ToString(),
    };

    private IEnumerable<(string Field, string? Value)> ShortTexts() =>
    [
        (nameof(DecisionForum), DecisionForum), (nameof(OnBehalfOfName), OnBehalfOfName), (nameof(OnBehalfOfRole), OnBehalfOfRole),
        (nameof(Geography), Geography), (nameof(CareSettings), CareSettings),
    ];

    private IEnumerable<(string Field, string? Value)> LongTexts() =>
    [
        (nameof(Decision), Decision), (nameof(NotWanted), NotWanted), (nameof(KnownPapers), KnownPapers),
        (nameof(UrgencyReason), UrgencyReason), (nameof(ShortDeadlineReason), ShortDeadlineReason),
        (nameof(QuestionFramework.Population), Framework?.Population), (nameof(QuestionFramework.Intervention), Framework?.Intervention),
        (nameof(QuestionFramework.Comparison), Framework?.Comparison), (nameof(QuestionFramework.Outcomes), Framework?.Outcomes),
        (nameof(QuestionFramework.Setting), Framework?.Setting), (nameof(QuestionFramework.Perspective), Framework?.Perspective),
        (nameof(QuestionFramework.Evaluation), Framework?.Evaluation), (nameof(QuestionFramework.Expectation), Framework?.Expectation),
        (nameof(QuestionFramework.ClientGroup), Framework?.ClientGroup), (nameof(QuestionFramework.Location), Framework?.Location),
        (nameof(QuestionFramework.Impact), Framework?.Impact), (nameof(QuestionFramework.Professionals), Framework?.Professionals),
        (nameof(QuestionFramework.Service), Framework?.Service),
    ];

    private static string Label(string field) => field switch
    {
        nameof(DecisionForum) => "Where the decision is made",
        nameof(OnBehalfOfName) => "Colleague's name",
        nameof(OnBehalfOfRole) => "Colleague's role",
        nameof(CareSettings) => "Care settings",
        nameof(NotWanted) => "What you do not want",
        nameof(KnownPapers) => "Key papers you already know",
        nameof(UrgencyReason) => "Reason for urgency",
        nameof(ShortDeadlineReason) => "Reason for the short deadline",
        nameof(QuestionFramework.ClientGroup) => "Client group",
        _ => field,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        QuestionFramework framework => framework.Kind == QuestionFrameworkKind.None ? null : framework.ToString(),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>One field's problem.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>One field's change, for the audit trail: old → new.</summary>
public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>How long each output usually takes, in days; a shorter deadline needs a reason.</summary>
public sealed record TurnaroundRules(int ReadingListDays = 7, int EvidenceSummaryDays = 14, int EvidenceBriefingDays = 21)
{
    public int DaysFor(RequestOutput output) => output switch
    {
        RequestOutput.ReadingList => ReadingListDays,
        RequestOutput.EvidenceSummary => EvidenceSummaryDays,
        RequestOutput.EvidenceBriefing => EvidenceBriefingDays,
        _ => 0,
    };
}
