using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Search;

namespace Portal.Web.Features.Search;

/// <summary>
/// The search page, /search: open to anyone, because every hit is filtered by what the reader may
/// open (<see cref="PortalSearch"/>), so a visitor who has not signed in finds public summaries
/// only. A GET form with links for facets, sort and pages, so it works without JavaScript and every
/// search has an address. Bad input is 400 with the NHS.UK error summary and no search; while this
/// node rebuilds its index the page says so with 503 and Retry-After.
/// </summary>
public sealed class SearchController(PortalSearch search) : Controller
{
    /// <summary>Seconds a reader (or a client) is asked to wait while the index is rebuilt.</summary>
    public const int RetryAfterSeconds = 60;

    private const string Views = "/Features/Search/Views/Search/";

    [AllowAnonymous]
    [HttpGet("/search")]
    public async Task<IActionResult> Index([FromQuery] SearchForm form)
    {
        var asked = form.Read(Request.Query, out var errors);
        if (errors.Count > 0)
        {
            // Only the form's own errors, under the names the page gives its fields ("q"), not the binder's entries.
            ModelState.Clear();
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(field, message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(Views + "Index.cshtml", new SearchPage(form, asked, null));
        }

        if (asked.Text.Length == 0 && asked.Filters.Count == 0)
        {
            return View(Views + "Index.cshtml", new SearchPage(form, asked, null));
        }

        var results = await search.SearchAsync(User, asked.Text, asked.Filters, asked.Sort, asked.Page, asked.PageSize);
        if (results is null)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return View(Views + "Rebuilding.cshtml", new SearchPage(form, asked, null));
        }

        return View(Views + "Index.cshtml", new SearchPage(form, asked, results));
    }
}

/// <summary>The search page: what was asked and, once searched, what was found.</summary>
public sealed record SearchPage(SearchForm Form, SearchAsked Asked, SearchResults? Results)
{
    public bool Searched => Results is not null;
}
