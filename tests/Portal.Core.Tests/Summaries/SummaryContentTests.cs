using Portal.Core.Requests;
using Portal.Core.Summaries;

namespace Portal.Core.Tests.Summaries;

/// <summary>What an author writes on a summary: the checks by field, what "complete" means, tidying, and pasted strategies.</summary>
public class SummaryContentTests
{
    private static SearchSource Medline(int? hits = 312, DateOnly? dateRun = null, IReadOnlyList<string>? strategy = null) =>
        new("MEDLINE", "Ovid", "1946 to February week 4 2026", dateRun ?? new DateOnly(2026, 3, 2), hits,
            strategy ?? ["exp Frail Elderly/", "frail*.ti,ab.", "1 or 2", "exp Exercise/", "3 and 4"], "English language; 2015 to current");

    private static SummaryContent Valid(IReadOnlyList<SearchSource>? sources = null, int? found = 480, int? afterDeduplication = 350, int? selected = 24) =>
        new("Exercise programmes and falls in frail older people",
            "What is the evidence that multicomponent exercise programmes reduce falls in frail older people living at home?",
            new SearchReport(sources ?? [Medline()], new OtherMethods(CitationSearching: "Reference lists of included reviews"), "EndNote, then by hand", found, afterDeduplication, selected),
            "### Summary\n\nMulticomponent exercise reduces the rate of falls.",
            SummaryContent.CaveatNotAppraised,
            "Two reviews at low risk of bias.",
            new DateOnly(2027, 3, 1));

    private static IEnumerable<string> Fields(IEnumerable<FieldError> errors) => errors.Select(e => e.Field);

    [Fact]
    public void A_complete_summary_has_nothing_wrong()
    {
        var content = Valid();

        Assert.Empty(content.Check());
        Assert.Empty(content.CheckComplete());
    }

    [Fact]
    public void A_missing_title_and_question_are_named_by_field()
    {
        var content = Valid() with { Title = "  ", Question = "" };

        var errors = content.Check();

        Assert.Equal(["Title", "Question"], Fields(errors));
        Assert.Equal(["Enter a title", "Enter the question the search answers"], errors.Select(e => e.Message));
    }

    [Fact]
    public void Over_long_text_is_refused_field_by_field_with_its_limit()
    {
        var content = Valid() with
        {
            Title = new string('t', SummaryContent.TitleMaxLength + 1),
            Caveats = new string('c', SummaryContent.TextMaxLength + 1),
            Findings = new string('f', SummaryContent.FindingsMaxLength + 1),
            Search = Valid().Search with { Deduplication = new string('d', SummaryContent.TextMaxLength + 1), OtherMethods = new OtherMethods(Websites: new string('w', SummaryContent.TextMaxLength + 1)) },
        };

        var errors = content.Check();

        Assert.Equal(["Title", "Caveats", "Findings", "Deduplication", "Websites"], Fields(errors));
        Assert.Contains("A title must be 200 characters or fewer", errors.Select(e => e.Message));
        Assert.Contains("Key findings must be 200,000 characters or fewer", errors.Select(e => e.Message));
    }

    [Fact]
    public void Text_at_its_limit_is_accepted()
    {
        var content = Valid() with { Title = new string('t', SummaryContent.TitleMaxLength), Caveats = new string('c', SummaryContent.TextMaxLength) };

        Assert.Empty(content.Check());
    }

    [Theory]
    [InlineData("CC BY 4.0")]
    [InlineData("Open Government Licence v3.0")]
    public void A_licence_from_the_list_is_accepted(string licence) =>
        Assert.Empty((Valid() with { Licence = licence }).Check());

    [Theory]
    [InlineData("")]
    [InlineData("MIT")]
    [InlineData("cc by 4.0")]
    public void A_licence_not_on_the_list_is_refused(string licence)
    {
        var error = Assert.Single((Valid() with { Licence = licence }).Check());

        Assert.Equal(("Licence", "Choose a licence from the list"), (error.Field, error.Message));
    }

    [Fact]
    public void Negative_counts_are_refused()
    {
        var content = Valid(found: -1, afterDeduplication: null, selected: null);

        var error = Assert.Single(content.Check());

        Assert.Equal(("RecordsFound", "Records found must be 0 or more"), (error.Field, error.Message));
    }

    [Fact]
    public void More_records_after_de_duplication_than_found_is_refused()
    {
        var errors = Valid(found: 100, afterDeduplication: 120, selected: 10).Check();

        Assert.Equal(["RecordsAfterDeduplication"], Fields(errors));
    }

    [Fact]
    public void More_records_selected_than_screened_is_refused_whether_or_not_duplicates_were_counted()
    {
        var afterDeduplication = Valid(found: 100, afterDeduplication: 50, selected: 60).Check();
        var onlyFound = Valid(found: 100, afterDeduplication: null, selected: 101).Check();
        var none = Valid(found: null, afterDeduplication: null, selected: 5).Check();

        Assert.Equal(["RecordsSelected"], Fields(afterDeduplication));
        Assert.Equal("Records selected cannot be more than the records screened", Assert.Single(onlyFound).Message);
        Assert.Empty(none);
    }

    [Fact]
    public void More_sources_than_allowed_is_one_error_for_the_sources()
    {
        var sources = Enumerable.Range(0, SummaryContent.MaxSources + 1).Select(_ => Medline(hits: -5)).ToList();

        var error = Assert.Single(Valid(sources).Check());

        Assert.Equal(("Sources", "A summary reports at most 50 sources"), (error.Field, error.Message));
    }

    [Fact]
    public void Problems_of_a_source_are_named_by_its_number_from_one()
    {
        var sources = new[]
        {
            Medline(),
            new SearchSource(" ", new string('i', 201), null, null, -3, [], new string('l', SummaryContent.TextMaxLength + 1)),
        };

        var errors = Valid(sources).Check();

        Assert.Equal(["Sources[2].Database", "Sources[2].Interface", "Sources[2].LimitsAndFilters", "Sources[2].Hits"], Fields(errors));
        Assert.Contains("Enter the name of source 2", errors.Select(e => e.Message));
        Assert.Contains("The hits for source 2 must be 0 or more", errors.Select(e => e.Message));
    }

    [Fact]
    public void A_strategy_too_long_in_lines_or_in_one_line_is_refused()
    {
        var tooManyLines = Enumerable.Range(1, SearchSource.StrategyMaxLines + 1).Select(i => $"term{i}.ti.").ToList();
        var oneLongLine = new[] { new string('x', SearchSource.StrategyLineMaxLength + 1) };

        var lines = Assert.Single(Valid([Medline(strategy: tooManyLines)]).Check());
        var line = Assert.Single(Valid([Medline(strategy: oneLongLine)]).Check());

        Assert.Equal(("Sources[1].Strategy", "The strategy for source 1 must be 200 lines or fewer"), (lines.Field, lines.Message));
        Assert.Equal(("Sources[1].Strategy", "Each line of the strategy for source 1 must be 2000 characters or fewer"), (line.Field, line.Message));
    }

    [Fact]
    public void A_draft_without_sources_dates_strategies_or_findings_passes_the_check_but_is_not_complete()
    {
        var draft = Valid([Medline() with { DateRun = null, Strategy = [] }]) with { Findings = null };
        var noSources = Valid([]);

        Assert.Empty(draft.Check());
        Assert.Equal(["Sources[1].Strategy", "Sources[1].DateRun", "Findings"], Fields(draft.CheckComplete()));
        Assert.Equal(["Sources"], Fields(noSources.CheckComplete()));
    }

    [Fact]
    public void Normalising_trims_text_turns_blanks_into_nothing_and_drops_blank_strategy_lines()
    {
        var content = new SummaryContent(
            "  Title  ", " Question ",
            new SearchReport([new SearchSource(" MEDLINE ", " ", "  1946 to date ", null, 3, ["  a.ti. ", "   ", "b.ab."], "")], new OtherMethods(" ", "  NICE  "), "  "),
            "  ", " Caveat ", "", null, " CC BY 4.0 ");

        var tidy = content.Normalised();

        Assert.Equal(("Title", "Question", null, "Caveat", null, "CC BY 4.0"), (tidy.Title, tidy.Question, tidy.Findings, tidy.Caveats, tidy.AppraisalNotes, tidy.Licence));
        var source = Assert.Single(tidy.Search.Sources);
        Assert.Equal(("MEDLINE", null, "1946 to date", null), (source.Database, source.Interface, source.YearsCovered, source.LimitsAndFilters));
        Assert.Equal(["a.ti.", "b.ab."], source.Strategy);
        Assert.Equal((null, "NICE", null), (tidy.Search.OtherMethods.CitationSearching, tidy.Search.OtherMethods.Websites, tidy.Search.Deduplication));
    }

    [Fact]
    public void A_first_draft_takes_the_requests_question_as_title_and_question_and_says_it_is_not_appraised()
    {
        var request = Requests.In(RequestState.Claimed);

        var content = SummaryContent.ForRequest(request);

        Assert.Equal(request.Details.Question, content.Question);
        Assert.Equal(request.Details.Question, content.Title);
        Assert.Equal(SummaryContent.CaveatNotAppraised, content.Caveats);
        Assert.Equal(SummaryContent.DefaultLicence, content.Licence);
        Assert.Empty(content.Check());
    }

    [Fact]
    public void A_question_longer_than_a_title_is_cut_to_fit_with_an_ellipsis()
    {
        var longQuestion = Requests.Details() with { Question = string.Join(' ', Enumerable.Repeat("frailty", 60)) };
        var request = EvidenceRequest.Draft(Requests.WorkStream(), Requests.Requester, longQuestion, Requests.Now, Requests.Turnaround);

        var content = SummaryContent.ForRequest(request);

        Assert.Equal(SummaryContent.TitleMaxLength, content.Title.Length);
        Assert.EndsWith("…", content.Title, StringComparison.Ordinal);
        Assert.Empty(content.Check());
    }

    [Theory]
    [InlineData("1. exp Frail Elderly/\n2. frail*.ti,ab.\n3. 1 or 2")]
    [InlineData("1 exp Frail Elderly/\r\n2 frail*.ti,ab.\r\n3 1 or 2\r\n")]
    [InlineData("1) exp Frail Elderly/\r2) frail*.ti,ab.\r3) 1 or 2")]
    [InlineData("#1 exp Frail Elderly/\n\n#2\tfrail*.ti,ab.\n\n#3 1 or 2")]
    [InlineData("1     exp Frail Elderly/\n2     frail*.ti,ab.\n3     1 or 2")]
    [InlineData("exp Frail Elderly/\n  frail*.ti,ab.  \n1 or 2")]
    public void Pasted_strategies_lose_their_line_numbers_and_blank_lines_but_keep_references_to_earlier_lines(string pasted) =>
        Assert.Equal(["exp Frail Elderly/", "frail*.ti,ab.", "1 or 2"], SearchSource.StrategyFromText(pasted));

    [Fact]
    public void Text_that_only_starts_with_a_number_is_not_a_line_number()
    {
        var lines = SearchSource.StrategyFromText("12-week.ti.\n2019 guidelines.ti.\n#1 AND #2\n1 or 2 or 3\n5.5 mg.ti.");

        Assert.Equal(["12-week.ti.", "2019 guidelines.ti.", "#1 AND #2", "1 or 2 or 3", "5.5 mg.ti."], lines);
    }

    [Fact]
    public void Line_numbers_with_lines_left_out_of_the_paste_are_still_dropped()
    {
        var lines = SearchSource.StrategyFromText("1. exp Frail Elderly/\n4. exp Exercise/\n5. 1 and 4");

        Assert.Equal(["exp Frail Elderly/", "exp Exercise/", "1 and 4"], lines);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \r\n \n\t")]
    [InlineData("1.\n2.\n")]
    public void Nothing_but_blanks_and_numbers_is_no_strategy(string? pasted) =>
        Assert.Empty(SearchSource.StrategyFromText(pasted));

    [Fact]
    public void The_reported_strategy_is_numbered_from_one()
    {
        var source = Medline(strategy: ["exp Frail Elderly/", "1 and 2"]);

        Assert.Equal(["1. exp Frail Elderly/", "2. 1 and 2"], source.NumberedStrategy);
    }
}
