using Portal.Data;
using Portal.Search;

namespace Portal.Web.Features.Search;

/// <summary>
/// What a content type puts in the search index. Each type that readers can find adds one (events,
/// resources and knowledge notes will add theirs): the worker calls it with the ids its indexing
/// tasks name, and for every document on a rebuild.
/// </summary>
public interface ISearchIndexHandler
{
    /// <summary>The indexing tasks' content type, as the domain events name it (e.g. "SearchSummary").</summary>
    string ContentType { get; }

    /// <summary>The type in the index and in results (e.g. "summary"): the "type" facet.</summary>
    string SearchType { get; }

    /// <summary>
    /// The documents for these ids as they are now — and any others of this type whose document
    /// changes with them (a summary's other versions). An id with no document (gone, or not to be
    /// found, like a draft request) leaves the index.
    /// </summary>
    Task<IReadOnlyList<SearchDocument>> DocumentsAsync(PortalDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Content of other types whose documents show something of these (a work stream's title and
    /// leads are on its requests' and summaries' documents): content type → ids, read again with them.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyCollection<string>>> DependentsAsync(PortalDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Every document of this type, in batches, for a rebuild.</summary>
    IAsyncEnumerable<IReadOnlyList<SearchDocument>> AllAsync(PortalDbContext db, CancellationToken cancellationToken);
}

/// <summary>Keys and shared steps of the handlers.</summary>
public static class SearchTypes
{
    public const string Summary = "summary";
    public const string WorkStream = "workstream";
    public const string Request = "request";
    public const string Segmentation = "segmentation";

    /// <summary>How many items a handler reads from the database at once on a rebuild.</summary>
    public const int RebuildBatch = 250;

    public static string Label(string type) => type switch
    {
        Summary => "Search summaries",
        WorkStream => "Work streams",
        Request => "Evidence requests",
        Segmentation => "Population segmentation",
        _ => type,
    };

    public static IReadOnlyList<Guid> Guids(IEnumerable<string> ids) =>
        ids.Select(id => Guid.TryParse(id, out var guid) ? guid : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();

    public static readonly IReadOnlyDictionary<string, IReadOnlyCollection<string>> NoDependents = new Dictionary<string, IReadOnlyCollection<string>>();
}
