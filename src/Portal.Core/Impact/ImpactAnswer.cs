using Portal.Core.Events;
using Portal.Core.Requests;

namespace Portal.Core.Impact;

/// <summary>How the requester used the evidence (any combination), after the NHS library and knowledge services impact questionnaire.</summary>
[Flags]
public enum ImpactUses
{
    None = 0,
    SharedWithColleagues = 1,
    InformedDiscussion = 2,
    InformedDecision = 4,
    UsedInDocument = 8,
    PersonalLearning = 16,
    NotYetUsed = 32,
}

/// <summary>What the evidence contributed to (any combination).</summary>
[Flags]
public enum ImpactContributions
{
    None = 0,
    Decision = 1,
    PolicyOrGuideline = 2,
    Practice = 4,
    BusinessCase = 8,
    Education = 16,
    SavedTimeOrMoney = 32,
}

public enum Recommendation
{
    Yes = 0,
    No = 1,
    NotSure = 2,
}

/// <summary>Everything the requester says on the impact form.</summary>
public sealed record ImpactDetails(
    ImpactUses Uses,
    ImpactContributions ContributedTo,
    decimal? HoursSaved,
    Recommendation WouldRecommend,
    string? Comments,
    bool CaseStudyConsent)
{
    public const int CommentsMaxLength = 4000;
    public const decimal MaxHoursSaved = 10_000;

    public static IReadOnlyList<(ImpactUses Use, string Label)> UseLabels { get; } =
    [
        (ImpactUses.SharedWithColleagues, "I shared it with colleagues"),
        (ImpactUses.InformedDiscussion, "It informed a discussion or a meeting"),
        (ImpactUses.InformedDecision, "It informed a decision"),
        (ImpactUses.UsedInDocument, "I used it in a paper, report or presentation"),
        (ImpactUses.PersonalLearning, "It added to my own knowledge"),
        (ImpactUses.NotYetUsed, "I have not used it yet"),
    ];

    public static IReadOnlyList<(ImpactContributions Contribution, string Label)> ContributionLabels { get; } =
    [
        (ImpactContributions.Decision, "A decision"),
        (ImpactContributions.PolicyOrGuideline, "A policy or guideline"),
        (ImpactContributions.Practice, "A change in practice"),
        (ImpactContributions.BusinessCase, "A business case"),
        (ImpactContributions.Education, "Education or training"),
        (ImpactContributions.SavedTimeOrMoney, "Saving time or money"),
    ];

    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        var allUses = UseLabels.Aggregate(ImpactUses.None, (all, u) => all | u.Use);
        var allContributions = ContributionLabels.Aggregate(ImpactContributions.None, (all, c) => all | c.Contribution);
        if (Uses == ImpactUses.None || (Uses & ~allUses) != 0)
        {
            errors.Add(new(nameof(Uses), "Say how you used the evidence, or that you have not used it yet"));
        }
        else if (Uses.HasFlag(ImpactUses.NotYetUsed) && Uses != ImpactUses.NotYetUsed)
        {
            errors.Add(new(nameof(Uses), "You said you have not used it yet and also how you used it: choose one or the other"));
        }

        if ((ContributedTo & ~allContributions) != 0)
        {
            errors.Add(new(nameof(ContributedTo), "Choose what the evidence contributed to from the list"));
        }

        if (HoursSaved is < 0 or > MaxHoursSaved)
        {
            errors.Add(new(nameof(HoursSaved), $"Hours saved must be between 0 and {MaxHoursSaved:N0}"));
        }

        if (!Enum.IsDefined(WouldRecommend))
        {
            errors.Add(new(nameof(WouldRecommend), "Say whether you would recommend the service"));
        }

        if (Comments is { } text && text.Trim().Length > CommentsMaxLength)
        {
            errors.Add(new(nameof(Comments), $"Comments must be {CommentsMaxLength:N0} characters or fewer"));
        }

        return errors;
    }
}

/// <summary>
/// The requester's answer to the impact form for one delivered request. Answered once, by the
/// requester only; the request records that it was answered.
/// </summary>
public sealed class ImpactAnswer : Entity
{
    private ImpactAnswer()
    {
        RespondentId = string.Empty;
        Details = null!;
    }

    private ImpactAnswer(Guid requestId, string respondentId, ImpactDetails details, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        RequestId = requestId;
        RespondentId = respondentId;
        Details = details;
        AnsweredAt = now;
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public string RespondentId { get; private set; }

    public ImpactDetails Details { get; private set; }

    public DateTimeOffset AnsweredAt { get; private set; }

    public static ImpactAnswer Record(EvidenceRequest request, string by, ImpactDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(details);
        var clean = details with { Comments = string.IsNullOrWhiteSpace(details.Comments) ? null : details.Comments.Trim() };
        var errors = clean.Check();
        if (errors.Count > 0)
        {
            throw new DomainException(errors[0].Message);
        }

        request.RecordImpact(by, now);
        var answer = new ImpactAnswer(request.Id, by, clean, now);
        answer.Raise(new ImpactRecorded(request.Id, answer.Id, by, clean.CaseStudyConsent));
        return answer;
    }
}

public sealed record ImpactRecorded(Guid RequestId, Guid AnswerId, string By, bool CaseStudyConsent) : IDomainEvent
{
    public string SubjectType => nameof(EvidenceRequest);

    public string SubjectId => RequestId.ToString();
}
