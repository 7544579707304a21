using System.Globalization;
using Portal.Core.Requests;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Requests;

/// <summary>
/// What a requester may set on an evidence request, typed: the API binds it from JSON (camelCase,
/// enums by name), the page converts its form into it. Each framework's parts sit in their own
/// group, because PICO and SPICE share part names.
/// </summary>
public sealed record RequestInput(
    Guid? WorkStreamId,
    string? Question,
    QuestionFrameworkKind? Framework,
    PicoParts? Pico,
    SpiceParts? Spice,
    EclipseParts? Eclipse,
    string? Decision,
    string? DecisionForum,
    DateOnly? DecisionDate,
    string? OnBehalfOfName,
    string? OnBehalfOfRole,
    int? EvidenceFromYear,
    int? EvidenceToYear,
    string? Geography,
    string? CareSettings,
    IReadOnlyList<EvidenceTypes>? EvidenceTypes,
    string? NotWanted,
    string? KnownPapers,
    RequestOutput? Output,
    DateOnly? Deadline,
    Urgency? Urgency,
    string? UrgencyReason,
    string? ShortDeadlineReason,
    bool? PeerReview = null)
{
    /// <summary>The details to hand to the entity, or null with the reasons why not; every check of the entity is run, so all problems show at once.</summary>
    public RequestDetails? ToDetails(DateOnly today, TurnaroundRules turnaround, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(Question))
        {
            problems.Add(new(nameof(Question), "Enter the question you need evidence for"));
        }

        if (Output is null || !Enum.IsDefined(Output.Value))
        {
            problems.Add(new(nameof(Output), "Choose the output you want"));
        }

        if (Deadline is null && problems.All(p => p.Field != nameof(Deadline)))
        {
            problems.Add(new(nameof(Deadline), "Enter the deadline"));
        }

        if (Framework is { } kind && !Enum.IsDefined(kind))
        {
            problems.Add(new(nameof(Framework), "Choose a question framework, or none"));
        }

        if (Urgency is { } urgency && !Enum.IsDefined(urgency))
        {
            problems.Add(new(nameof(Urgency), "Choose how urgent the request is"));
        }

        var types = Core.Requests.EvidenceTypes.None;
        foreach (var type in EvidenceTypes ?? [])
        {
            if (type == Core.Requests.EvidenceTypes.None || !Enum.IsDefined(type))
            {
                problems.Add(new(nameof(EvidenceTypes), "Choose evidence types from the list"));
                break;
            }

            types |= type;
        }

        if (Output is null || Deadline is null || problems.Count > 0)
        {
            return null;
        }

        var framework = Framework ?? QuestionFrameworkKind.None;
        var details = new RequestDetails(
            Question ?? string.Empty,
            framework switch
            {
                QuestionFrameworkKind.Pico => (Pico ?? new PicoParts()).ToFramework(),
                QuestionFrameworkKind.Spice => (Spice ?? new SpiceParts()).ToFramework(),
                QuestionFrameworkKind.Eclipse => (Eclipse ?? new EclipseParts()).ToFramework(),
                _ => QuestionFramework.Empty,
            },
            Output.Value,
            Deadline.Value,
            Urgency ?? Core.Requests.Urgency.Routine,
            UrgencyReason,
            ShortDeadlineReason,
            Decision,
            DecisionForum,
            DecisionDate,
            OnBehalfOfName,
            OnBehalfOfRole,
            EvidenceFromYear,
            EvidenceToYear,
            Geography,
            CareSettings,
            types,
            NotWanted,
            KnownPapers,
            PeerReview ?? false).Normalised();
        var errors = details.Check(today, turnaround);
        // Framework parts are named by part; the form names them inside their framework's group.
        problems.AddRange(errors.Select(e => new FieldProblem(
            QuestionFramework.Parts[framework].Contains(e.Field) ? $"{framework}.{e.Field}" : e.Field, e.Message)));
        return errors.Count == 0 ? details : null;
    }

    public static RequestInput From(Guid workStreamId, RequestDetails d) => new(
        workStreamId, d.Question, d.Framework.Kind,
        new PicoParts(d.Framework.Population, d.Framework.Intervention, d.Framework.Comparison, d.Framework.Outcomes),
        new SpiceParts(d.Framework.Setting, d.Framework.Perspective, d.Framework.Intervention, d.Framework.Comparison, d.Framework.Evaluation),
        new EclipseParts(d.Framework.Expectation, d.Framework.ClientGroup, d.Framework.Location, d.Framework.Impact, d.Framework.Professionals, d.Framework.Service),
        d.Decision, d.DecisionForum, d.DecisionDate, d.OnBehalfOfName, d.OnBehalfOfRole, d.EvidenceFromYear, d.EvidenceToYear, d.Geography, d.CareSettings,
        Enum.GetValues<EvidenceTypes>().Where(t => t != Core.Requests.EvidenceTypes.None && d.EvidenceTypes.HasFlag(t)).ToList(),
        d.NotWanted, d.KnownPapers, d.Output, d.Deadline, d.Urgency, d.UrgencyReason, d.ShortDeadlineReason, d.PeerReview);
}

/// <summary>PICO: population, intervention or exposure, comparison, outcomes.</summary>
public sealed record PicoParts(string? Population = null, string? Intervention = null, string? Comparison = null, string? Outcomes = null)
{
    public QuestionFramework ToFramework() => new(QuestionFrameworkKind.Pico, Population: Population, Intervention: Intervention, Comparison: Comparison, Outcomes: Outcomes);
}

/// <summary>SPICE: setting, perspective, intervention, comparison, evaluation.</summary>
public sealed record SpiceParts(string? Setting = null, string? Perspective = null, string? Intervention = null, string? Comparison = null, string? Evaluation = null)
{
    public QuestionFramework ToFramework() => new(QuestionFrameworkKind.Spice, Setting: Setting, Perspective: Perspective, Intervention: Intervention, Comparison: Comparison, Evaluation: Evaluation);
}

/// <summary>ECLIPSE: expectation, client group, location, impact, professionals, service.</summary>
public sealed record EclipseParts(string? Expectation = null, string? ClientGroup = null, string? Location = null, string? Impact = null, string? Professionals = null, string? Service = null)
{
    public QuestionFramework ToFramework() => new(QuestionFrameworkKind.Eclipse, Expectation: Expectation, ClientGroup: ClientGroup, Location: Location, Impact: Impact, Professionals: Professionals, Service: Service);
}

/// <summary>The request form as posted: every value as typed, so a refused form comes back as it was.</summary>
public sealed class RequestForm
{
    public string? WorkStreamId { get; set; }

    public string? Question { get; set; }

    public string? Framework { get; set; } = nameof(QuestionFrameworkKind.None);

    public PicoForm Pico { get; set; } = new();

    public SpiceForm Spice { get; set; } = new();

    public EclipseForm Eclipse { get; set; } = new();

    public string? Decision { get; set; }

    public string? DecisionForum { get; set; }

    public DateParts DecisionDate { get; set; } = new();

    public string? OnBehalfOfName { get; set; }

    public string? OnBehalfOfRole { get; set; }

    public string? EvidenceFromYear { get; set; }

    public string? EvidenceToYear { get; set; }

    public string? Geography { get; set; }

    public string? CareSettings { get; set; }

    public List<string> EvidenceTypes { get; set; } = [];

    public string? NotWanted { get; set; }

    public string? KnownPapers { get; set; }

    public string? Output { get; set; }

    public DateParts Deadline { get; set; } = new();

    public string? Urgency { get; set; } = nameof(Core.Requests.Urgency.Routine);

    public string? UrgencyReason { get; set; }

    public string? ShortDeadlineReason { get; set; }

    /// <summary>The peer-review box: <see cref="PeerReviewValue"/> when ticked, nothing otherwise.</summary>
    public string? PeerReview { get; set; }

    public const string PeerReviewValue = "true";

    public static RequestForm From(RequestInput input) => new()
    {
        WorkStreamId = input.WorkStreamId?.ToString(),
        Question = input.Question,
        Framework = (input.Framework ?? QuestionFrameworkKind.None).ToString(),
        Pico = new PicoForm { Population = input.Pico?.Population, Intervention = input.Pico?.Intervention, Comparison = input.Pico?.Comparison, Outcomes = input.Pico?.Outcomes },
        Spice = new SpiceForm { Setting = input.Spice?.Setting, Perspective = input.Spice?.Perspective, Intervention = input.Spice?.Intervention, Comparison = input.Spice?.Comparison, Evaluation = input.Spice?.Evaluation },
        Eclipse = new EclipseForm { Expectation = input.Eclipse?.Expectation, ClientGroup = input.Eclipse?.ClientGroup, Location = input.Eclipse?.Location, Impact = input.Eclipse?.Impact, Professionals = input.Eclipse?.Professionals, Service = input.Eclipse?.Service },
        Decision = input.Decision,
        DecisionForum = input.DecisionForum,
        DecisionDate = DateParts.From(input.DecisionDate),
        OnBehalfOfName = input.OnBehalfOfName,
        OnBehalfOfRole = input.OnBehalfOfRole,
        EvidenceFromYear = input.EvidenceFromYear?.ToString(CultureInfo.InvariantCulture),
        EvidenceToYear = input.EvidenceToYear?.ToString(CultureInfo.InvariantCulture),
        Geography = input.Geography,
        CareSettings = input.CareSettings,
        EvidenceTypes = (input.EvidenceTypes ?? []).Select(t => t.ToString()).ToList(),
        NotWanted = input.NotWanted,
        KnownPapers = input.KnownPapers,
        Output = input.Output?.ToString(),
        Deadline = DateParts.From(input.Deadline),
        Urgency = (input.Urgency ?? Core.Requests.Urgency.Routine).ToString(),
        UrgencyReason = input.UrgencyReason,
        ShortDeadlineReason = input.ShortDeadlineReason,
        PeerReview = input.PeerReview == true ? PeerReviewValue : null,
    };

    /// <summary>The typed input, with a problem for each value that cannot even be read.</summary>
    public RequestInput ToInput(List<FieldProblem> problems)
    {
        Guid? workStream = Guid.TryParse(WorkStreamId, out var id) ? id : null;
        var types = new List<EvidenceTypes>();
        foreach (var type in EvidenceTypes)
        {
            types.Add(Named<EvidenceTypes>(type) ?? Core.Requests.EvidenceTypes.None);
        }

        return new RequestInput(
            workStream,
            Question,
            Named<QuestionFrameworkKind>(Framework) ?? (string.IsNullOrEmpty(Framework) ? QuestionFrameworkKind.None : (QuestionFrameworkKind)(-1)),
            new PicoParts(Pico.Population, Pico.Intervention, Pico.Comparison, Pico.Outcomes),
            new SpiceParts(Spice.Setting, Spice.Perspective, Spice.Intervention, Spice.Comparison, Spice.Evaluation),
            new EclipseParts(Eclipse.Expectation, Eclipse.ClientGroup, Eclipse.Location, Eclipse.Impact, Eclipse.Professionals, Eclipse.Service),
            Decision,
            DecisionForum,
            DecisionDate.Read(nameof(DecisionDate), "Decision date", required: false, problems),
            OnBehalfOfName,
            OnBehalfOfRole,
            Year(EvidenceFromYear, nameof(EvidenceFromYear), problems),
            Year(EvidenceToYear, nameof(EvidenceToYear), problems),
            Geography,
            CareSettings,
            types,
            NotWanted,
            KnownPapers,
            string.IsNullOrEmpty(Output) ? null : Named<RequestOutput>(Output) ?? (RequestOutput)(-1),
            Deadline.Read(nameof(Deadline), "Deadline", required: true, problems),
            Named<Urgency>(Urgency) ?? (string.IsNullOrEmpty(Urgency) ? Core.Requests.Urgency.Routine : (Urgency)(-1)),
            UrgencyReason,
            ShortDeadlineReason,
            PeerReview == PeerReviewValue);
    }

    /// <summary>An enum value by its exact name only: numbers and unknown names are not values.</summary>
    private static T? Named<T>(string? name)
        where T : struct, Enum =>
        name is not null && Enum.GetNames<T>().Contains(name, StringComparer.Ordinal) ? Enum.Parse<T>(name) : null;

    private static int? Year(string? text, string field, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return year;
        }

        problems.Add(new(field, "Year must be a number, like 2015"));
        return null;
    }
}

public sealed class PicoForm
{
    public string? Population { get; set; }

    public string? Intervention { get; set; }

    public string? Comparison { get; set; }

    public string? Outcomes { get; set; }
}

public sealed class SpiceForm
{
    public string? Setting { get; set; }

    public string? Perspective { get; set; }

    public string? Intervention { get; set; }

    public string? Comparison { get; set; }

    public string? Evaluation { get; set; }
}

public sealed class EclipseForm
{
    public string? Expectation { get; set; }

    public string? ClientGroup { get; set; }

    public string? Location { get; set; }

    public string? Impact { get; set; }

    public string? Professionals { get; set; }

    public string? Service { get; set; }
}
