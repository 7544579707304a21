using System.Globalization;

namespace Portal.Search.Tests;

/// <summary>Facet counts over the hits, narrowing, newest first, and pages.</summary>
public sealed class FacetAndPagingTests : IDisposable
{
    private readonly TestIndex _index = TestIndex.With(
    [
        Doc("s1", "Falls prevention in care homes", 2021, "summary", topic: ["Falls", "Care homes"], system: "North Tyneside", region: "North East", stream: "Ageing well", evidence: "Systematic review"),
        Doc("s2", "Falls after hip fracture", 2023, "summary", topic: ["Falls"], system: "Gateshead", region: "North East", stream: "Ageing well", evidence: "Cohort study"),
        Doc("s3", "Falls in hospital wards", 2023, "summary", topic: ["Falls", "Hospitals"], system: "Gateshead", region: "North East", stream: "Urgent care", evidence: "Systematic review"),
        Doc("w1", "Falls work stream", 2024, "workstream", topic: ["Falls"], system: "Cumbria", region: "North West", stream: "Ageing well", evidence: null),
        Doc("s4", "Diabetes prevention", 2022, "summary", topic: ["Diabetes"], system: "Gateshead", region: "North East", stream: "Prevention", evidence: "Randomised trial"),
    ]);

    public void Dispose() => _index.Dispose();

    private static SearchDocument Doc(string id, string title, int year, string type, string[] topic, string system, string region, string stream, string? evidence)
    {
        var facets = new Dictionary<string, IReadOnlyCollection<string>>
        {
            [Facets.Topic] = topic,
            [Facets.System] = [system],
            [Facets.Region] = [region],
            [Facets.WorkStream] = [stream],
        };
        if (evidence is not null)
        {
            facets[Facets.EvidenceType] = [evidence];
        }

        return Docs.Summary(id, title, "Body of " + title, date: new DateTimeOffset(year, 3, 1, 9, 0, 0, TimeSpan.Zero), type: type, facets: facets);
    }

    private static IReadOnlyList<FacetValue> Counts(SearchResults results, string facet) =>
        results.Facets.Single(f => f.Facet == facet).Values;

    [Fact]
    public void Every_facet_is_counted_over_the_hits_not_the_whole_index()
    {
        var results = _index.Search("falls");

        Assert.Equal(Facets.All, results.Facets.Select(f => f.Facet));
        Assert.Equal([new("summary", 3), new("workstream", 1)], Counts(results, Facets.Type));
        Assert.Equal([new("Falls", 4), new("Care homes", 1), new("Hospitals", 1)], Counts(results, Facets.Topic));
        Assert.Equal([new("Gateshead", 2), new("Cumbria", 1), new("North Tyneside", 1)], Counts(results, Facets.System));
        Assert.Equal([new("North East", 3), new("North West", 1)], Counts(results, Facets.Region));
        Assert.Equal([new("Ageing well", 3), new("Urgent care", 1)], Counts(results, Facets.WorkStream));
        Assert.Equal([new("2023", 2), new("2021", 1), new("2024", 1)], Counts(results, Facets.Year));
        Assert.Equal([new("Systematic review", 2), new("Cohort study", 1)], Counts(results, Facets.EvidenceType));
    }

    [Fact]
    public void Narrowing_by_a_facet_value_keeps_only_its_hits_and_recounts()
    {
        var results = _index.Search(new SearchQuery { Text = "falls", ReaderAccess = [AccessTerms.Public], Filters = new Dictionary<string, string> { [Facets.System] = "Gateshead" } });

        Assert.Equal(["s2", "s3"], results.Ids().Order());
        Assert.Equal([new("Gateshead", 2)], Counts(results, Facets.System));
        Assert.Equal([new("Cohort study", 1), new("Systematic review", 1)], Counts(results, Facets.EvidenceType));
    }

    [Fact]
    public void Narrowing_by_two_facets_needs_both()
    {
        var results = _index.Search(new SearchQuery
        {
            Text = "falls",
            ReaderAccess = [AccessTerms.Public],
            Filters = new Dictionary<string, string> { [Facets.Year] = "2023", [Facets.EvidenceType] = "Systematic review" },
        });

        Assert.Equal(["s3"], results.Ids());
    }

    [Fact]
    public void Nothing_typed_with_a_facet_lists_everything_within_it()
    {
        var results = _index.Search(new SearchQuery { ReaderAccess = [AccessTerms.Public], Filters = new Dictionary<string, string> { [Facets.Type] = "summary" }, Sort = SearchSort.Newest });

        Assert.Equal(QueryNote.None, results.Note);
        Assert.Equal(["s2", "s3", "s4", "s1"], results.Ids().Take(2).Order().Concat(results.Ids().Skip(2)));
        Assert.Equal(4, results.Total);
        Assert.All(results.Hits, h => Assert.DoesNotContain(h.Title.Parts, p => p.Match));
    }

    [Fact]
    public void Newest_first_sorts_by_date()
    {
        var results = _index.Search(new SearchQuery { Text = "falls", ReaderAccess = [AccessTerms.Public], Sort = SearchSort.Newest });

        Assert.Equal("w1", results.Ids()[0]);
        Assert.Equal("s1", results.Ids()[^1]);
        Assert.Equal(results.Hits.Select(h => h.Date).OrderDescending(), results.Hits.Select(h => h.Date));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero), results.Hits[0].Date);
    }

    [Fact]
    public void A_facet_value_nobody_has_finds_nothing()
    {
        var results = _index.Search(new SearchQuery { Text = "falls", ReaderAccess = [AccessTerms.Public], Filters = new Dictionary<string, string> { [Facets.Topic] = "falls" } });

        Assert.Empty(results.Hits);
    }
}

public sealed class PagingTests : IDisposable
{
    private readonly TestIndex _index = TestIndex.With(Enumerable.Range(1, 25).Select(i => Docs.Summary(
        i.ToString("00", CultureInfo.InvariantCulture),
        "Falls summary " + i.ToString(CultureInfo.InvariantCulture),
        "Falls",
        date: new DateTimeOffset(2000 + i, 1, 1, 0, 0, 0, TimeSpan.Zero))));

    public void Dispose() => _index.Dispose();

    private SearchResults Page(int page, int pageSize = 10) =>
        _index.Search(new SearchQuery { Text = "falls", ReaderAccess = [AccessTerms.Public], Sort = SearchSort.Newest, Page = page, PageSize = pageSize });

    [Fact]
    public void Pages_follow_on_without_repeats()
    {
        var pages = new[] { Page(1), Page(2), Page(3) };

        Assert.All(pages, p => Assert.Equal(25, p.Total));
        Assert.All(pages, p => Assert.Equal(3, p.PageCount));
        Assert.Equal([10, 10, 5], pages.Select(p => p.Hits.Count));
        Assert.Equal(Enumerable.Range(1, 25).Reverse().Select(i => i.ToString("00", CultureInfo.InvariantCulture)), pages.SelectMany(p => p.Ids()));
        Assert.Equal(2, pages[1].Page);
    }

    [Fact]
    public void A_page_past_the_end_is_empty_but_counts_the_total()
    {
        var results = Page(4);

        Assert.Empty(results.Hits);
        Assert.Equal(25, results.Total);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(int.MaxValue, SearchQuery.MaxPage)]
    public void Page_numbers_out_of_range_are_brought_within_it(int asked, int used) =>
        Assert.Equal(used, Page(asked).Page);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1000, SearchQuery.MaxPageSize)]
    public void Page_sizes_out_of_range_are_brought_within_it(int asked, int used)
    {
        var results = Page(1, asked);

        Assert.Equal(used, results.PageSize);
        Assert.Equal(Math.Min(used, 25), results.Hits.Count);
    }

    [Fact]
    public void The_page_count_is_capped()
    {
        var results = Page(1, 1) with { Total = 100_000 };

        Assert.Equal(SearchQuery.MaxPage, results.PageCount);
        Assert.Equal(25, Page(1, 1).PageCount);
    }
}
