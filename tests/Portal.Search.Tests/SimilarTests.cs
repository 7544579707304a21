namespace Portal.Search.Tests;

/// <summary>More-like-this: the summaries that already answer something close to a request.</summary>
public sealed class SimilarTests : IDisposable
{
    private readonly TestIndex _index = TestIndex.With(
    [
        Docs.Summary("falls", "Exercise programmes to prevent falls in older people", "Group and home-based exercise programmes, strength and balance training and tai chi reduce the rate of falls among older people living in the community. Multifactorial falls risk assessment helps."),
        Docs.Summary("smoking", "Financial incentives for smoking cessation in pregnancy", "Vouchers offered to pregnant smokers increase quit rates at delivery. Carbon monoxide monitoring confirms abstinence."),
        Docs.Summary("parking", "Hospital car parking charges", "Parking charges for visitors and staff at acute hospitals, concessions for carers and blue badge holders."),
        Docs.Summary("diabetes", "Diabetes prevention programme outcomes", "Lifestyle interventions for people with non-diabetic hyperglycaemia: diet, weight loss and physical activity."),
        Docs.Summary("falls-wards", "Preventing falls on hospital wards", "Falls among older inpatients: bed rails, lighting, medication review and strength and balance exercise on the ward."),
        Docs.Summary("falls-workstream", "Falls work stream", "Work stream on falls and exercise for older people.", type: "workstream"),
    ]);

    public void Dispose() => _index.Dispose();

    private List<string> Similar(string text, IReadOnlyCollection<string>? exclude = null) =>
        _index.Index.Similar(text, [AccessTerms.Public], ["summary"], 5, exclude)!.Select(h => h.Id).ToList();

    [Fact]
    public void A_question_finds_the_summaries_about_the_same_subject_and_not_unrelated_ones()
    {
        var ids = Similar("Does strength and balance exercise or tai chi reduce falls in older people living at home?");

        Assert.Equal("falls", ids[0]);
        Assert.Contains("falls-wards", ids);
        Assert.DoesNotContain("smoking", ids);
        Assert.DoesNotContain("parking", ids);
        Assert.DoesNotContain("diabetes", ids);
    }

    [Fact]
    public void Only_the_types_asked_for_are_suggested()
    {
        var hits = _index.Index.Similar("falls exercise older people strength balance", [AccessTerms.Public], ["workstream"], 5)!;

        Assert.Equal(["falls-workstream"], hits.Select(h => h.Id));
        Assert.Equal("/workstream/falls-workstream", hits[0].Url);
        Assert.Equal("Falls work stream", hits[0].Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("falls")]
    [InlineData("the and of a")]
    [InlineData("?? !!")]
    public void Too_little_text_suggests_nothing(string text) =>
        Assert.Empty(Similar(text));

    [Fact]
    public void Excluded_keys_are_not_suggested()
    {
        var ids = Similar("Does strength and balance exercise reduce falls in older people?", [SearchDocument.KeyOf("summary", "falls")]);

        Assert.DoesNotContain("falls", ids);
        Assert.Contains("falls-wards", ids);
    }

    [Fact]
    public void Similar_to_a_document_leaves_out_the_document_itself_and_the_excluded_keys()
    {
        var related = _index.Index.SimilarTo(SearchDocument.KeyOf("summary", "falls"), [AccessTerms.Public], ["summary", "workstream"], 5)!;
        Assert.DoesNotContain("falls", related.Select(h => h.Id));
        Assert.Contains("falls-wards", related.Select(h => h.Id));
        Assert.DoesNotContain("parking", related.Select(h => h.Id));

        var excluding = _index.Index.SimilarTo(SearchDocument.KeyOf("summary", "falls"), [AccessTerms.Public], ["summary", "workstream"], 5, [SearchDocument.KeyOf("summary", "falls-wards")])!;
        Assert.DoesNotContain("falls", excluding.Select(h => h.Id));
        Assert.DoesNotContain("falls-wards", excluding.Select(h => h.Id));
    }

    [Fact]
    public void Similar_to_a_document_that_is_not_indexed_is_empty() =>
        Assert.Empty(_index.Index.SimilarTo(SearchDocument.KeyOf("summary", "missing"), [AccessTerms.Public], ["summary"], 5)!);

    [Fact]
    public void A_very_long_text_is_compared_by_its_start()
    {
        var text = "Strength and balance exercise to reduce falls in older people. " + new string('x', SearchIndex.SimilarTextMaxLength * 2);

        Assert.Equal("falls", Similar(text)[0]);
    }
}
