namespace Portal.Search;

/// <summary>
/// One thing a reader can find, as a content type's index handler describes it. The index stores
/// what a hit shows (title, address, the text snippets are cut from) and who may open it
/// (<see cref="Access"/>): the terms a reader must hold one of, so a search never returns a hit the
/// reader may not open.
/// </summary>
public sealed record SearchDocument
{
    /// <summary>The content type, e.g. "summary", "workstream"; also the "type" facet.</summary>
    public required string Type { get; init; }

    /// <summary>The content's id within its type.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Where a reader opens it: a path within the portal.</summary>
    public required string Url { get; init; }

    /// <summary>The main text: stored, so snippets can be cut from it.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>More text to match but not to show (reference titles, authors, keywords).</summary>
    public string More { get; init; } = string.Empty;

    /// <summary>The date results sort by ("newest first") and the year facet comes from.</summary>
    public DateTimeOffset Date { get; init; }

    /// <summary>Who may open it: <see cref="AccessTerms"/> values; at least one.</summary>
    public required IReadOnlyCollection<string> Access { get; init; }

    /// <summary>Facet values by facet name (<see cref="Facets"/>), each shown as given.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Facets { get; init; } =
        new Dictionary<string, IReadOnlyCollection<string>>();

    public string Key => KeyOf(Type, Id);

    /// <summary>The index's key of an item: its type and id.</summary>
    public static string KeyOf(string type, string id) => SearchFields.KeyOf(type, id);
}

/// <summary>The facets every content type may fill; a search counts each over its hits.</summary>
public static class Facets
{
    public const string Type = "type";
    public const string Topic = "topic";
    public const string System = "system";
    public const string Region = "region";
    public const string WorkStream = "workstream";
    public const string Year = "year";
    public const string EvidenceType = "evidence";

    /// <summary>In the order a search page lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Type, Topic, System, Region, WorkStream, Year, EvidenceType];
}

/// <summary>
/// The terms documents are opened by and readers hold. A reader's terms: <see cref="Public"/>,
/// one per permission they hold, and their own user term.
/// </summary>
public static class AccessTerms
{
    /// <summary>Anyone, signed in or not.</summary>
    public const string Public = "public";

    public static string Permission(string name) => "perm:" + name;

    public static string User(string userId) => "user:" + userId;
}

/// <summary>The Lucene field names, in one place.</summary>
internal static class SearchFields
{
    public const string Key = "key";
    public const string Type = "type";
    public const string Id = "id";
    public const string Title = "title";
    public const string Body = "body";
    public const string More = "more";
    public const string Url = "url";
    public const string Date = "date";
    public const string Access = "access";

    /// <summary>Facet values are indexed (to filter by) under this prefix and kept as doc values (to count) under the facet's name.</summary>
    public static string FacetFilter(string facet) => "f_" + facet;

    public static string KeyOf(string type, string id) => type + ":" + id;

    /// <summary>The fields a typed query searches, titles counting most.</summary>
    public static IReadOnlyDictionary<string, float> Searched { get; } = new Dictionary<string, float>
    {
        [Title] = 3f,
        [Body] = 1f,
        [More] = 0.5f,
    };
}
