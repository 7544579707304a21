using Portal.Core.Summaries;

namespace Portal.Core.Tests.Summaries;

public class ReferenceCsvTests
{
    private static string Csv(bool includeAbstracts, params Reference[] references)
    {
        using var writer = new StringWriter();
        ReferenceCsv.Write(references, writer, includeAbstracts);
        return writer.ToString();
    }

    [Fact]
    public void A_reference_is_one_row_under_a_header_with_CR_LF_line_ends()
    {
        var reference = new Reference
        {
            Type = "JOUR",
            Authors = ["Hartley, Joanna", "Okafor, Chidi"],
            Title = "Social prescribing",
            Source = "BMJ Open",
            Year = 2021,
            Volume = "11",
            Issue = "9",
            Pages = "e048321",
            Doi = "10.1136/bmjopen-2021-048321",
            Pmid = "34518239",
            Url = "https://bmjopen.bmj.com/content/11/9/e048321",
            Database = "Ovid MEDLINE(R) ALL",
            Keywords = ["Humans", "Primary care"],
            Note = "Included",
            Abstract = "Secret abstract",
        };

        var csv = Csv(false, reference);

        Assert.Equal(
            "Authors,Title,Source,Year,Volume,Issue,Pages,DOI,PMID,URL,Type,Database,Keywords,Note\r\n"
            + "\"Hartley, Joanna; Okafor, Chidi\",Social prescribing,BMJ Open,2021,11,9,e048321,10.1136/bmjopen-2021-048321,34518239,https://bmjopen.bmj.com/content/11/9/e048321,JOUR,Ovid MEDLINE(R) ALL,Humans; Primary care,Included\r\n",
            csv);
        Assert.DoesNotContain("Secret abstract", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Abstracts_are_a_last_column_only_when_asked_for()
    {
        var csv = Csv(true, new Reference { Title = "T", Abstract = "Line one\nLine two, with \"quotes\"" });

        Assert.EndsWith(",Note,Abstract\r\n,T,,,,,,,,,GEN,,,,\"Line one\nLine two, with \"\"quotes\"\"\"\r\n", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Cells_are_quoted_as_RFC_4180_says(string? value, string cell) =>
        Assert.Equal(cell, ReferenceCsv.Cell(value));

    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example\",\"Click\")", "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 191 123 4567", "'+44 191 123 4567")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe(string value, string cell) =>
        Assert.Equal(cell, ReferenceCsv.Cell(value));

    [Theory]
    [InlineData("1+1=2")]
    [InlineData(" =1+1")]
    [InlineData("e-1")]
    [InlineData("Smith@example.org")]
    public void Formula_characters_after_the_first_leave_the_cell_alone(string value) =>
        Assert.Equal(value, ReferenceCsv.Cell(value));

    [Fact]
    public void Every_column_is_neutralised_including_joined_authors_and_keywords()
    {
        var csv = Csv(true, new Reference
        {
            Type = "=T",
            Authors = ["=A"],
            Title = "+T",
            Source = "-S",
            Volume = "@V",
            Issue = "=I",
            Pages = "-45",
            Doi = "=D",
            Pmid = "+P",
            Url = "@U",
            Database = "=DB",
            Keywords = ["-K"],
            Note = "@N",
            Abstract = "=AB",
        });

        var cells = csv.Split("\r\n")[1].Split(',');
        Assert.Equal(15, cells.Length);
        Assert.All(cells.Where(c => c.Length > 0), c => Assert.StartsWith("'", c, StringComparison.Ordinal));
    }

    [Fact]
    public void The_file_encoding_carries_a_byte_order_mark_so_spreadsheets_read_UTF_8()
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], ReferenceCsv.Encoding.GetPreamble());
    }
}
