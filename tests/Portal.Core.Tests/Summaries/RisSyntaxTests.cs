using System.Text;
using Portal.Core.Summaries;
using Portal.Core.Summaries.Ris;

namespace Portal.Core.Tests.Summaries;

/// <summary>How lines, tags and values are read: line ends, encodings, the tags' variants and which tag fills which field.</summary>
public class RisSyntaxTests
{
    private static Reference One(string body)
    {
        var result = RisReader.Read("TY  - JOUR\n" + body + "ER  - \n");
        Assert.Empty(result.Rejected);
        return Assert.Single(result.References);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void CR_LF_LF_and_a_lone_CR_all_end_lines(string lineEnd)
    {
        var crlf = RisFiles.Read("ovid-medline.ris");
        var text = Encoding.UTF8.GetString(RisFiles.Bytes("ovid-medline.ris")).Replace("\r\n", lineEnd, StringComparison.Ordinal);

        var result = RisReader.Read(text);

        Assert.Equal(crlf.References.Count, result.References.Count);
        for (var i = 0; i < crlf.References.Count; i++)
        {
            RisFiles.AssertSameFields(crlf.References[i], result.References[i]);
        }
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_at_the_start_and_where_two_exports_were_joined()
    {
        var one = "\uFEFFTY  - JOUR\r\nTI  - First\r\nER  - \r\n";
        var two = "\uFEFFTY  - BOOK\r\nTI  - Second\r\nER  - \r\n";

        var result = RisReader.Read(one + two);

        Assert.Equal(["First", "Second"], result.References.Select(r => r.Title));
        Assert.Equal(["JOUR", "BOOK"], result.References.Select(r => r.Type));
    }

    [Fact]
    public void UTF_16_with_a_byte_order_mark_and_Windows_1252_bytes_are_decoded()
    {
        const string text = "TY  - JOUR\r\nAU  - Sørensen, Mette\r\nTI  - ‘Care navigation’ – a review\r\nER  - \r\n";
        var utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

        var fromUtf16 = RisReader.Read([.. utf16.GetPreamble(), .. utf16.GetBytes(text)]);
        var fromAnsi = RisReader.Read(windows1252.GetBytes(text));

        foreach (var result in new[] { fromUtf16, fromAnsi })
        {
            var reference = Assert.Single(result.References);
            Assert.Equal(["Sørensen, Mette"], reference.Authors);
            Assert.Equal("‘Care navigation’ – a review", reference.Title);
        }
    }

    [Theory]
    [InlineData("TY  - JOUR\nTI  - Standard\nER  - \n")]
    [InlineData("TY  - JOUR  \nTI  - Standard   \nER  -   \n")]
    [InlineData("TY  - JOUR\nTI  - Standard\nER  -\n")]
    [InlineData("TY - JOUR\nTI - Standard\nER - \n")]
    [InlineData("TY  - JOUR\nTI  - Standard\nER\n")]
    [InlineData("TY  - JOUR\nTI  - Standard\nER  - ")]
    [InlineData("TY  - JOUR\nTI  -\tStandard\nER  - \n")]
    [InlineData("\n\nTY  - JOUR\nTI  - Standard\nER  - \n\n\n")]
    public void The_tag_line_variants_exporters_write_are_read_alike(string text)
    {
        var result = RisReader.Read(text);

        var reference = Assert.Single(result.References);
        Assert.Equal(("JOUR", "Standard"), (reference.Type, reference.Title));
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void A_line_without_a_tag_continues_the_value_before_it_with_a_space_in_a_title_and_a_line_break_in_an_abstract()
    {
        var reference = One("TI  - Community health workers and self-management of\n   type 2 diabetes: a trial\nAB  - First line.\nSecond line.\n\nNew paragraph.\nAU  - Mwangi, G\n");

        Assert.Equal("Community health workers and self-management of type 2 diabetes: a trial", reference.Title);
        Assert.Equal("First line.\nSecond line.\n\nNew paragraph.", reference.Abstract);
    }

    [Fact]
    public void Text_that_nearly_looks_like_a_tag_is_a_continuation()
    {
        var reference = One("TI  - A title\nAB  - Results\nOR  -0.5 (odds ratio, lower bound)\nab  - lowercase is text\n");

        Assert.Equal("Results\nOR  -0.5 (odds ratio, lower bound)\nab  - lowercase is text", reference.Abstract);
    }

    [Fact]
    public void AU_and_A1_are_the_authors_in_order_and_editors_series_editors_and_translators_stay_as_their_own_tags()
    {
        var reference = One("TI  - Chapter\nA1  - First, A\nAU  - Second, B\nA2  - Editor, C\nA1  - Third, D\nA3  - Series, E\nA4  - Translator, F\nED  - Editor, G\n");

        Assert.Equal(["First, A", "Second, B", "Third, D"], reference.Authors);
        Assert.Equal(
            [new ExtraTag("A2", "Editor, C"), new ExtraTag("A3", "Series, E"), new ExtraTag("A4", "Translator, F"), new ExtraTag("ED", "Editor, G")],
            reference.OtherTags);
    }

    [Theory]
    [InlineData("JOUR")]
    [InlineData("JFULL")]
    [InlineData("ABST")]
    [InlineData("BOOK")]
    [InlineData("CHAP")]
    [InlineData("RPRT")]
    [InlineData("THES")]
    [InlineData("CONF")]
    [InlineData("CPAPER")]
    [InlineData("ELEC")]
    [InlineData("GEN")]
    [InlineData("MANSCPT")]
    [InlineData("PODCAST")]
    public void Every_type_is_kept_as_given_including_ones_the_portal_does_not_know(string type)
    {
        var result = RisReader.Read($"TY  - {type}\nTI  - T\nER  - \n");

        Assert.Equal(type, Assert.Single(result.References).Type);
    }

    [Theory]
    [InlineData("jour", "JOUR")]
    [InlineData("", "GEN")]
    public void A_lower_case_or_empty_type_is_read_as_the_RIS_code(string given, string expected)
    {
        Assert.Equal(expected, Assert.Single(RisReader.Read($"TY  - {given}\nTI  - T\nER  - \n").References).Type);
    }

    [Fact]
    public void T1_is_the_title_when_there_is_no_TI_and_a_second_different_title_is_kept()
    {
        Assert.Equal("Old style", One("T1  - Old style\n").Title);

        var both = One("TI  - Primary\nT1  - Primary\nT1  - Alternative\n");
        Assert.Equal("Primary", both.Title);
        Assert.Equal([new ExtraTag("T1", "Alternative")], both.OtherTags);
    }

    [Theory]
    [InlineData("JA  - BMJ Open Diab Res\nJF  - BMJ Open Diabetes Research & Care\n", "BMJ Open Diabetes Research & Care", "JA")]
    [InlineData("J2  - Lancet\nT2  - The Lancet\n", "The Lancet", "J2")]
    [InlineData("JA  - Age Ageing\nJO  - Age and Ageing\n", "Age and Ageing", "JA")]
    [InlineData("J2  - Age Ageing\n", "Age Ageing", null)]
    public void The_full_journal_name_is_preferred_to_an_abbreviation_which_is_kept(string lines, string source, string? keptTag)
    {
        var reference = One("TI  - T\n" + lines);

        Assert.Equal(source, reference.Source);
        Assert.Equal(keptTag is null ? Array.Empty<string>() : new[] { keptTag }, RisFiles.Tags(reference));
    }

    [Theory]
    [InlineData("PY  - 2019\n", 2019, new string[0])]
    [InlineData("PY  - 2019///\n", 2019, new string[0])]
    [InlineData("Y1  - 2018/05/01/\n", 2018, new[] { "Y1" })]
    [InlineData("DA  - Spring 2017\n", 2017, new[] { "DA" })]
    [InlineData("DA  - 2016/03/01\nPY  - 2015\n", 2015, new[] { "DA" })]
    [InlineData("PY  - in press\nY1  - 2024\n", 2024, new[] { "PY" })]
    [InlineData("DA  - Mar 14\n", null, new[] { "DA" })]
    public void The_year_comes_from_PY_then_Y1_then_DA_and_fuller_dates_are_kept(string lines, int? year, string[] kept)
    {
        var reference = One("TI  - T\n" + lines);

        Assert.Equal(year, reference.Year);
        Assert.Equal(kept, RisFiles.Tags(reference));
    }

    [Theory]
    [InlineData("SP  - 45\nEP  - 52\n", "45-52", new string[0])]
    [InlineData("SP  - 45-52\n", "45-52", new string[0])]
    [InlineData("SP  - 45-52\nEP  - 52\n", "45-52", new string[0])]
    [InlineData("SP  - 45-52\nEP  - 8\n", "45-52", new[] { "EP" })]
    [InlineData("SP  - 45\nEP  - 45\n", "45", new string[0])]
    [InlineData("EP  - 52\n", "52", new string[0])]
    [InlineData("SP  - e048321\n", "e048321", new string[0])]
    public void Start_and_end_pages_make_the_pages(string lines, string pages, string[] kept)
    {
        var reference = One("TI  - T\n" + lines);

        Assert.Equal(pages, reference.Pages);
        Assert.Equal(kept, RisFiles.Tags(reference));
    }

    [Theory]
    [InlineData("10.1136/bmj.l6890")]
    [InlineData("https://doi.org/10.1136/bmj.l6890")]
    [InlineData("http://dx.doi.org/10.1136/bmj.l6890")]
    [InlineData("https://dx.doi.org/10.1136/bmj.l6890")]
    [InlineData("doi:10.1136/bmj.l6890")]
    [InlineData("DOI: 10.1136/bmj.l6890")]
    [InlineData("10.1136/bmj.l6890 [doi]")]
    public void A_DOI_is_kept_without_its_resolver_or_label(string given)
    {
        var reference = One($"TI  - T\nDO  - {given}\n");

        Assert.Equal("10.1136/bmj.l6890", reference.Doi);
        Assert.Equal("https://doi.org/10.1136/bmj.l6890", reference.FullTextUrl);
    }

    [Theory]
    [InlineData("DB  - PubMed\nAN  - 31532245\n", "31532245", new string[0])]
    [InlineData("DP  - NLM\nAN  - 31532245\n", "31532245", new string[0])]
    [InlineData("AN  - 31532245\nDB  - MEDLINE\n", "31532245", new string[0])]
    [InlineData("DB  - Scopus\nAN  - 85012345678\n", null, new[] { "AN" })]
    [InlineData("AN  - 31532245\n", null, new[] { "AN" })]
    [InlineData("AN  - PMID: 31532245\n", "31532245", new string[0])]
    [InlineData("U2  - PMID: 31532245.\n", "31532245", new string[0])]
    [InlineData("C1  - pmid 31532245\n", "31532245", new string[0])]
    [InlineData("M2  - PMID: 31532245\nPMCID: PMC6812345\n", "31532245", new[] { "M2" })]
    [InlineData("N1  - PMID: 31532245\n", null, new string[0])]
    public void The_PMID_comes_from_a_PubMed_accession_number_or_a_PMID_line(string lines, string? pmid, string[] kept)
    {
        var reference = One("TI  - T\n" + lines);

        Assert.Equal(pmid, reference.Pmid);
        Assert.Equal(kept, RisFiles.Tags(reference));
    }

    [Theory]
    [InlineData("DB  - Ovid MEDLINE(R) ALL\n", "Ovid MEDLINE(R) ALL")]
    [InlineData("DP  - PubMed\n", "PubMed")]
    [InlineData("DP  - NLM\n", "PubMed")]
    [InlineData("DB  - rzh\nDP  - EBSCOhost\n", "CINAHL Plus with Full Text via EBSCOhost")]
    [InlineData("DB  - Embase\nDP  - Ovid Technologies\n", "Embase via Ovid Technologies")]
    [InlineData("DB  - PubMed\nDP  - NLM\n", "PubMed")]
    [InlineData("DB  - Scopus\nDB  - Scopus again\n", "Scopus")]
    public void The_database_is_named_from_DB_and_DP(string lines, string database)
    {
        var reference = One("TI  - T\n" + lines);

        Assert.Equal(database, reference.Database);
        Assert.Empty(reference.OtherTags);
    }

    [Fact]
    public void Notes_are_joined_and_an_abstract_repeated_in_N2_is_read_once()
    {
        var reference = One("TI  - T\nN1  - First note\nAB  - The abstract.\nN2  - The abstract.\nN1  - Second note\n");

        Assert.Equal("First note\n\nSecond note", reference.Note);
        Assert.Equal("The abstract.", reference.Abstract);
        Assert.Empty(reference.OtherTags);
    }

    [Fact]
    public void Unknown_tags_are_kept_in_the_order_read()
    {
        var reference = One("ZZ  - first\nTI  - T\nSN  - 0959-8138\nX1  - custom\nCY  - London\nZZ  - second\n");

        Assert.Equal(
            [new ExtraTag("ZZ", "first"), new ExtraTag("SN", "0959-8138"), new ExtraTag("X1", "custom"), new ExtraTag("CY", "London"), new ExtraTag("ZZ", "second")],
            reference.OtherTags);
    }

    [Fact]
    public void Control_characters_and_tabs_in_values_are_cleaned()
    {
        var reference = One("TI  - Falls\tprevention\u0001 in care homes\u001A\n");

        Assert.Equal("Falls prevention in care homes", reference.Title);
    }
}
