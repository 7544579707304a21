using Portal.Core.Events;

namespace Portal.Core.Impact;

/// <summary>
/// An impact case study a coordinator drafts from a requester's answer, when the requester agreed
/// to one: the story of what the evidence changed, for boards and for the club.
/// </summary>
public sealed class CaseStudy : Entity
{
    public const int TitleMaxLength = 200;
    public const int StoryMaxLength = 20_000;

    private CaseStudy()
    {
        Title = Story = CreatedBy = string.Empty;
    }

    private CaseStudy(ImpactAnswer answer, string title, string story, string by, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ImpactAnswerId = answer.Id;
        RequestId = answer.RequestId;
        Title = title;
        Story = story;
        CreatedBy = by;
        CreatedAt = UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ImpactAnswerId { get; private set; }

    public Guid RequestId { get; private set; }

    public string Title { get; private set; }

    /// <summary>The story in Markdown.</summary>
    public string Story { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Starts a draft from an answer whose requester agreed to a case study, with what they said as its first paragraphs.</summary>
    public static CaseStudy StartFrom(ImpactAnswer answer, string requestQuestion, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!answer.Details.CaseStudyConsent)
        {
            throw new DomainException("The requester did not agree to an impact case study, so none can be started from this answer.", RuleViolationKind.WrongState);
        }

        var contributed = ImpactDetails.ContributionLabels.Where(c => answer.Details.ContributedTo.HasFlag(c.Contribution)).Select(c => c.Label.ToLowerInvariant()).ToList();
        var story = $"## The question\n\n{requestQuestion}\n\n## What the evidence contributed to\n\n"
            + (contributed.Count == 0 ? "Not said.\n\n" : string.Join("\n", contributed.Select(c => "- " + c)) + "\n\n")
            + (answer.Details.Comments is { } words ? $"## In the requester's words\n\n> {words.ReplaceLineEndings("\n> ")}\n" : string.Empty);
        var title = requestQuestion.Length <= TitleMaxLength - 14 ? $"Impact story: {requestQuestion}" : $"Impact story: {requestQuestion[..(TitleMaxLength - 15)]}…";
        var study = new CaseStudy(answer, title, story, by, now);
        study.Raise(new CaseStudyStarted(study.Id, answer.RequestId, by));
        return study;
    }

    public void Edit(string title, string story, DateTimeOffset now)
    {
        var cleanTitle = title?.Trim() ?? string.Empty;
        var cleanStory = story?.Trim() ?? string.Empty;
        if (cleanTitle.Length is 0 or > TitleMaxLength)
        {
            throw new DomainException($"Enter a title of {TitleMaxLength} characters or fewer.");
        }

        if (cleanStory.Length is 0 or > StoryMaxLength)
        {
            throw new DomainException($"Enter the story, {StoryMaxLength:N0} characters or fewer.");
        }

        Title = cleanTitle;
        Story = cleanStory;
        UpdatedAt = now;
    }
}

public sealed record CaseStudyStarted(Guid CaseStudyId, Guid RequestId, string By) : IDomainEvent
{
    public string SubjectType => nameof(CaseStudy);

    public string SubjectId => CaseStudyId.ToString();
}
