namespace Portal.Core.Requests;

/// <summary>
/// The parts of a structured question. PICO: population, intervention or exposure, comparison,
/// outcomes. SPICE: setting, perspective, intervention, comparison, evaluation. ECLIPSE:
/// expectation, client group, location, impact, professionals, service. Every part is optional.
/// </summary>
public sealed record QuestionFramework(
    QuestionFrameworkKind Kind,
    string? Population = null,
    string? Intervention = null,
    string? Comparison = null,
    string? Outcomes = null,
    string? Setting = null,
    string? Perspective = null,
    string? Evaluation = null,
    string? Expectation = null,
    string? ClientGroup = null,
    string? Location = null,
    string? Impact = null,
    string? Professionals = null,
    string? Service = null)
{
    public static QuestionFramework Empty { get; } = new(QuestionFrameworkKind.None);

    /// <summary>The parts that belong to each framework, by property name.</summary>
    public static IReadOnlyDictionary<QuestionFrameworkKind, IReadOnlyList<string>> Parts { get; } = new Dictionary<QuestionFrameworkKind, IReadOnlyList<string>>
    {
        [QuestionFrameworkKind.None] = [],
        [QuestionFrameworkKind.Pico] = [nameof(Population), nameof(Intervention), nameof(Comparison), nameof(Outcomes)],
        [QuestionFrameworkKind.Spice] = [nameof(Setting), nameof(Perspective), nameof(Intervention), nameof(Comparison), nameof(Evaluation)],
        [QuestionFrameworkKind.Eclipse] = [nameof(Expectation), nameof(ClientGroup), nameof(Location), nameof(Impact), nameof(Professionals), nameof(Service)],
    };

    /// <summary>Keeps only the parts of the chosen framework, trimmed, so stray values from another framework are not stored.</summary>
    public QuestionFramework Normalised()
    {
        // An unknown kind keeps no parts; Check reports the kind itself.
        var keep = Parts.GetValueOrDefault(Kind, []);
        string? Part(string name, string? value) => keep.Contains(name) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        return new QuestionFramework(
            Kind,
            Part(nameof(Population), Population),
            Part(nameof(Intervention), Intervention),
            Part(nameof(Comparison), Comparison),
            Part(nameof(Outcomes), Outcomes),
            Part(nameof(Setting), Setting),
            Part(nameof(Perspective), Perspective),
            Part(nameof(Evaluation), Evaluation),
            Part(nameof(Expectation), Expectation),
            Part(nameof(ClientGroup), ClientGroup),
            Part(nameof(Location), Location),
            Part(nameof(Impact), Impact),
            Part(nameof(Professionals), Professionals),
            Part(nameof(Service), Service));
    }
}
