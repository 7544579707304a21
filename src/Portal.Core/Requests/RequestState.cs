namespace Portal.Core.Requests;

/// <summary>Where an evidence request is in its life. The API uses exactly these names.</summary>
public enum RequestState
{
    Draft = 0,
    Submitted = 1,
    Claimed = 2,
    AwaitingRequester = 3,
    InReview = 4,
    Delivered = 5,
    Closed = 6,
    Withdrawn = 7,
}

/// <summary>What the requester wants back.</summary>
public enum RequestOutput
{
    ReadingList = 0,
    EvidenceSummary = 1,
    EvidenceBriefing = 2,
}

public enum Urgency
{
    Routine = 0,
    Urgent = 1,
}

/// <summary>The kinds of evidence a requester may ask for; any combination.</summary>
[Flags]
public enum EvidenceTypes
{
    None = 0,
    SystematicReviews = 1,
    Trials = 2,
    ObservationalStudies = 4,
    GuidelinesAndPolicy = 8,
    GreyLiterature = 16,
    LocalData = 32,
    PracticeAndTacitKnowledge = 64,
}

/// <summary>The question framework the requester chose, if any.</summary>
public enum QuestionFrameworkKind
{
    None = 0,
    Pico = 1,
    Spice = 2,
    Eclipse = 3,
}
