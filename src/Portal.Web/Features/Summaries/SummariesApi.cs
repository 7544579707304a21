using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Summaries;
using Portal.Core.Summaries.Ris;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// /api/v1/requests/{id}/summary and /api/v1/summaries/{id}: the edit page's fields as JSON, with
/// the pages' permissions. A summary the caller may not read is 404, as a request is; one they
/// may read but not change is 403; a summary that is no longer a draft, or that changed since the
/// "version" sent, is 409. Field errors name the body's fields: "sources[0].strategy".
/// </summary>
internal static class SummariesApi
{
    public sealed record SourceBody(
        string? Database, string? Interface, string? YearsCovered, DateOnly? DateRun, int? Hits, IReadOnlyList<string?>? Strategy, string? LimitsAndFilters);

    /// <summary>The whole content of a summary; "version", when sent, must be the one last read.</summary>
    public sealed record SummaryBody(
        string? Title,
        string? Question,
        IReadOnlyList<SourceBody?>? Sources,
        string? CitationSearching,
        string? Websites,
        string? Contacts,
        string? OtherMethods,
        string? Deduplication,
        int? RecordsFound,
        int? RecordsAfterDeduplication,
        int? RecordsSelected,
        string? Findings,
        string? Caveats,
        string? AppraisalNotes,
        DateOnly? ReviewDate,
        string? Licence,
        int? Version);

    public sealed record SourceResponse(
        string Database, string? Interface, string? YearsCovered, DateOnly? DateRun, int? Hits, IReadOnlyList<string> Strategy, string? LimitsAndFilters);

    public sealed record PersonResponse(string Id, string Name);

    public sealed record VersionResponse(Guid Id, int VersionNumber, SummaryState State, DateTimeOffset StartedAt, DateTimeOffset? DeliveredAt);

    public sealed record SummaryResponse(
        Guid Id,
        Guid RequestId,
        int VersionNumber,
        Guid? PreviousVersionId,
        IReadOnlyList<VersionResponse> Versions,
        SummaryState State,
        SummaryVisibility Visibility,
        IReadOnlyList<PersonResponse> Authors,
        PersonResponse? Reviewer,
        string Title,
        string Question,
        IReadOnlyList<SourceResponse> Sources,
        string? CitationSearching,
        string? Websites,
        string? Contacts,
        string? OtherMethods,
        string? Deduplication,
        int? RecordsFound,
        int? RecordsAfterDeduplication,
        int? RecordsSelected,
        string? Findings,
        string FindingsHtml,
        string? Caveats,
        string? AppraisalNotes,
        DateOnly? ReviewDate,
        string Licence,
        int ReferenceCount,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? ReviewAskedAt,
        DateTimeOffset? ApprovedAt,
        DateTimeOffset? DeliveredAt,
        int Version);

    public static void Map(RouteGroupBuilder api)
    {
        // Everyone signed in may ask; who may read or change which summary is decided per summary.
        var signedIn = WorkStreams.WorkStreamsPermissions.ViewWorkStreams.Name;
        var write = SummariesPermissions.WriteSummaries.Name;
        api.MapPost("/requests/{id:guid}/summary", StartAsync)
            .RequireAuthorization(signedIn, write)
            .WithSummary("Start the search summary of a request you claimed (its claimant only). A request has one: a second start is 409, with the existing summary's id as \"summaryId\".")
            .Produces<SummaryResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        var summaries = api.MapGroup("/summaries/{id:guid}").RequireAuthorization(signedIn);
        summaries.MapGet("", GetAsync)
            .WithSummary("One search summary: its content with the search report, state, authors, reviewer, versions and number of references. 404 when it does not exist or you may not read it (a requester reads it once it is delivered).")
            .Produces<SummaryResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        summaries.MapPut("", PutAsync)
            .RequireAuthorization(write)
            .WithSummary("Replace the whole content of a draft summary you wrote: the fields of GET, sources with their strategy as a list of lines. Send the \"version\" you read to be told (409) when someone else saved first. Field errors are named like \"sources[0].strategy\"; findings are Markdown, rendered and sanitised once, here.")
            .Produces<SummaryResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        summaries.MapPost("/references/ris", ImportRisAsync)
            .RequireAuthorization(write)
            .WithMetadata(new RequestSizeLimitAttribute(ReferenceTransfer.MaxUploadBytes))
            .WithSummary("Import references into a draft you wrote: the RIS text as the body, of any content type (from EndNote, Zotero, Mendeley, Ovid, EBSCOhost…), at most 20 MB. Good records are added after the existing ones; the answer lists them and every record refused, with its number, line and reason. A body that is empty, binary or not RIS is 400 and adds nothing; too large is 413.")
            .Produces<ImportResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        summaries.MapGet("/references.ris", (Guid id, SummaryReading reading, ClaimsPrincipal user, CancellationToken cancellationToken) =>
                DownloadAsync(id, ReferenceTransfer.Ris, reading, user, cancellationToken))
            .WithSummary("The summary's references as RIS, for a citation manager (abstracts only if you may see them).")
            .Produces(StatusCodes.Status200OK, contentType: ReferenceTransfer.RisContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        summaries.MapGet("/references.csv", (Guid id, SummaryReading reading, ClaimsPrincipal user, CancellationToken cancellationToken) =>
                DownloadAsync(id, ReferenceTransfer.Csv, reading, user, cancellationToken))
            .WithSummary("The summary's references as CSV (UTF-8 with a byte-order mark; cells that a spreadsheet would run as a formula start with a quote).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public sealed record ImportedReference(Guid Id, int Position, string Title);

    public sealed record ImportResponse(IReadOnlyList<ImportedReference> Imported, IReadOnlyList<RisRejection> Rejected, IReadOnlyList<RisWarning> Warnings);

    private static async Task<IResult> ImportRisAsync(
        Guid id, HttpRequest request, SummaryReading reading, ReferenceTransfer transfer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var read = await RisReader.ReadAsync(request.Body, cancellationToken);
        if (read.FileError == RisReader.TooLargeMessage)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: read.FileError);
        }

        var (outcome, _) = await transfer.ImportAsync(await reading.AccessAsync(user), id, read, cancellationToken);
        if (!outcome.IsDone)
        {
            // A file that cannot be read at all is a bad body, as the API answers every unreadable body.
            return outcome.Kind == OutcomeKind.Invalid
                ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: outcome.Message)
                : outcome.ToProblem();
        }

        return Results.Ok(new ImportResponse(
            read.References.Select(r => new ImportedReference(r.Id, r.Position, r.Title)).ToList(), read.Rejected, read.Warnings));
    }

    private static async Task<IResult> DownloadAsync(
        Guid id, Func<SummaryView, (byte[] Body, string ContentType, string Disposition)> make, SummaryReading reading, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var view = await reading.ReadAsync(await reading.AccessAsync(user), id, withReferences: true, cancellationToken);
        if (view is null)
        {
            return Outcome.NotFound<SearchSummary>().ToProblem();
        }

        var (body, contentType, disposition) = make(view);
        return new DownloadResult(body, contentType, disposition);
    }

    /// <summary>A file with its Content-Disposition as the summary pages write it.</summary>
    private sealed class DownloadResult(byte[] body, string contentType, string disposition) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentDisposition = disposition;
            return Results.Bytes(body, contentType).ExecuteAsync(httpContext);
        }
    }

    private static async Task<IResult> StartAsync(Guid id, SummaryEditing editing, SummaryReading reading, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var access = await reading.AccessAsync(user);
        var outcome = await editing.StartAsync(access, id, cancellationToken);
        if (outcome is { Kind: OutcomeKind.Conflict, Value: { } existing })
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: outcome.Message, extensions: new Dictionary<string, object?> { ["summaryId"] = existing.Id });
        }

        return outcome.IsDone
            ? await RespondAsync(reading, access, outcome.Value!.Id, created: true, cancellationToken)
            : outcome.ToProblem();
    }

    private static async Task<IResult> GetAsync(Guid id, SummaryReading reading, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await RespondAsync(reading, await reading.AccessAsync(user), id, created: false, cancellationToken);

    private static async Task<IResult> PutAsync(
        Guid id, SummaryBody? body, SummaryEditing editing, SummaryReading reading, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var access = await reading.AccessAsync(user);
        var content = ToContent(body);
        var outcome = await editing.EditAsync(access, id, content, body?.Version, [], cancellationToken);
        if (!outcome.IsDone)
        {
            // Sources are numbered from 1 in the checks' words, from 0 in the body.
            return (outcome with { Errors = outcome.Errors.Select(e => e with { Field = SummaryFieldNames.Rename(e.Field, n => n - 1) }).ToList() }).ToProblem();
        }

        return await RespondAsync(reading, access, id, created: false, cancellationToken);
    }

    private static SummaryContent ToContent(SummaryBody? body)
    {
        var sources = (body?.Sources ?? []).Select(s => new SearchSource(
            s?.Database ?? string.Empty,
            s?.Interface,
            s?.YearsCovered,
            s?.DateRun,
            s?.Hits,
            // The same as pasting the lines into the page: blank lines and typed line numbers go.
            SearchSource.StrategyFromText(string.Join('\n', s?.Strategy ?? [])),
            s?.LimitsAndFilters)).ToList();
        var search = new SearchReport(
            sources,
            new OtherMethods(body?.CitationSearching, body?.Websites, body?.Contacts, body?.OtherMethods),
            body?.Deduplication,
            body?.RecordsFound,
            body?.RecordsAfterDeduplication,
            body?.RecordsSelected);
        return new SummaryContent(
            body?.Title ?? string.Empty, body?.Question ?? string.Empty, search, body?.Findings, body?.Caveats, body?.AppraisalNotes, body?.ReviewDate, body?.Licence ?? string.Empty);
    }

    private static async Task<IResult> RespondAsync(SummaryReading reading, SummaryAccess access, Guid id, bool created, CancellationToken cancellationToken)
    {
        var view = await reading.ReadAsync(access, id, withReferences: false, cancellationToken);
        if (view is null)
        {
            return Outcome.NotFound<SearchSummary>().ToProblem();
        }

        var response = ToResponse(view);
        return created ? Results.Created($"/api/v1/summaries/{id}", response) : Results.Ok(response);
    }

    private static SummaryResponse ToResponse(SummaryView view)
    {
        var s = view.Summary;
        var c = view.Content;
        var search = c.Search;
        return new SummaryResponse(
            s.Id,
            s.RequestId,
            s.VersionNumber,
            s.PreviousVersionId,
            view.Versions.Select(v => new VersionResponse(v.Id, v.VersionNumber, v.State, v.StartedAt, v.DeliveredAt)).ToList(),
            s.State,
            s.Visibility,
            view.Authors.Select(a => new PersonResponse(a.Id, a.Name)).ToList(),
            view.Reviewer is { } reviewer ? new PersonResponse(reviewer.Id, reviewer.Name) : null,
            c.Title,
            c.Question,
            search.Sources.Select(x => new SourceResponse(x.Database, x.Interface, x.YearsCovered, x.DateRun, x.Hits, x.Strategy, x.LimitsAndFilters)).ToList(),
            search.OtherMethods.CitationSearching,
            search.OtherMethods.Websites,
            search.OtherMethods.Contacts,
            search.OtherMethods.Other,
            search.Deduplication,
            search.RecordsFound,
            search.RecordsAfterDeduplication,
            search.RecordsSelected,
            c.Findings,
            s.FindingsHtml,
            c.Caveats,
            c.AppraisalNotes,
            c.ReviewDate,
            c.Licence,
            view.ReferenceCount,
            s.CreatedAt,
            s.UpdatedAt,
            s.ReviewAskedAt,
            s.ApprovedAt,
            s.DeliveredAt,
            s.Version);
    }
}
