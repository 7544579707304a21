using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Requests;
using Portal.Data;

namespace Portal.Web.Features.Search;

/// <summary>
/// The suggestions on the request form, under the question: a live region the script fills as
/// the lead types, already filled when the form is shown with a question (the button without
/// JavaScript, an edit, a form shown again with errors). Used as
/// <c>@await Component.InvokeAsync("SimilarSummaries", new { question = f.Question, requestId = Model.RequestId })</c>.
/// </summary>
public sealed class SimilarSummariesViewComponent(PortalSearch search, PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? question, Guid? requestId)
    {
        var text = question?.Trim() ?? string.Empty;
        var asked = HttpContext.Items.ContainsKey(SimilarSummaries.CheckedKey);
        var action = requestId is { } id ? $"/requests/{id}/edit/similar" : "/requests/new/similar";
        IReadOnlyList<Portal.Search.SimilarHit>? hits = [];
        if (text.Length > 0)
        {
            var found = await search.SimilarSummariesAsync(HttpContext.User, text.Length > SimilarSummaries.TextMaxLength ? text[..SimilarSummaries.TextMaxLength] : text, SimilarSummaries.DefaultCount * SimilarSummaries.Overfetch);
            hits = found is null ? null : await SimilarSummaries.DeliveredOnlyAsync(db, found, SimilarSummaries.DefaultCount, HttpContext.RequestAborted);
        }

        return View("/Features/Search/Views/Components/SimilarSummaries.cshtml", new SimilarSuggestions(text, hits, asked, action));
    }
}

/// <summary>
/// "Summaries that may already answer this" on a request's page while it waits (draft or
/// submitted), for whoever may see the request; nothing when there are none. Used as
/// <c>@await Component.InvokeAsync("SimilarToRequest", new { request = Model.Request, mayCloseAsAnswered = Model.MayCloseAsAnswered })</c>.
/// </summary>
public sealed class SimilarToRequestViewComponent(PortalSearch search, PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(EvidenceRequest request, bool mayCloseAsAnswered)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.State is not (RequestState.Draft or RequestState.Submitted))
        {
            return Content(string.Empty);
        }

        var found = await search.SimilarSummariesAsync(HttpContext.User, request.Details.Question, SimilarSummaries.DefaultCount * SimilarSummaries.Overfetch);
        var hits = found is null ? [] : await SimilarSummaries.DeliveredOnlyAsync(db, found, SimilarSummaries.DefaultCount, HttpContext.RequestAborted);
        return hits.Count == 0
            ? Content(string.Empty)
            : View("/Features/Search/Views/Components/SimilarToRequest.cshtml", new SimilarToRequest(request.Id, hits, mayCloseAsAnswered && request.State == RequestState.Submitted));
    }
}

/// <summary>
/// "Related summaries" on a summary's page: the delivered summaries the reader may open that are
/// most like it, its own series left out; nothing when there are none. Used as
/// <c>@await Component.InvokeAsync("RelatedSummaries", new { summaryId = s.Id, seriesId = s.SeriesId })</c>.
/// </summary>
public sealed class RelatedSummariesViewComponent(PortalSearch search, PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid summaryId, Guid seriesId)
    {
        var versions = await db.SearchSummaries.AsNoTracking().Where(s => s.SeriesId == seriesId && s.Id != summaryId).Select(s => s.Id).ToListAsync(HttpContext.RequestAborted);
        var found = await search.RelatedSummariesAsync(HttpContext.User, summaryId, versions, SimilarSummaries.DefaultCount * SimilarSummaries.Overfetch);
        var hits = found is null ? [] : await SimilarSummaries.DeliveredOnlyAsync(db, found, SimilarSummaries.DefaultCount, HttpContext.RequestAborted);
        return hits.Count == 0
            ? Content(string.Empty)
            : View("/Features/Search/Views/Components/RelatedSummaries.cshtml", new RelatedSummaryList(hits));
    }
}
