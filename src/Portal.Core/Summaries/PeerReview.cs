namespace Portal.Core.Summaries;

/// <summary>The six elements of the PRESS 2015 evidence-based checklist for peer review of search strategies.</summary>
public enum PressElement
{
    /// <summary>Translation of the research question into concepts.</summary>
    Translation = 0,

    /// <summary>Boolean and proximity operators.</summary>
    BooleanAndProximity = 1,

    /// <summary>Subject headings (database-specific controlled vocabulary).</summary>
    SubjectHeadings = 2,

    /// <summary>Text word searching (free text).</summary>
    TextWords = 3,

    /// <summary>Spelling, syntax and line numbers.</summary>
    SpellingAndSyntax = 4,

    /// <summary>Limits and filters.</summary>
    LimitsAndFilters = 5,
}

/// <summary>The reviewer's judgement on one element, in the checklist's own three grades.</summary>
public enum PressJudgement
{
    NoRevisions = 0,
    RevisionsSuggested = 1,
    RevisionsRequired = 2,
}

/// <summary>The reviewer's judgement and comment on one element of the checklist.</summary>
public sealed record PressItem(PressElement Element, PressJudgement Judgement, string? Comment);

/// <summary>What the reviewer decided.</summary>
public enum ReviewOutcome
{
    Approved = 0,
    ChangesRequested = 1,
}

/// <summary>What PRESS asks the reviewer to look at under each element, for the review form.</summary>
public sealed record PressElementInfo(PressElement Element, string Label, string Prompt);

public static class PressChecklist
{
    public const int CommentMaxLength = 4000;

    public static IReadOnlyList<PressElementInfo> Elements { get; } =
    [
        new(PressElement.Translation, "Translation of the research question",
            "Do the concepts searched match the question? Are any too narrow, too broad or missing?"),
        new(PressElement.BooleanAndProximity, "Boolean and proximity operators",
            "Are AND, OR, NOT and proximity operators used correctly, with nesting in the right places?"),
        new(PressElement.SubjectHeadings, "Subject headings",
            "Are the subject headings relevant, exploded where they should be, and any missing?"),
        new(PressElement.TextWords, "Text word searching",
            "Are synonyms, spelling variants, truncation and the fields searched right?"),
        new(PressElement.SpellingAndSyntax, "Spelling, syntax and line numbers",
            "Any spelling mistakes, syntax errors or lines combined wrongly?"),
        new(PressElement.LimitsAndFilters, "Limits and filters",
            "Are the limits and filters right for the question, and any validated filter used as intended?"),
    ];

    public static string Label(PressElement element) => Elements.First(e => e.Element == element).Label;

    public static string Describe(PressJudgement judgement) => judgement switch
    {
        PressJudgement.RevisionsSuggested => "Revisions suggested",
        PressJudgement.RevisionsRequired => "Revisions required",
        _ => "No revisions",
    };
}

/// <summary>
/// One completed peer review of a summary's search, on the PRESS checklist. Reviews are kept, so
/// a summary that went back and forth shows every round.
/// </summary>
public sealed class PeerReview
{
    private PeerReview()
    {
        ReviewerId = string.Empty;
        Items = [];
    }

    private PeerReview(Guid summaryId, string reviewerId, IReadOnlyList<PressItem> items, string? overall, ReviewOutcome outcome, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        SummaryId = summaryId;
        ReviewerId = reviewerId;
        Items = items;
        OverallComment = overall;
        Outcome = outcome;
        CompletedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid SummaryId { get; private set; }

    public string ReviewerId { get; private set; }

    /// <summary>One item per PRESS element, in checklist order.</summary>
    public IReadOnlyList<PressItem> Items { get; private set; }

    public string? OverallComment { get; private set; }

    public ReviewOutcome Outcome { get; private set; }

    public DateTimeOffset CompletedAt { get; private set; }

    /// <summary>
    /// Checks a completed form: every element judged once, comments within bounds, no approval over
    /// a revision the reviewer marked as required, and a request for changes that says what to change.
    /// </summary>
    internal static PeerReview Complete(Guid summaryId, string reviewerId, IEnumerable<PressItem> items, string? overallComment, ReviewOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(items);
        var byElement = items.GroupBy(i => i.Element).ToDictionary(g => g.Key, g => g.Last());
        var missing = PressChecklist.Elements.FirstOrDefault(e => !byElement.ContainsKey(e.Element));
        if (missing is not null)
        {
            throw new DomainException($"Give a judgement on “{missing.Label}”.");
        }

        var ordered = PressChecklist.Elements
            .Select(e => byElement[e.Element] with { Comment = Clean(byElement[e.Element].Comment) })
            .ToList();
        var overall = Clean(overallComment);
        if (ordered.Any(i => i.Comment is { Length: > PressChecklist.CommentMaxLength }) || overall is { Length: > PressChecklist.CommentMaxLength })
        {
            throw new DomainException($"Comments must be {PressChecklist.CommentMaxLength:N0} characters or fewer.");
        }

        if (ordered.FirstOrDefault(i => i.Judgement != PressJudgement.NoRevisions && i.Comment is null) is { } unexplained)
        {
            throw new DomainException($"Say what should be revised under “{PressChecklist.Label(unexplained.Element)}”.");
        }

        if (outcome == ReviewOutcome.Approved && ordered.FirstOrDefault(i => i.Judgement == PressJudgement.RevisionsRequired) is { } required)
        {
            throw new DomainException($"You marked “{PressChecklist.Label(required.Element)}” as needing revision. Ask for changes instead of approving.");
        }

        if (outcome == ReviewOutcome.ChangesRequested && overall is null && ordered.All(i => i.Judgement == PressJudgement.NoRevisions))
        {
            throw new DomainException("Say what needs to change: mark an element for revision or add a comment.");
        }

        return new PeerReview(summaryId, reviewerId, ordered, overall, outcome, now);
    }

    /// <summary>The words the author reads when the search comes back: the overall comment, else the first revision asked for.</summary>
    public string Gist() =>
        OverallComment
        ?? Items.Where(i => i.Judgement != PressJudgement.NoRevisions).Select(i => $"{PressChecklist.Label(i.Element)}: {i.Comment}").FirstOrDefault()
        ?? "Approved";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
