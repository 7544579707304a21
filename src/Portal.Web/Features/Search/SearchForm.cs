using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Search;

namespace Portal.Web.Features.Search;

/// <summary>
/// What a reader may ask of a search, on the page (/search) and the API alike: the words, one value
/// per facet, the sort, the page and its size. Everything arrives as text so that a value that is
/// not a number or not a sort is refused with a clear message (400), never a binding failure.
/// Parameters that are none of these are ignored. Each is named as the address names it, for the
/// API's OpenAPI document too.
/// </summary>
public sealed class SearchForm
{
    /// <summary>Longest facet value taken: no facet value the portal writes comes near it.</summary>
    public const int MaxFacetValueLength = 200;

    public const int DefaultPageSize = 10;

    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "type")]
    public string? Type { get; set; }

    [FromQuery(Name = "topic")]
    public string? Topic { get; set; }

    [FromQuery(Name = "system")]
    public string? System { get; set; }

    [FromQuery(Name = "region")]
    public string? Region { get; set; }

    [FromQuery(Name = "workstream")]
    public string? WorkStream { get; set; }

    [FromQuery(Name = "year")]
    public string? Year { get; set; }

    [FromQuery(Name = "evidence")]
    public string? Evidence { get; set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "page")]
    public string? Page { get; set; }

    [FromQuery(Name = "pageSize")]
    public string? PageSize { get; set; }

    /// <summary>The facet values asked for, by facet name (<see cref="Facets"/>), blanks left out.</summary>
    public IReadOnlyDictionary<string, string> Filters
    {
        get
        {
            var filters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var facet in Facets.All)
            {
                if (ValueOf(facet) is { } value && !string.IsNullOrWhiteSpace(value))
                {
                    filters[facet] = value.Trim();
                }
            }

            return filters;
        }
    }

    /// <summary>The form's value for a facet; also the name of its query parameter.</summary>
    public string? ValueOf(string facet) => facet switch
    {
        Facets.Type => Type,
        Facets.Topic => Topic,
        Facets.System => System,
        Facets.Region => Region,
        Facets.WorkStream => WorkStream,
        Facets.Year => Year,
        Facets.EvidenceType => Evidence,
        _ => null,
    };

    /// <summary>
    /// Checks the form (and the raw query, for parameters given twice) and reads it as a search.
    /// Errors are by parameter name, each a sentence to show the reader.
    /// </summary>
    public SearchAsked Read(IQueryCollection query, out Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = Q?.Trim() ?? string.Empty;
        if (text.Length > SearchQuery.MaxTextLength)
        {
            errors["q"] = $"Search words must be {SearchQuery.MaxTextLength} characters or fewer";
        }

        foreach (var facet in Facets.All)
        {
            var name = facet;
            var value = ValueOf(facet);
            if (query.TryGetValue(name, out var given) && given.Count > 1)
            {
                errors[name] = $"Choose one {FacetLabels.Singular(facet)} at a time";
            }
            else if (value is not null && (value.Length > MaxFacetValueLength || value.Any(char.IsControl)))
            {
                errors[name] = $"That {FacetLabels.Singular(facet)} is not one to narrow by";
            }
        }

        if (Year is { } year && !string.IsNullOrWhiteSpace(year)
            && !(year.Trim().Length == 4 && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            errors["year"] = "Year must be a year such as 2024";
        }

        var sort = SearchSort.Relevance;
        if (!string.IsNullOrWhiteSpace(Sort))
        {
            if (SortOf(Sort.Trim()) is { } parsed)
            {
                sort = parsed;
            }
            else
            {
                errors["sort"] = "Sort must be relevance or newest";
            }
        }

        var page = Number(Page, 1, SearchQuery.MaxPage, "page", $"Page must be a whole number from 1 to {SearchQuery.MaxPage}", errors);
        var pageSize = Number(PageSize, DefaultPageSize, SearchQuery.MaxPageSize, "pageSize", $"Page size must be a whole number from 1 to {SearchQuery.MaxPageSize}", errors);
        foreach (var name in new[] { "q", "sort", "page", "pageSize" })
        {
            if (query.TryGetValue(name, out var given) && given.Count > 1)
            {
                errors[name] = $"Give {name} once";
            }
        }

        return new SearchAsked(text, Filters, sort, page, pageSize);
    }

    /// <summary>The address of this search with some values changed (null removes one); page 1 unless given.</summary>
    public string Link(IReadOnlyDictionary<string, string?> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var values = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            var changed = changes.TryGetValue(name, out var change) ? change : value;
            if (!string.IsNullOrWhiteSpace(changed))
            {
                values.Add(new(name, changed));
            }
        }

        Add("q", Q);
        foreach (var facet in Facets.All)
        {
            Add(facet, ValueOf(facet));
        }

        Add("sort", Sort);
        // A new search, facet or sort starts again at page 1.
        Add("page", null);
        Add("pageSize", PageSize);
        return QueryHelpers.AddQueryString("/search", values);
    }

    public static string SortName(SearchSort sort) => sort == SearchSort.Newest ? "newest" : "relevance";

    private static SearchSort? SortOf(string value) => value.ToLowerInvariant() switch
    {
        "relevance" => SearchSort.Relevance,
        "newest" => SearchSort.Newest,
        _ => null,
    };

    private static int Number(string? value, int empty, int max, string name, string message, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return empty;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
        {
            return number;
        }

        errors[name] = message;
        return empty;
    }
}

/// <summary>A search as read from a valid <see cref="SearchForm"/>.</summary>
public sealed record SearchAsked(string Text, IReadOnlyDictionary<string, string> Filters, SearchSort Sort, int Page, int PageSize);

/// <summary>How the page names each facet.</summary>
public static class FacetLabels
{
    public static string Heading(string facet) => facet switch
    {
        Facets.Type => "Type",
        Facets.Topic => "Topic",
        Facets.System => "System",
        Facets.Region => "Region",
        Facets.WorkStream => "Work stream",
        Facets.Year => "Year",
        Facets.EvidenceType => "Evidence type",
        _ => facet,
    };

    public static string Singular(string facet) => facet switch
    {
        Facets.WorkStream => "work stream",
        Facets.EvidenceType => "evidence type",
        _ => Heading(facet).ToLowerInvariant(),
    };

    /// <summary>A facet value as the reader reads it: content types by their label, the rest as indexed.</summary>
    public static string Value(string facet, string value) => facet == Facets.Type ? SearchTypes.Label(value) : value;
}
