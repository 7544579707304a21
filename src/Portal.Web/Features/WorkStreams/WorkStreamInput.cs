using Portal.Core.WorkStreams;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.WorkStreams;

/// <summary>
/// What a person may set on a work stream, typed: the API binds it from JSON, the page converts its
/// form into it. Areas are named by code, topics by key, leads by user id.
/// </summary>
public sealed record WorkStreamInput(
    string? Key,
    string? Title,
    string? Summary,
    string? System,
    string? Place,
    IReadOnlyList<string>? Topics,
    IReadOnlyList<string>? Leads,
    WorkStreamStatus? Status,
    string? Decisions,
    DateOnly? StartsOn,
    DateOnly? EndsOn);

/// <summary>The work stream form as posted: every value as typed, so nothing is lost on a round trip.</summary>
public sealed class WorkStreamForm
{
    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? System { get; set; }

    public string? Place { get; set; }

    public List<string> Topics { get; set; } = [];

    public List<string> Leads { get; set; } = [];

    public string? Status { get; set; } = nameof(WorkStreamStatus.Active);

    public string? Decisions { get; set; }

    public DateParts StartsOn { get; set; } = new();

    public DateParts EndsOn { get; set; } = new();

    public static WorkStreamForm From(WorkStream workStream) => new()
    {
        Title = workStream.Title,
        Summary = workStream.Summary,
        System = workStream.System?.Code,
        Place = workStream.Place?.Code,
        Topics = workStream.Topics.Select(t => t.Key).ToList(),
        Leads = workStream.Leads.Select(l => l.UserId).ToList(),
        Status = workStream.Status.ToString(),
        Decisions = workStream.Decisions,
        StartsOn = DateParts.From(workStream.StartsOn),
        EndsOn = DateParts.From(workStream.EndsOn),
    };

    /// <summary>The typed input, with a problem for each value that cannot even be read.</summary>
    public WorkStreamInput ToInput(List<FieldProblem> problems)
    {
        WorkStreamStatus? status = Enum.TryParse<WorkStreamStatus>(Status, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Status, out _) ? parsed : null;
        if (status is null)
        {
            problems.Add(new(nameof(Status), "Choose the status"));
        }

        return new WorkStreamInput(
            Key: null,
            Title,
            Summary,
            string.IsNullOrWhiteSpace(System) ? null : System,
            string.IsNullOrWhiteSpace(Place) ? null : Place,
            Topics,
            Leads,
            status,
            Decisions,
            StartsOn.Read(nameof(StartsOn), "Start date", required: false, problems),
            EndsOn.Read(nameof(EndsOn), "End date", required: false, problems));
    }
}
