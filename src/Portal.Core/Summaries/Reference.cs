namespace Portal.Core.Summaries;

/// <summary>A RIS tag the portal has no field for, kept so that an export gives it back.</summary>
public sealed record ExtraTag(string Tag, string Value);

/// <summary>
/// One item the librarian found: the bibliographic record as a citation manager holds it, the
/// librarian's note and the database it came from. Imported from RIS, exported as RIS or CSV.
/// </summary>
public sealed class Reference
{
    public const int TitleMaxLength = 2000;
    public const int ShortMaxLength = 500;
    public const int AbstractMaxLength = 20000;
    public const int NoteMaxLength = 4000;

    /// <summary>RIS types are short codes (JOUR, CPAPER, MANSCPT); anything longer is not one.</summary>
    public const int TypeMaxLength = 20;

    public const int PmidMaxLength = 50;

    /// <summary>Links from Ovid and EBSCO carry long query strings, so a URL may be as long as a title.</summary>
    public const int UrlMaxLength = TitleMaxLength;

    /// <summary>The longest value an extra tag keeps (author addresses run long).</summary>
    public const int ExtraTagMaxLength = NoteMaxLength;

    /// <summary>Names of databases whose abstracts may be shown beyond the requester; all others are treated as licensed.</summary>
    public static IReadOnlySet<string> OpenAbstractSources { get; } =
        new HashSet<string>(["PubMed", "Europe PMC"], StringComparer.OrdinalIgnoreCase);

    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid SummaryId { get; set; }

    /// <summary>Order in the summary's list, from 1.</summary>
    public int Position { get; set; }

    /// <summary>The RIS type as given (JOUR, BOOK, CHAP, RPRT, ELEC, GEN…).</summary>
    public string Type { get; init; } = "GEN";

    /// <summary>Authors as written, "Surname, Given" usually, in order.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    public string Title { get; init; } = string.Empty;

    /// <summary>The journal, book or website it appeared in.</summary>
    public string? Source { get; init; }

    public int? Year { get; init; }

    public string? Volume { get; init; }

    public string? Issue { get; init; }

    /// <summary>Pages as "start-end" or a single page or article number.</summary>
    public string? Pages { get; init; }

    /// <summary>The DOI alone (10.xxxx/…), without a resolver prefix.</summary>
    public string? Doi { get; init; }

    public string? Pmid { get; init; }

    public string? Url { get; init; }

    public string? Abstract { get; init; }

    /// <summary>What the librarian says about it (relevance, design, caveats).</summary>
    public string? Note { get; init; }

    /// <summary>The database or platform it was found in (Medline via Ovid, CINAHL via EBSCOhost, PubMed…).</summary>
    public string? Database { get; init; }

    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Tags with no field here, in the order read.</summary>
    public IReadOnlyList<ExtraTag> OtherTags { get; init; } = [];

    /// <summary>Where the full text is: the DOI resolver when there is a DOI, else the URL given.</summary>
    /// <remarks>Only a web address is offered as a link: a URL typed or imported as <c>javascript:</c> or a file path is not.</remarks>
    public string? FullTextUrl => Doi is { Length: > 0 } doi ? "https://doi.org/" + doi : IsWebAddress(Url) ? Url : null;

    /// <summary>
    /// Abstracts from licensed databases are for the requester only; nothing published beyond them
    /// shows one unless it came from an open source.
    /// </summary>
    public bool AbstractIsLicensed => Database is null || !OpenAbstractSources.Contains(Database.Trim());

    /// <summary>True for an absolute http or https address, the only links a reference may carry.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>
    /// The same record for another summary (a re-run's copy, with a new id), or without its
    /// abstract for a reader who may not see licensed abstracts.
    /// </summary>
    public Reference Copy(Guid? summaryId = null, bool withAbstract = true) => new()
    {
        Id = summaryId is null ? Id : Guid.NewGuid(),
        SummaryId = summaryId ?? SummaryId,
        Position = Position,
        Type = Type,
        Authors = Authors,
        Title = Title,
        Source = Source,
        Year = Year,
        Volume = Volume,
        Issue = Issue,
        Pages = Pages,
        Doi = Doi,
        Pmid = Pmid,
        Url = Url,
        Abstract = withAbstract ? Abstract : null,
        Note = Note,
        Database = Database,
        Keywords = Keywords,
        OtherTags = OtherTags,
    };
}
