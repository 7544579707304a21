using System.Security.Claims;
using Portal.Core.Librarians;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Librarians;

/// <summary>
/// /api/v1/librarians: the signed-in librarian's own profile, with the same rules and messages as
/// the profile page. <see cref="Map"/> returns the group so further librarian endpoints join it.
/// </summary>
public static class LibrariansApi
{
    public sealed record TopicResponse(int TopicId, string Key, string Name, TopicLevel Level);

    public sealed record PeriodResponse(DateOnly From, DateOnly To);

    public sealed record ProfileResponse(
        string UserId,
        bool Saved,
        string? Service,
        string? Organisation,
        int? SystemId,
        string? System,
        string? Region,
        IReadOnlyList<TopicResponse> Topics,
        IReadOnlyList<SearchSkills> Skills,
        IReadOnlyList<string> Databases,
        int Capacity,
        int? HoursPerMonth,
        IReadOnlyList<PeriodResponse> TimeAway,
        bool OffersMentoring,
        bool SeeksMentoring,
        int OpenClaims);

    /// <summary>Maps the librarians' endpoints under <paramref name="api"/> and returns the /librarians group.</summary>
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/librarians");
        group.MapGet("/me", GetAsync)
            .RequireAuthorization(LibrariansPermissions.KeepLibrarianProfile.Name)
            .WithSummary("Your librarian profile, with the searches you hold now (openClaims). Until you first save it, the defaults: 2 searches at a time, nothing else.")
            .Produces<ProfileResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/me", PutAsync)
            .RequireAuthorization(LibrariansPermissions.KeepLibrarianProfile.Name)
            .WithSummary("Replace your whole librarian profile: topics with levels (Experienced, Learning), skills, databases, capacity, hours a month, time away (yyyy-MM-dd) and mentoring.")
            .Produces<ProfileResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<IResult> GetAsync(ClaimsPrincipal user, LibrarianProfileEditor editor, CancellationToken cancellationToken) =>
        Results.Ok(ToResponse(await editor.ViewAsync(UserId(user), cancellationToken)));

    private static async Task<IResult> PutAsync(LibrarianProfileBody? body, ClaimsPrincipal user, LibrarianProfileEditor editor, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var details = (body ?? Empty).ToDetails(problems);
        var userId = UserId(user);
        var outcome = await editor.SaveAsync(userId, details, problems, cancellationToken);
        return outcome.IsDone ? Results.Ok(ToResponse(await editor.ViewAsync(userId, cancellationToken))) : outcome.ToProblem();
    }

    private static readonly LibrarianProfileBody Empty = new(null, null, null, null, null, null, null, null, null, null, null);

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authorised caller has an id.");

    private static ProfileResponse ToResponse(LibrarianProfileView view)
    {
        var p = view.Profile;
        var topics = view.Choices.Topics.ToDictionary(t => t.Id);
        return new ProfileResponse(
            p.UserId, view.Saved, p.Service, p.Organisation, p.SystemId, view.SystemName, view.RegionName,
            p.Topics.Select(t => topics.TryGetValue(t.TopicId, out var topic)
                ? new TopicResponse(t.TopicId, topic.Key, topic.Path, t.Level)
                : new TopicResponse(t.TopicId, string.Empty, string.Empty, t.Level)).ToList(),
            LibrarianLabels.SkillsIn(p.Skills).ToList(),
            p.Databases,
            p.Capacity,
            p.HoursPerMonth,
            p.TimeAway.Select(a => new PeriodResponse(a.From, a.To)).ToList(),
            p.OffersMentoring,
            p.SeeksMentoring,
            view.OpenClaims);
    }
}
