using Portal.Core.Summaries;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Summaries;

/// <summary>The reviewer's judgement on one PRESS element as sent: element and judgement by name, and a comment.</summary>
public sealed record PressItemInput(PressElement? Element, PressJudgement? Judgement, string? Comment);

/// <summary>
/// A completed PRESS form, from the review page or the API. The entity is the judge of a review;
/// <see cref="Check"/> lists every problem at once, by field ("SubjectHeadings.Judgement",
/// "Comment"), so a form comes back with all its mistakes marked rather than the first.
/// </summary>
public sealed record PressReviewInput(IReadOnlyList<PressItemInput>? Items, string? Comment)
{
    public const string CommentField = nameof(Comment);
    public const string ItemsField = nameof(Items);

    public static string JudgementField(PressElement element) => $"{element}.Judgement";

    public static string CommentFieldOf(PressElement element) => $"{element}.Comment";

    /// <summary>The items that name both an element and a judgement, for the entity; the others are problems of <see cref="Check"/>.</summary>
    public IReadOnlyList<PressItem> ToItems() =>
        (Items ?? []).Where(i => i is { Element: not null, Judgement: not null } && Enum.IsDefined(i.Element.Value) && Enum.IsDefined(i.Judgement.Value))
            .Select(i => new PressItem(i.Element!.Value, i.Judgement!.Value, i.Comment))
            .ToList();

    /// <summary>Everything wrong with the form for this outcome, in checklist order, then the overall comment.</summary>
    public IReadOnlyList<FieldProblem> Check(ReviewOutcome outcome)
    {
        var problems = new List<FieldProblem>();
        var given = Items ?? [];
        if (given.Any(i => i is null || i.Element is not { } e || !Enum.IsDefined(e)))
        {
            problems.Add(new(ItemsField, "Name the element of the checklist that each item is about"));
        }

        var byElement = given.Where(i => i?.Element is not null).GroupBy(i => i.Element!.Value).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var info in PressChecklist.Elements)
        {
            if (!byElement.TryGetValue(info.Element, out var items) || items.Count == 0 || items[0].Judgement is not { } judgement || !Enum.IsDefined(judgement))
            {
                problems.Add(new(JudgementField(info.Element), $"Give a judgement on “{info.Label}”"));
                continue;
            }

            if (items.Count > 1)
            {
                problems.Add(new(JudgementField(info.Element), $"Give one judgement on “{info.Label}”, not {items.Count}"));
                continue;
            }

            var comment = Clean(items[0].Comment);
            if (comment is { Length: > PressChecklist.CommentMaxLength })
            {
                problems.Add(new(CommentFieldOf(info.Element), $"The comment on “{info.Label}” must be {PressChecklist.CommentMaxLength:N0} characters or fewer"));
            }
            else if (judgement != PressJudgement.NoRevisions && comment is null)
            {
                problems.Add(new(CommentFieldOf(info.Element), $"Say what should be revised under “{info.Label}”"));
            }

            if (outcome == ReviewOutcome.Approved && judgement == PressJudgement.RevisionsRequired)
            {
                problems.Add(new(JudgementField(info.Element), $"You marked “{info.Label}” as needing revision. Ask for changes instead of approving"));
            }
        }

        var overall = Clean(Comment);
        if (overall is { Length: > PressChecklist.CommentMaxLength })
        {
            problems.Add(new(CommentField, $"The overall comment must be {PressChecklist.CommentMaxLength:N0} characters or fewer"));
        }
        else if (outcome == ReviewOutcome.ChangesRequested && overall is null
            && given.All(i => i?.Judgement is null or PressJudgement.NoRevisions))
        {
            problems.Add(new(CommentField, "Say what needs to change: mark an element for revision or add a comment"));
        }

        return problems;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The review page's form as posted: one judgement and comment per element, the overall comment and the button pressed.</summary>
public sealed class PressReviewForm
{
    public const string ApproveButton = "Approve";
    public const string ChangesButton = "AskForChanges";

    public PressItemForm Translation { get; set; } = new();

    public PressItemForm BooleanAndProximity { get; set; } = new();

    public PressItemForm SubjectHeadings { get; set; } = new();

    public PressItemForm TextWords { get; set; } = new();

    public PressItemForm SpellingAndSyntax { get; set; } = new();

    public PressItemForm LimitsAndFilters { get; set; } = new();

    public string? Comment { get; set; }

    /// <summary>Which button was pressed: <see cref="ApproveButton"/> or <see cref="ChangesButton"/>.</summary>
    public string? Outcome { get; set; }

    public PressItemForm Item(PressElement element) => element switch
    {
        PressElement.Translation => Translation,
        PressElement.BooleanAndProximity => BooleanAndProximity,
        PressElement.SubjectHeadings => SubjectHeadings,
        PressElement.TextWords => TextWords,
        PressElement.SpellingAndSyntax => SpellingAndSyntax,
        PressElement.LimitsAndFilters => LimitsAndFilters,
        _ => throw new ArgumentOutOfRangeException(nameof(element), element, "Not an element of the PRESS checklist."),
    };

    /// <summary>The outcome the button asks for; null when neither button was pressed.</summary>
    public ReviewOutcome? ChosenOutcome => Outcome switch
    {
        ApproveButton => ReviewOutcome.Approved,
        ChangesButton => ReviewOutcome.ChangesRequested,
        _ => null,
    };

    /// <summary>The typed input; a judgement that is not one of the three names counts as none given.</summary>
    public PressReviewInput ToInput() => new(
        PressChecklist.Elements.Select(e => new PressItemInput(e.Element, Judgement(Item(e.Element).Judgement), Item(e.Element).Comment)).ToList(),
        Comment);

    private static PressJudgement? Judgement(string? name) =>
        name is not null && Enum.GetNames<PressJudgement>().Contains(name, StringComparer.Ordinal) ? Enum.Parse<PressJudgement>(name) : null;
}

public sealed class PressItemForm
{
    public string? Judgement { get; set; }

    public string? Comment { get; set; }
}
