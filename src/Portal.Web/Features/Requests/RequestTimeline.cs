using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Requests;

/// <summary>One thing that happened to a request: who, what, when, and the detail (changes or a reason).</summary>
public sealed record TimelineEntry(DateTimeOffset At, string EventType, string Who, string What, IReadOnlyList<TimelineChange> Changes, string? Note);

/// <summary>One field's change on the timeline, in the words of the form.</summary>
public sealed record TimelineChange(string Field, string? From, string? To);

/// <summary>
/// Builds a request's timeline from its audit events. The audit row keeps each domain event as
/// JSON, so reasons and old → new values come from the event itself; "who" is the person the event
/// names, which is also right for changes a recipe or a background job made on someone's behalf.
/// </summary>
public sealed partial class RequestTimeline(PortalDbContext db)
{
    public async Task<IReadOnlyList<TimelineEntry>> ForAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var subject = requestId.ToString();
        var rows = await db.AuditEvents.AsNoTracking()
            .Where(a => a.SubjectType == nameof(EvidenceRequest) && a.SubjectId == subject)
            // Messages and time have their own sections on the request page.
            .Where(a => a.EventType != nameof(RequestMessagePosted) && a.EventType != nameof(TimeRecorded))
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var parsed = rows.Select(r => (Row: r, Data: JsonDocument.Parse(r.Data).RootElement.Clone())).ToList();
        var people = parsed.SelectMany(p => new[] { Text(p.Data, "By"), Text(p.Data, "ClaimantId"), Text(p.Data, "FormerClaimantId"), Text(p.Data, "MentorId"), p.Row.Actor })
            .OfType<string>();
        var names = await db.DisplayNamesAsync(people, cancellationToken);
        string Name(string? id) => id is null ? "Unknown" : names.GetValueOrDefault(id, id.StartsWith("system", StringComparison.Ordinal) ? "The portal" : id);

        return parsed.Select(p =>
        {
            var data = p.Data;
            var who = Name(Text(data, "By") ?? p.Row.Actor);
            var (what, note) = p.Row.EventType switch
            {
                nameof(RequestDrafted) => ("Saved as a draft", null),
                nameof(RequestEdited) => ("Changed the request", null),
                nameof(RequestSubmitted) => ("Submitted the request", null),
                nameof(RequestWithdrawn) => ("Withdrew the request", Reason(data)),
                nameof(RequestClosedAsAnswered) => ($"Closed it as answered by the existing summary {Text(data, "AnsweredBySummaryId")}", Reason(data)),
                nameof(RequestClaimed) => (Text(data, "MentorId") is { } mentor ? $"Claimed the request, with {Name(mentor)} as mentor" : "Claimed the request", null),
                nameof(RequestMentorJoined) => ("Joined as mentor, to review the search", null),
                nameof(RequestEscalated) => (Escalated(data), null),
                nameof(RequestReleased) => ($"Released the request (claimed by {Name(Text(data, "FormerClaimantId"))})", Reason(data)),
                nameof(RequestAssigned) => ($"Assigned the request to {Name(Text(data, "ClaimantId"))}", Reason(data)),
                nameof(RequestAwaitingRequester) => ("Asked the requester a question; the deadline is paused", Text(data, "Question")),
                nameof(RequestAnswered) => ("Answered the question; the deadline runs again", null),
                nameof(RequestSentForReview) => ("Sent the search for review", null),
                nameof(RequestChangesAsked) => ("Asked for changes to the search", Reason(data)),
                nameof(RequestDelivered) => ("Delivered the evidence", null),
                nameof(RequestClosed) => ("Closed the request", Reason(data)),
                _ => (p.Row.EventType, null),
            };
            return new TimelineEntry(p.Row.OccurredAt, p.Row.EventType, who, what, Changes(data), note);
        }).ToList();
    }

    private static List<TimelineChange> Changes(JsonElement data) =>
        data.TryGetProperty("Changes", out var changes) && changes.ValueKind == JsonValueKind.Array
            ? changes.EnumerateArray().Select(c =>
            {
                var field = Text(c, "Field") ?? string.Empty;
                return new TimelineChange(RequestLabels.For(field), Readable(field, Text(c, "From")), Readable(field, Text(c, "To")));
            }).ToList()
            : [];

    private static string? Reason(JsonElement data) => Text(data, "Reason");

    private static string Escalated(JsonElement data)
    {
        var days = data.TryGetProperty("Days", out var value) && value.TryGetInt32(out var d) ? d : 0;
        var span = days == 1 ? "1 day" : $"{days} days";
        var overdue = data.TryGetProperty("Reason", out var reason)
            && (reason.ValueKind == JsonValueKind.Number ? reason.GetInt32() == (int)EscalationReason.Overdue : reason.GetString() == nameof(EscalationReason.Overdue));
        return overdue
            ? $"Told the coordinators the request is {span} past its deadline"
            : $"Told the coordinators nobody has claimed the request in {span}";
    }

    private static string? Text(JsonElement data, string property) =>
        data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Values as the form shows them; a framework's record text becomes "PICO — Population: …; Outcomes: …".</summary>
    private static string? Readable(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (field == nameof(RequestDetails.Framework))
        {
            var match = FrameworkText().Match(value);
            if (match.Success)
            {
                var parts = PartText().Matches(match.Groups["parts"].Value)
                    .Where(m => m.Groups["value"].Value.Trim().Length > 0)
                    .Select(m => $"{RequestLabels.For(m.Groups["name"].Value)}: {m.Groups["value"].Value.Trim()}");
                return $"{RequestLabels.Framework(match.Groups["kind"].Value)} — {string.Join("; ", parts)}";
            }
        }

        return field switch
        {
            nameof(RequestDetails.Output) => Enum.TryParse<RequestOutput>(value, out var output) ? RequestLabels.Output(output) : value,
            nameof(RequestDetails.Deadline) or nameof(RequestDetails.DecisionDate) when DateOnly.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var date)
                => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
            nameof(RequestDetails.EvidenceTypes) => string.Join(", ", value.Split(", ").Select(t => Enum.TryParse<EvidenceTypes>(t, out var type) ? RequestLabels.EvidenceType(type) : t)),
            _ => value,
        };
    }

    [GeneratedRegex(@"^QuestionFramework \{ Kind = (?<kind>\w+), (?<parts>.*) \}$", RegexOptions.Singleline)]
    private static partial Regex FrameworkText();

    [GeneratedRegex(@"(?<name>Population|Intervention|Comparison|Outcomes|Setting|Perspective|Evaluation|Expectation|ClientGroup|Location|Impact|Professionals|Service) = (?<value>.*?)(?=, (?:Population|Intervention|Comparison|Outcomes|Setting|Perspective|Evaluation|Expectation|ClientGroup|Location|Impact|Professionals|Service) = |$)", RegexOptions.Singleline)]
    private static partial Regex PartText();
}

/// <summary>The words the form uses for each field and value, shared by the form, the request page and the timeline.</summary>
public static class RequestLabels
{
    public static string For(string field) => field switch
    {
        nameof(RequestDetails.Question) => "Question",
        nameof(RequestDetails.Framework) => "Question framework",
        nameof(RequestDetails.Decision) => "Decision it informs",
        nameof(RequestDetails.DecisionForum) => "Where the decision is made",
        nameof(RequestDetails.DecisionDate) => "Decision date",
        nameof(RequestDetails.OnBehalfOfName) => "On behalf of (name)",
        nameof(RequestDetails.OnBehalfOfRole) => "On behalf of (role)",
        nameof(RequestDetails.EvidenceFromYear) => "Evidence from (year)",
        nameof(RequestDetails.EvidenceToYear) => "Evidence to (year)",
        nameof(RequestDetails.Geography) => "Geography",
        nameof(RequestDetails.CareSettings) => "Care settings",
        nameof(RequestDetails.EvidenceTypes) => "Evidence types",
        nameof(RequestDetails.NotWanted) => "Not wanted",
        nameof(RequestDetails.KnownPapers) => "Key papers already known",
        nameof(RequestDetails.Output) => "Output",
        nameof(RequestDetails.Deadline) => "Deadline",
        nameof(RequestDetails.Urgency) => "Urgency",
        nameof(RequestDetails.UrgencyReason) => "Reason for urgency",
        nameof(RequestDetails.ShortDeadlineReason) => "Reason for the short deadline",
        nameof(RequestDetails.PeerReview) => "Peer review before delivery",
        nameof(QuestionFramework.Population) => "Population",
        nameof(QuestionFramework.Intervention) => "Intervention or exposure",
        nameof(QuestionFramework.ClientGroup) => "Client group",
        _ => field,
    };

    public static string Framework(string kind) => kind switch
    {
        nameof(QuestionFrameworkKind.Pico) => "PICO",
        nameof(QuestionFrameworkKind.Spice) => "SPICE",
        nameof(QuestionFrameworkKind.Eclipse) => "ECLIPSE",
        _ => "None",
    };

    public static string Output(RequestOutput output) => output switch
    {
        RequestOutput.ReadingList => "Reading list",
        RequestOutput.EvidenceSummary => "Evidence summary",
        RequestOutput.EvidenceBriefing => "Evidence briefing",
        _ => output.ToString(),
    };

    public static string EvidenceType(EvidenceTypes type) => type switch
    {
        EvidenceTypes.SystematicReviews => "Systematic reviews",
        EvidenceTypes.Trials => "Trials",
        EvidenceTypes.ObservationalStudies => "Observational studies",
        EvidenceTypes.GuidelinesAndPolicy => "Guidelines and policy",
        EvidenceTypes.GreyLiterature => "Grey literature",
        EvidenceTypes.LocalData => "Local data",
        EvidenceTypes.PracticeAndTacitKnowledge => "Practice and tacit knowledge",
        _ => type.ToString(),
    };
}
