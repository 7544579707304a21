namespace Portal.Core.Notifications;

/// <summary>
/// What a notification is about. Each kind is a line on a person's preferences: by mail at once,
/// in the weekly digest, or in the portal only. The names are stored; do not rename them.
/// </summary>
public enum NotificationKind
{
    /// <summary>A submitted request matches the librarian's profile.</summary>
    RequestMatched = 0,

    /// <summary>Someone claimed, released or joined (as mentor) a request the person takes part in.</summary>
    RequestClaimed = 1,

    /// <summary>A coordinator assigned or reassigned a request to or from the person.</summary>
    RequestAssigned = 2,

    /// <summary>A message, question or answer in the conversation on a request.</summary>
    RequestMessage = 3,

    /// <summary>A request has waited too long or run past its deadline (for coordinators).</summary>
    RequestEscalated = 4,

    /// <summary>A request the person holds is nearly due.</summary>
    DeadlineReminder = 5,

    /// <summary>A peer review of a search: asked of the person, or approved or sent back to its author.</summary>
    SummaryReview = 6,

    /// <summary>A search summary delivered to its requester (and the leads of the work stream).</summary>
    SummaryDelivered = 7,

    /// <summary>The date an author set to re-run or review a summary has come.</summary>
    SummaryReviewDue = 8,

    /// <summary>A requester agreed to share a summary the person wrote, or it was published or withdrawn.</summary>
    SummarySharing = 9,

    /// <summary>The impact form for a request the person made, and its one reminder.</summary>
    ImpactForm = 10,
}

/// <summary>How a person wants to hear about one kind of notification.</summary>
public enum NotificationDelivery
{
    /// <summary>A mail at once, besides the notification in the portal.</summary>
    Immediately = 0,

    /// <summary>Gathered into the weekly digest.</summary>
    WeeklyDigest = 1,

    /// <summary>Only in the portal's notification list.</summary>
    Off = 2,
}

/// <summary>What people are told about each kind: its name on the preferences page, why a mail came, and the default.</summary>
public sealed record NotificationKindInfo(NotificationKind Kind, string Label, string Why, NotificationDelivery Default);

public static class NotificationKinds
{
    public static IReadOnlyList<NotificationKindInfo> All { get; } =
    [
        new(NotificationKind.RequestMatched, "Requests that match your librarian profile",
            "You are getting this email because a new evidence request matches the topics, place and time on your librarian profile.", NotificationDelivery.Immediately),
        new(NotificationKind.RequestClaimed, "Claims, releases and mentors on requests you take part in",
            "You are getting this email because you take part in this evidence request.", NotificationDelivery.Immediately),
        new(NotificationKind.RequestAssigned, "Requests assigned to you or taken from you",
            "You are getting this email because a coordinator changed who is doing this evidence request.", NotificationDelivery.Immediately),
        new(NotificationKind.RequestMessage, "Messages, questions and answers on requests you take part in",
            "You are getting this email because you take part in the conversation on this evidence request.", NotificationDelivery.Immediately),
        new(NotificationKind.RequestEscalated, "Requests unclaimed too long or past their deadline (coordinators)",
            "You are getting this email because you coordinate evidence requests and this one needs attention.", NotificationDelivery.Immediately),
        new(NotificationKind.DeadlineReminder, "Reminders before the deadline of requests you hold",
            "You are getting this email because you hold this evidence request and its deadline is close.", NotificationDelivery.Immediately),
        new(NotificationKind.SummaryReview, "Peer reviews of searches: asked of you, or approved or sent back to you",
            "You are getting this email because you write or review the search summary of this evidence request.", NotificationDelivery.Immediately),
        new(NotificationKind.SummaryDelivered, "Search summaries delivered to you",
            "You are getting this email because a search summary was delivered for an evidence request you made or whose work stream you lead.", NotificationDelivery.Immediately),
        new(NotificationKind.SummaryReviewDue, "Reminders to re-run or review your summaries",
            "You are getting this email because you wrote this search summary and the date you set to re-run or review it has come.", NotificationDelivery.Immediately),
        new(NotificationKind.SummarySharing, "Consent to share, and publication of, summaries you wrote",
            "You are getting this email because you wrote this search summary and who may read it has changed.", NotificationDelivery.Immediately),
        new(NotificationKind.ImpactForm, "Asking what difference the evidence made to your requests",
            "You are getting this email because you received a search summary and we would like to know what difference it made.", NotificationDelivery.Immediately),
    ];

    /// <summary>
    /// The name stored for the weekly digest itself: on its mails (so they can be unsubscribed from)
    /// and as a preference row with delivery Off when the person stopped it.
    /// </summary>
    public const string WeeklyDigest = "WeeklyDigest";

    public const string WeeklyDigestLabel = "The weekly digest";

    public static NotificationKindInfo Describe(NotificationKind kind) =>
        All.FirstOrDefault(k => k.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a notification kind.");
}
