namespace Portal.Search.Tests;

/// <summary>English stemming, stop words, accent folding, possessives and the health synonyms, through real searches.</summary>
public sealed class AnalysisTests : IDisposable
{
    private readonly TestIndex _index = TestIndex.With(
    [
        Docs.Summary("falls", "Falls in care settings", "Residents who fall at night are helped by better lighting."),
        Docs.Summary("prevention", "Preventing pressure ulcers", "Turning schedules and mattresses."),
        Docs.Summary("cafe", "Dementia café model", "A naïve evaluation of memory cafés in Durham."),
        Docs.Summary("possessive", "Children's services in Sunderland", "Sunderland's health visiting offer."),
        Docs.Summary("older", "Loneliness among older people", "Befriending schemes for older people living alone."),
        Docs.Summary("elderly", "Hydration in the elderly", "Fluid intake charts on wards."),
        Docs.Summary("perinatal", "Perinatal mental health pathways", "Specialist community teams."),
        Docs.Summary("maternity", "Maternity continuity of carer", "Midwife-led units."),
        Docs.Summary("gp", "GP access for homeless people", "Registration without proof of address."),
        Docs.Summary("practice", "Workforce in general practice", "Additional roles reimbursement."),
        Docs.Summary("unrelated", "Hospital car parking charges", "Costs to visitors and staff."),
        Docs.Summary("care-homes", "Staffing in care homes", "Agency nurses."),
        Docs.Summary("gps", "Access to GPs out of hours", "Extended hours."),
        Docs.Summary("ed", "Waits in the emergency department", "Four-hour standard."),
    ]);

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("falls", "falls")]
    [InlineData("fall", "falls")]
    [InlineData("falling", "falls")]
    [InlineData("prevention", "prevention")]
    [InlineData("preventing", "prevention")]
    [InlineData("prevent", "prevention")]
    public void English_words_find_their_other_forms(string typed, string expected) =>
        Assert.Contains(expected, _index.Search(typed).Ids());

    [Theory]
    [InlineData("cafe")]
    [InlineData("café")]
    [InlineData("CAFES")]
    [InlineData("naive")]
    [InlineData("naïve")]
    public void Accents_are_folded_both_ways(string typed) =>
        Assert.Equal(["cafe"], _index.Search(typed).Ids());

    [Theory]
    [InlineData("children")]
    [InlineData("sunderland")]
    [InlineData("Sunderland's")]
    public void Possessives_find_the_word_itself(string typed) =>
        Assert.Equal(["possessive"], _index.Search(typed).Ids());

    [Fact]
    public void Stop_words_in_a_query_are_ignored_not_required()
    {
        var results = _index.Search("the falls in a care setting");

        Assert.Equal(["falls"], results.Ids());
        Assert.Equal(QueryNote.None, results.Note);
    }

    [Fact]
    public void Elderly_finds_older_people_and_the_reverse()
    {
        Assert.Equal(["elderly", "older"], _index.Search("elderly").Ids().Order());
        Assert.Equal(["elderly", "older"], _index.Search("\"older people\"").Ids().Order());
        Assert.Equal(["elderly", "older"], _index.Search("older adults").Ids().Order());
    }

    [Fact]
    public void Perinatal_and_maternity_find_each_other()
    {
        Assert.Equal(["maternity", "perinatal"], _index.Search("perinatal").Ids().Order());
        Assert.Equal(["maternity", "perinatal"], _index.Search("maternity").Ids().Order());
    }

    [Fact]
    public void Gp_and_general_practice_find_each_other()
    {
        Assert.Equal(["gp", "gps", "practice"], _index.Search("GP").Ids().Order());
        Assert.Equal(["gp", "gps", "practice"], _index.Search("\"general practice\"").Ids().Order());
    }

    [Fact]
    public void Synonyms_match_other_forms_of_their_words()
    {
        Assert.Equal(["care-homes"], _index.Search("\"nursing home\"").Ids());
        Assert.Equal(["care-homes"], _index.Search("residential care").Ids());
        Assert.Equal(["gp", "gps", "practice"], _index.Search("general practitioners").Ids().Order());
    }

    [Fact]
    public void Synonym_phrases_with_stop_words_in_them_match()
    {
        Assert.Equal(["ed"], _index.Search("\"accident and emergency\"").Ids());
        Assert.Equal(["ed"], _index.Search("accident emergency").Ids());
    }

    [Fact]
    public void Without_synonyms_only_the_words_themselves_match()
    {
        using var plain = TestIndex.With(
            [Docs.Summary("older", "Loneliness among older people"), Docs.Summary("elderly", "Hydration in the elderly")],
            synonyms: SynonymRules.None);

        Assert.Equal(["elderly"], plain.Search("elderly").Ids());
    }
}
