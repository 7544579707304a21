using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.WorkStreams;
using Portal.Data;
using Portal.Web.Features.Requests;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.WorkStreams;

/// <summary>GET and POST /api/v1/workstreams, GET /api/v1/workstreams/{id}: the same fields and permissions as the pages.</summary>
internal static class WorkStreamsApi
{
    public sealed record WorkStreamResponse(
        Guid Id, string Key, string Title, string Summary, string System, string SystemName, string? Place, string? PlaceName,
        IReadOnlyList<string> Topics, IReadOnlyList<string> Leads, IReadOnlyList<string> LeadNames, WorkStreamStatus Status,
        string? Decisions, DateOnly? StartsOn, DateOnly? EndsOn, DateTimeOffset CreatedAt);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workstreams").RequireAuthorization(WorkStreamsPermissions.ViewWorkStreams.Name);
        group.MapGet("", ListAsync)
            .WithSummary("List work streams, optionally filtered by system code, topic key and status.")
            .Produces<IReadOnlyList<WorkStreamResponse>>();
        group.MapGet("/{id}", GetAsync)
            .WithSummary("One work stream, by its id or its key.")
            .Produces<WorkStreamResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", CreateAsync)
            .RequireAuthorization(WorkStreamsPermissions.CreateWorkStreams.Name)
            .WithSummary("Create a work stream. A lead who creates one always leads it; the key is made from the title unless given.")
            .Produces<WorkStreamResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ListAsync(PortalDbContext db, string? system, string? topic, WorkStreamStatus? status, CancellationToken cancellationToken)
    {
        var query = Loaded(db);
        if (!string.IsNullOrWhiteSpace(system))
        {
            query = query.Where(w => w.System!.Code == system);
        }

        if (!string.IsNullOrWhiteSpace(topic))
        {
            query = query.Where(w => w.Topics.Any(t => t.Key == topic));
        }

        if (status is { } wanted)
        {
            query = query.Where(w => w.Status == wanted);
        }

        var workStreams = await query.OrderBy(w => w.Title).ToListAsync(cancellationToken);
        var names = await db.DisplayNamesAsync(workStreams.SelectMany(w => w.Leads.Select(l => l.UserId)), cancellationToken);
        return Results.Ok(workStreams.Select(w => ToResponse(w, names)).ToList());
    }

    private static async Task<IResult> GetAsync(string id, PortalDbContext db, CancellationToken cancellationToken)
    {
        var workStream = await FindAsync(db, id, cancellationToken);
        if (workStream is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no work stream with this id or key.");
        }

        return Results.Ok(ToResponse(workStream, await db.DisplayNamesAsync(workStream.Leads.Select(l => l.UserId), cancellationToken)));
    }

    private static async Task<IResult> CreateAsync(
        WorkStreamInput? input, WorkStreamEditor editor, PortalDbContext db, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var viewer = await Viewer.ForAsync(user, authorization);
        var outcome = await editor.CreateAsync(viewer, input ?? new WorkStreamInput(null, null, null, null, null, null, null, null, null, null, null), [], cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.ToProblem();
        }

        var created = (await FindAsync(db, outcome.Value!.Id.ToString(), cancellationToken))!;
        return Results.Created($"/api/v1/workstreams/{created.Id}", ToResponse(created, await db.DisplayNamesAsync(created.Leads.Select(l => l.UserId), cancellationToken)));
    }

    /// <summary>By id, or by key: scripts know keys from recipes.</summary>
    public static Task<WorkStream?> FindAsync(PortalDbContext db, string idOrKey, CancellationToken cancellationToken) =>
        Guid.TryParse(idOrKey, out var id)
            ? Loaded(db).SingleOrDefaultAsync(w => w.Id == id, cancellationToken)
            : Loaded(db).SingleOrDefaultAsync(w => w.Key == idOrKey, cancellationToken);

    private static IQueryable<WorkStream> Loaded(PortalDbContext db) =>
        db.WorkStreams.AsNoTracking().Include(w => w.System).Include(w => w.Place).Include(w => w.Topics).Include(w => w.Leads).AsSplitQuery();

    private static WorkStreamResponse ToResponse(WorkStream w, IReadOnlyDictionary<string, string> names)
    {
        var leads = w.Leads.Select(l => l.UserId).ToList();
        return new(w.Id, w.Key, w.Title, w.Summary, w.System?.Code ?? string.Empty, w.System?.Name ?? string.Empty, w.Place?.Code, w.Place?.Name,
            w.Topics.Select(t => t.Key).Order(StringComparer.Ordinal).ToList(), leads, leads.Select(id => names.GetValueOrDefault(id, "Unknown")).ToList(),
            w.Status, w.Decisions, w.StartsOn, w.EndsOn, w.CreatedAt);
    }
}
