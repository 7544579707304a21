using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Summaries;
using Portal.Core.Summaries.Ris;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// The summary pages: start one from the request page, read it, edit it, its references, a print
/// page and a Word document. A summary the person may not read is 404, as a request is; one they
/// may read but not change is 403; one that is no longer a draft is 409. A form with a mistake comes
/// back with an error summary and nothing saved.
/// </summary>
[Authorize(Policy = "ViewWorkStreams")]
[Route("summaries")]
public sealed class SummariesController(SummaryEditing editing, SummaryReading reading, ReferenceTransfer transfer) : Controller
{
    private const string WritePolicy = "WriteSummaries";
    private const string NoticeKey = "summaries.notice";
    private const string ImportKey = "summaries.import";

    [HttpPost("/requests/{requestId:guid}/summary")]
    [Authorize(Policy = WritePolicy)]
    public async Task<IActionResult> Start(Guid requestId, CancellationToken cancellationToken)
    {
        var outcome = await editing.StartAsync(await AccessAsync(), requestId, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done => Redirect($"/summaries/{outcome.Value!.Id}/edit"),
            OutcomeKind.NotFound => NotFound(),
            OutcomeKind.Conflict when outcome.Value is { } existing =>
                Refused(StatusCodes.Status409Conflict, "This request already has a summary", outcome.Message!, new("Open the search summary", $"/summaries/{existing.Id}")),
            _ => Refused(Status(outcome.Kind), "The summary was not started", outcome.Message!, BackToRequest(requestId)),
        };
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Read(Guid id, CancellationToken cancellationToken)
    {
        var view = await reading.ReadAsync(await AccessAsync(), id, withReferences: true, cancellationToken);
        return view is null ? NotFound() : View("Read", new SummaryReadPage(view, TempData[NoticeKey] as string));
    }

    [HttpGet("{id:guid}/print")]
    public async Task<IActionResult> Print(Guid id, CancellationToken cancellationToken)
    {
        var view = await reading.ReadAsync(await AccessAsync(), id, withReferences: true, cancellationToken);
        return view is null ? NotFound() : View("Print", view);
    }

    [HttpGet("{id:guid}/document")]
    public async Task<IActionResult> Document(Guid id, CancellationToken cancellationToken)
    {
        var view = await reading.ReadAsync(await AccessAsync(), id, withReferences: true, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        Response.Headers.ContentDisposition = SummaryDocument.ContentDisposition(view.Content.Title, view.Summary.VersionNumber);
        return File(SummaryDocument.Build(view), SummaryDocument.MediaType);
    }

    [HttpGet("{id:guid}/edit")]
    [Authorize(Policy = WritePolicy)]
    public async Task<IActionResult> Edit(Guid id, string? blank, CancellationToken cancellationToken)
    {
        var view = await reading.ReadAsync(await AccessAsync(), id, withReferences: false, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        // How many empty sources to offer: one, or more after "Add another source".
        var blanks = int.TryParse(blank, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) ? count : 1;
        return Unchangeable(view) ?? View("Edit", new SummaryEditPage(view, SummaryForm.From(view.Summary, blanks)));
    }

    [HttpPost("{id:guid}/edit")]
    [Authorize(Policy = WritePolicy)]
    public async Task<IActionResult> Edit(Guid id, [FromForm] SummaryForm form, [FromForm] string? action, CancellationToken cancellationToken)
    {
        var access = await AccessAsync();
        var problems = new List<FieldProblem>();
        var content = form.ToContent(problems, out var rows);
        var outcome = await editing.EditAsync(access, id, content, form.Version, problems, cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done when action == "add-source":
                var blanks = form.BlankSources + 1;
                return Redirect($"/summaries/{id}/edit?blank={blanks}#source-{outcome.Value!.Content.Search.Sources.Count + blanks}");
            case OutcomeKind.Done:
                TempData[NoticeKey] = "Your changes have been saved.";
                return Redirect($"/summaries/{id}");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Refused(StatusCodes.Status403Forbidden, "You cannot edit this summary", outcome.Message!, new("Back to the summary", $"/summaries/{id}"));
        }

        foreach (var problem in outcome.Errors.Count > 0 ? outcome.Errors : [new FieldProblem(string.Empty, outcome.Message!)])
        {
            ModelState.AddModelError(SummaryForm.FieldFor(problem.Field, rows), problem.Message);
        }

        var view = await reading.ReadAsync(access, id, withReferences: false, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        // What was typed stays on the page, also when the save was overtaken, so nothing is lost.
        Response.StatusCode = outcome.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return View("Edit", new SummaryEditPage(view, form));
    }

    [HttpGet("{id:guid}/references")]
    public async Task<IActionResult> References(Guid id, CancellationToken cancellationToken)
    {
        var view = await reading.ReadAsync(await AccessAsync(), id, withReferences: true, cancellationToken);
        var report = TempData[ImportKey] is string json ? System.Text.Json.JsonSerializer.Deserialize<ReferenceImportReport>(json) : null;
        return view is null ? NotFound() : View("References", new SummaryReferencesPage(view, TempData[NoticeKey] as string, report));
    }

    /// <summary>
    /// Imports RIS from a file or pasted text. Good records are added even when others are not;
    /// the page after lists what was refused, by record and line. A file that cannot be read at
    /// all comes back as the form's error with nothing added.
    /// </summary>
    [HttpPost("{id:guid}/references/import")]
    [Authorize(Policy = WritePolicy)]
    [RequestSizeLimit(ReferenceTransfer.MaxUploadBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ReferenceTransfer.MaxUploadBytes, ValueLengthLimit = (int)ReferenceTransfer.MaxUploadBytes)]
    public async Task<IActionResult> ImportReferences(Guid id, IFormFile? file, [FromForm] string? ris, CancellationToken cancellationToken)
    {
        var access = await AccessAsync();
        Outcome<SearchSummary> outcome;
        ReferenceImportReport? report = null;
        if (file is null or { Length: 0 } && string.IsNullOrWhiteSpace(ris))
        {
            outcome = Outcome.Invalid<SearchSummary>([new(SummaryEditing.ReferencesField,
                file is { Length: 0 } ? RisReader.EmptyMessage : "Choose a RIS file exported from your citation manager, or paste RIS text")]);
        }
        else
        {
            RisReadResult read;
            if (file is { Length: > 0 })
            {
                await using var stream = file.OpenReadStream();
                read = await RisReader.ReadAsync(stream, cancellationToken);
            }
            else
            {
                read = RisReader.Read(ris!);
            }

            (outcome, report) = await transfer.ImportAsync(access, id, read, cancellationToken);
        }

        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData[ImportKey] = System.Text.Json.JsonSerializer.Serialize(report);
                return Redirect($"/summaries/{id}/references#import-report");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Refused(StatusCodes.Status403Forbidden, "You cannot change these references", outcome.Message!, new("Back to the summary", $"/summaries/{id}"));
        }

        ModelState.AddModelError(SummaryEditing.ReferencesField, outcome.Message!);
        var view = await reading.ReadAsync(access, id, withReferences: true, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        Response.StatusCode = outcome.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return View("References", new SummaryReferencesPage(view, null));
    }

    [HttpGet("{id:guid}/references.ris")]
    public Task<IActionResult> ReferencesAsRis(Guid id, CancellationToken cancellationToken) => DownloadAsync(id, ReferenceTransfer.Ris, cancellationToken);

    [HttpGet("{id:guid}/references.csv")]
    public Task<IActionResult> ReferencesAsCsv(Guid id, CancellationToken cancellationToken) => DownloadAsync(id, ReferenceTransfer.Csv, cancellationToken);

    private async Task<IActionResult> DownloadAsync(Guid id, Func<SummaryView, (byte[] Body, string ContentType, string Disposition)> make, CancellationToken cancellationToken)
    {
        var view = await reading.ReadAsync(await AccessAsync(), id, withReferences: true, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        var (body, contentType, disposition) = make(view);
        Response.Headers.ContentDisposition = disposition;
        return File(body, contentType);
    }

    [HttpPost("{id:guid}/references/remove")]
    [Authorize(Policy = WritePolicy)]
    public async Task<IActionResult> RemoveReferences(Guid id, [FromForm] string[]? remove, [FromForm] int version, CancellationToken cancellationToken)
    {
        var chosen = (remove ?? []).Select(r => Guid.TryParse(r, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var access = await AccessAsync();
        var outcome = await editing.RemoveReferencesAsync(access, id, chosen, version, cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData[NoticeKey] = chosen.Count == 1 ? "1 reference removed." : $"{chosen.Count} references removed.";
                return Redirect($"/summaries/{id}/references");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Refused(StatusCodes.Status403Forbidden, "You cannot change these references", outcome.Message!, new("Back to the summary", $"/summaries/{id}"));
        }

        ModelState.AddModelError(outcome.Errors.Count > 0 ? "Remove" : string.Empty, outcome.Message!);
        var view = await reading.ReadAsync(access, id, withReferences: true, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        Response.StatusCode = outcome.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return View("References", new SummaryReferencesPage(view, null));
    }

    [HttpGet("{id:guid}/references/{referenceId:guid}/note")]
    [Authorize(Policy = WritePolicy)]
    public async Task<IActionResult> Note(Guid id, Guid referenceId, CancellationToken cancellationToken)
    {
        var view = await reading.ReadAsync(await AccessAsync(), id, withReferences: true, cancellationToken);
        var reference = view?.References.FirstOrDefault(r => r.Id == referenceId);
        if (view is null || reference is null)
        {
            return NotFound();
        }

        return Unchangeable(view) ?? View("Note", new SummaryNotePage(view, reference, reference.Note, view.Summary.Version));
    }

    [HttpPost("{id:guid}/references/{referenceId:guid}/note")]
    [Authorize(Policy = WritePolicy)]
    public async Task<IActionResult> Note(Guid id, Guid referenceId, [FromForm] string? note, [FromForm] int version, CancellationToken cancellationToken)
    {
        var access = await AccessAsync();
        var outcome = await editing.EditReferenceNoteAsync(access, id, referenceId, note, version, cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData[NoticeKey] = "The note has been saved.";
                return Redirect($"/summaries/{id}/references#reference-{referenceId}");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Refused(StatusCodes.Status403Forbidden, "You cannot change this note", outcome.Message!, new("Back to the summary", $"/summaries/{id}"));
        }

        ModelState.AddModelError(outcome.Errors.Count > 0 ? "Note" : string.Empty, outcome.Message!);
        var view = await reading.ReadAsync(access, id, withReferences: true, cancellationToken);
        var reference = view?.References.FirstOrDefault(r => r.Id == referenceId);
        if (view is null || reference is null)
        {
            return NotFound();
        }

        Response.StatusCode = outcome.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return View("Note", new SummaryNotePage(view, reference, note, version));
    }

    /// <summary>The refusal page when the person may not change the summary now; null when they may.</summary>
    private ViewResult? Unchangeable(SummaryView view)
    {
        var back = new SummaryLink("Back to the summary", $"/summaries/{view.Summary.Id}");
        if (!view.IsAuthor)
        {
            return Refused(StatusCodes.Status403Forbidden, "You cannot edit this summary", "Only the authors of this summary can change it.", back);
        }

        return view.Summary.State switch
        {
            SummaryState.InReview => Refused(StatusCodes.Status409Conflict, "This summary is with its reviewer",
                "It cannot be changed while it is being reviewed. The reviewer can send it back for changes.", back),
            SummaryState.Final => Refused(StatusCodes.Status409Conflict, "This summary is final",
                "A final summary cannot be changed. Start a re-run to make a new version.", back),
            _ => null,
        };
    }

    private ViewResult Refused(int status, string heading, string message, SummaryLink link)
    {
        Response.StatusCode = status;
        return View("SummaryRefused", new SummaryRefusedPage(heading, message, link));
    }

    private static SummaryLink BackToRequest(Guid requestId) => new("Back to the request", $"/requests/{requestId}");

    private static int Status(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private Task<SummaryAccess> AccessAsync() => reading.AccessAsync(User);
}

public sealed record SummaryLink(string Text, string Href);

public sealed record SummaryRefusedPage(string Heading, string Message, SummaryLink Link);

public sealed record SummaryReadPage(SummaryView View, string? Notice);

/// <summary>The summary's text for its page (abstracts folded away) or for print (everything open).</summary>
public sealed record SummaryBody(SummaryView View, bool ForPrint);

public sealed record SummaryEditPage(SummaryView View, SummaryForm Form);

public sealed record SummaryReferencesPage(SummaryView View, string? Notice, ReferenceImportReport? Import = null);

public sealed record SummaryNotePage(SummaryView View, Reference Reference, string? Note, int Version);
