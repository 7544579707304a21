namespace Portal.Search.Tests;

/// <summary>A reader only ever learns of documents they hold one of the access terms of: hits, counts and suggestions.</summary>
public sealed class AccessTests : IDisposable
{
    private static readonly string Librarians = AccessTerms.Permission("ManageRequests");
    private static readonly string Alice = AccessTerms.User("alice");

    private readonly TestIndex _index = TestIndex.With(
    [
        Docs.Summary("public", "Falls prevention for older people", "Strength and balance classes for older people reduce falls in the community.", facets: new() { [Facets.Topic] = ["Falls"] }),
        Docs.Summary("members", "Falls prevention in care homes", "Strength and balance classes for care home residents reduce falls at night.", access: [AccessTerms.Permission("ReadSummaries")], facets: new() { [Facets.Topic] = ["Care homes"] }),
        Docs.Summary("request", "Falls prevention request from Gateshead", "Which strength and balance classes reduce falls in older people at home?", access: [Librarians, Alice], type: "request", facets: new() { [Facets.Topic] = ["Secret topic"] }),
    ]);

    public void Dispose() => _index.Dispose();

    [Fact]
    public void The_public_see_only_public_documents()
    {
        var results = _index.Search("falls", AccessTerms.Public);

        Assert.Equal(["public"], results.Ids());
        Assert.Equal(1, results.Total);
    }

    [Fact]
    public void A_reader_sees_documents_any_of_their_terms_opens()
    {
        Assert.Equal(["members", "public"], _index.Search("falls", AccessTerms.Public, AccessTerms.Permission("ReadSummaries")).Ids().Order());
        Assert.Equal(["public", "request"], _index.Search("falls", AccessTerms.Public, Alice).Ids().Order());
        Assert.Equal(["members", "public", "request"], _index.Search("falls", AccessTerms.Public, AccessTerms.Permission("ReadSummaries"), Librarians).Ids().Order());
    }

    [Fact]
    public void A_reader_with_no_terms_sees_nothing()
    {
        var results = _index.Search(new SearchQuery { Text = "falls", ReaderAccess = [] });

        Assert.Empty(results.Hits);
        Assert.Equal(0, results.Total);
    }

    [Fact]
    public void Facets_count_only_what_the_reader_may_open()
    {
        var results = _index.Search("falls", AccessTerms.Public, AccessTerms.User("bob"));

        var topics = results.Facets.Single(f => f.Facet == Facets.Topic).Values;
        Assert.Equal([new FacetValue("Falls", 1)], topics);
        Assert.Equal([new FacetValue("summary", 1)], results.Facets.Single(f => f.Facet == Facets.Type).Values);
    }

    [Fact]
    public void Narrowing_to_a_facet_value_of_hidden_documents_finds_nothing()
    {
        var results = _index.Search(new SearchQuery { Text = string.Empty, ReaderAccess = [AccessTerms.Public], Filters = new Dictionary<string, string> { [Facets.Topic] = "Secret topic" } });

        Assert.Empty(results.Hits);
        Assert.All(results.Facets, f => Assert.Empty(f.Values));
    }

    [Fact]
    public void Field_syntax_cannot_reach_around_the_access_filter()
    {
        Assert.Equal(["public"], _index.Search("access:\"perm:ManageRequests\" OR falls OR type:request", AccessTerms.Public).Ids());
    }

    [Fact]
    public void Similar_suggests_only_what_the_reader_may_open()
    {
        const string text = "Do strength and balance classes reduce falls in older people living at home?";

        var forPublic = _index.Index.Similar(text, [AccessTerms.Public], ["summary", "request"], 10)!;
        var forAlice = _index.Index.Similar(text, [AccessTerms.Public, Alice], ["summary", "request"], 10)!;

        Assert.Equal(["public"], forPublic.Select(h => h.Id));
        Assert.Equal(["public", "request"], forAlice.Select(h => h.Id).Order());
    }

    [Fact]
    public void Similar_to_a_document_suggests_only_what_the_reader_may_open()
    {
        var hits = _index.Index.SimilarTo(SearchDocument.KeyOf("request", "request"), [AccessTerms.Public], ["summary", "request"], 10)!;

        Assert.Equal(["public"], hits.Select(h => h.Id));
    }
}
