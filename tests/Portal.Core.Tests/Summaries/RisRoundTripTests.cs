using Portal.Core.Summaries;
using Portal.Core.Summaries.Ris;

namespace Portal.Core.Tests.Summaries;

/// <summary>Writing RIS and reading it back gives the same fields, extra tags included.</summary>
public class RisRoundTripTests
{
    [Theory]
    [InlineData("ovid-medline.ris")]
    [InlineData("ebsco-cinahl.ris")]
    [InlineData("endnote.ris")]
    [InlineData("zotero.ris")]
    [InlineData("mendeley.ris")]
    public void Every_exporters_records_read_written_and_read_again_are_the_same(string file)
    {
        var imported = RisFiles.Read(file).References;

        var again = RisReader.Read(RisWriter.Write(imported));

        Assert.Empty(again.Rejected);
        Assert.Empty(again.Warnings);
        Assert.Equal(imported.Count, again.References.Count);
        for (var i = 0; i < imported.Count; i++)
        {
            RisFiles.AssertSameFields(imported[i], again.References[i]);
        }
    }

    [Fact]
    public void A_reference_with_every_field_paragraphs_and_lines_that_look_like_tags_comes_back_the_same()
    {
        var reference = new Reference
        {
            Type = "JOUR",
            Authors = ["Hartley, Joanna", "O'Driscoll, Áine", "Nguyen, T. H."],
            Title = "Social prescribing: does it work? A review of reviews",
            Source = "British Journal of General Practice",
            Year = 2022,
            Volume = "72",
            Issue = "715",
            Pages = "e84-e93",
            Doi = "10.3399/BJGP.2021.0301",
            Pmid = "34972808",
            Url = "https://bjgp.org/content/72/715/e84",
            Abstract = "Background\nSocial prescribing is spreading.\n\nResults\nER  - this line looks like an end line\nTY  - and this one like a start\nAB - one space\nER\n\n\nThree blank lines above.",
            Note = "Relevant: umbrella review.\nAppraised with AMSTAR 2.",
            Database = "PubMed",
            Keywords = ["social prescribing", "primary care", "umbrella review"],
            OtherTags = [new ExtraTag("A2", "Editor, Ed"), new ExtraTag("AD", "Line one\nLine two"), new ExtraTag("Y1", "2022/02//"), new ExtraTag("T1", "Another title"), new ExtraTag("AN", "999"), new ExtraTag("ZZ", "custom")],
        };

        var text = RisWriter.Write([reference]);
        var again = RisReader.Read(text);

        RisFiles.AssertSameFields(reference, Assert.Single(again.References));
        Assert.Contains("\r\n ER  - this line looks like an end line\r\n", text, StringComparison.Ordinal);
        Assert.Contains("AN  - PMID: 34972808\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_references_of_every_shape_come_back_the_same()
    {
        var random = new Random(20261123);
        var references = Enumerable.Range(0, 300).Select(_ => Generate(random)).ToList();

        var again = RisReader.Read(RisWriter.Write(references));

        Assert.Empty(again.Rejected);
        Assert.Equal(references.Count, again.References.Count);
        for (var i = 0; i < references.Count; i++)
        {
            RisFiles.AssertSameFields(references[i], again.References[i]);
        }
    }

    [Fact]
    public void Lines_end_with_CR_LF_and_each_record_runs_from_TY_to_ER()
    {
        var text = RisWriter.Write(RisFiles.Read("zotero.ris").References);

        Assert.DoesNotContain(text.Split("\r\n"), line => line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal));
        var lines = text.Split("\r\n");
        Assert.StartsWith("TY  - JOUR", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Count(l => l == "ER  - "));
        Assert.EndsWith("ER  - \r\n\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_PMID_is_written_bare_for_a_PubMed_record_as_Ovid_and_EndNote_do()
    {
        var text = RisWriter.Write([new Reference { Title = "T", Pmid = "31532245", Database = "Ovid MEDLINE(R)" }]);

        Assert.Contains("\r\nAN  - 31532245\r\n", text, StringComparison.Ordinal);
        Assert.StartsWith("TY  - GEN\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_tags_that_would_break_the_file_and_control_characters_are_not_written()
    {
        var reference = new Reference
        {
            Title = "Nul\0 in title",
            OtherTags = [new ExtraTag("ER", "would end the record"), new ExtraTag("TY", "would start one"), new ExtraTag("bad", "not a tag"), new ExtraTag("SN", "1234-5678")],
        };

        var text = RisWriter.Write([reference]);
        var again = Assert.Single(RisReader.Read(text).References);

        Assert.DoesNotContain('\0', text);
        Assert.Equal("Nul in title", again.Title);
        Assert.Equal([new ExtraTag("SN", "1234-5678")], again.OtherTags);
    }

    [Fact]
    public void Line_breaks_in_one_line_fields_are_written_as_spaces()
    {
        var reference = new Reference { Title = "A title\r\nover two lines", Authors = ["Smith,\nJane"], Keywords = ["two\nwords"] };

        var again = Assert.Single(RisReader.Read(RisWriter.Write([reference])).References);

        Assert.Equal(("A title over two lines", "Smith, Jane", "two words"), (again.Title, again.Authors[0], again.Keywords[0]));
    }

    private static readonly string[] Words =
        ["care", "frailty", "Primary", "trial", "cohort", "review", "é", "ß", "-", "=SUM(A1)", "@x", "+1", "\"quoted\"", "a,b", "OR", "AND", "  ", "ER", "TY", "2019"];

    private static readonly string[] ExtraTags = ["AD", "SN", "PB", "CY", "LA", "ET", "ST", "A2", "A3", "A4", "T3", "ZZ", "Y2", "C2", "M3", "L1"];

    /// <summary>The extra tags whose values keep line breaks when read (the others join wrapped lines with a space).</summary>
    private static readonly string[] MultiLineTags = ["AD", "ZZ", "M3", "C2"];

    private static Reference Generate(Random random)
    {
        string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)])).Trim() is { Length: > 0 } text ? text : "word";
        string? Maybe(Func<string> value) => random.Next(3) == 0 ? null : value();
        string Paragraphs() => string.Join(random.Next(2) == 0 ? "\n" : "\n\n", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Text(random.Next(3, 30))));

        return new Reference
        {
            Type = new[] { "JOUR", "BOOK", "CHAP", "RPRT", "ELEC", "GEN", "CPAPER", "PODCAST" }[random.Next(8)],
            Authors = Enumerable.Range(0, random.Next(0, 6)).Select(i => $"Author{i}, {Text(1)}").ToList(),
            Title = "Title " + Text(random.Next(1, 12)),
            Source = Maybe(() => "Journal " + Text(3)),
            Year = random.Next(3) == 0 ? null : random.Next(1950, 2030),
            Volume = Maybe(() => random.Next(1, 400).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Issue = Maybe(() => random.Next(1, 13).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Pages = Maybe(() => new[] { "45-52", "e1234", "1", "245-51", "S12-S19", "12-14-16", "iii" }[random.Next(7)]),
            Doi = Maybe(() => $"10.{random.Next(1000, 9999)}/x{random.Next()}"),
            Pmid = Maybe(() => random.Next(1, 40_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Url = Maybe(() => $"https://example.org/article/{random.Next()}?a=1&b=2"),
            Abstract = Maybe(Paragraphs),
            Note = Maybe(Paragraphs),
            Database = Maybe(() => new[] { "PubMed", "Ovid MEDLINE(R) ALL", "CINAHL Complete via EBSCOhost", "Embase", "Scopus" }[random.Next(5)]),
            Keywords = Enumerable.Range(0, random.Next(0, 5)).Select(_ => Text(2)).ToList(),
            OtherTags = Enumerable.Range(0, random.Next(0, 5)).Select(_ => ExtraTags[random.Next(ExtraTags.Length)])
                .Select(tag => new ExtraTag(tag, MultiLineTags.Contains(tag) && random.Next(2) == 0 ? Paragraphs() : Text(4))).ToList(),
        };
    }
}
