using System.Text;
using Portal.Core.Summaries;
using Portal.Core.Summaries.Ris;

namespace Portal.Core.Tests.Summaries;

/// <summary>Files that are empty, binary, too large, not RIS or broken part of the way through.</summary>
public class RisBadInputTests
{
    private const string Good = "TY  - JOUR\r\nTI  - A good record\r\nER  - \r\n";

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\r\n\n")]
    [InlineData("\uFEFF")]
    public void An_empty_file_imports_nothing_and_says_it_is_empty(string text)
    {
        var result = RisReader.Read(text);

        Assert.False(result.FileWasRead);
        Assert.Equal(RisReader.EmptyMessage, result.FileError);
        Assert.Empty(result.References);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void No_bytes_or_only_a_byte_order_mark_is_an_empty_file()
    {
        Assert.Equal(RisReader.EmptyMessage, RisReader.Read(ReadOnlySpan<byte>.Empty).FileError);
        Assert.Equal(RisReader.EmptyMessage, RisReader.Read([0xEF, 0xBB, 0xBF]).FileError);
    }

    [Fact]
    public void A_binary_file_is_refused_as_not_a_RIS_file()
    {
        // The start of a PNG image: signature, then the IHDR chunk with its NUL bytes.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00];

        var result = RisReader.Read(png);

        Assert.Equal(RisReader.BinaryMessage, result.FileError);
        Assert.Contains("not a RIS file", result.FileError, StringComparison.Ordinal);
        Assert.Empty(result.References);
    }

    [Fact]
    public void A_RIS_file_with_a_NUL_byte_halfway_is_refused_whole_rather_than_half_imported()
    {
        var text = Good + "TY  - JOUR\r\nTI  - Corrupt\0 record\r\nER  - \r\n" + Good;

        var result = RisReader.Read(text);

        Assert.Equal(RisReader.BinaryMessage, result.FileError);
        Assert.Empty(result.References);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Text_made_mostly_of_control_characters_is_refused_as_binary()
    {
        var random = new Random(7);
        var bytes = new byte[4000];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)random.Next(1, 0x20);
        }

        var result = RisReader.Read(Encoding.ASCII.GetBytes(Good).Concat(bytes).ToArray());

        Assert.Equal(RisReader.BinaryMessage, result.FileError);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_with_the_limit_in_the_message()
    {
        var huge = new string('x', RisReader.MaxFileBytes + 1);

        Assert.Equal(RisReader.TooLargeMessage, RisReader.Read(huge).FileError);
        Assert.Equal(RisReader.TooLargeMessage, RisReader.Read(new StringReader(huge)).FileError);
        Assert.Equal(RisReader.TooLargeMessage, RisReader.Read(Encoding.ASCII.GetBytes(huge)).FileError);
        Assert.Contains("20 MB", RisReader.TooLargeMessage, StringComparison.Ordinal);
        Assert.Equal(20 * 1024 * 1024, RisReader.MaxFileBytes);
    }

    [Fact]
    public async Task A_stream_is_read_up_to_the_limit_and_refused_beyond_it()
    {
        var record = Encoding.UTF8.GetBytes(Good);
        var fits = new byte[RisReader.MaxFileBytes];
        Array.Fill(fits, (byte)'\n');
        record.CopyTo(fits, 0);

        var atLimit = await RisReader.ReadAsync(new MemoryStream(fits), CancellationToken.None);
        var overLimit = await RisReader.ReadAsync(new MemoryStream([.. fits, (byte)'\n']), CancellationToken.None);

        Assert.True(atLimit.FileWasRead);
        Assert.Single(atLimit.References);
        Assert.Equal(RisReader.TooLargeMessage, overLimit.FileError);
        Assert.Empty(overLimit.References);
    }

    [Fact]
    public void Text_that_is_not_RIS_says_how_a_RIS_file_looks()
    {
        var result = RisReader.Read("Authors,Title,Year\r\n\"Smith, J\",A study,2020\r\n");

        Assert.Equal(RisReader.NotRisMessage, result.FileError);
        Assert.Contains("TY  - ", result.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PubMed_MEDLINE_file_is_recognised_and_the_message_says_to_convert_it()
    {
        var nbib = "PMID- 31532245\nOWN - NLM\nSTAT- MEDLINE\nTI  - Effectiveness of community health workers in\n      supporting self-management.\nAU  - Mwangi G\n\nPMID- 31675268\nTI  - Reducing delayed discharge.\n";

        var result = RisReader.Read(nbib);

        Assert.Equal(RisReader.MedlineMessage, result.FileError);
        Assert.Empty(result.References);
    }

    [Fact]
    public void A_file_broken_halfway_imports_the_good_records_either_side_and_reports_each_broken_one_by_number_and_line()
    {
        var result = RisFiles.Read("broken-halfway.ris");

        Assert.True(result.FileWasRead);
        Assert.Equal(["Arnold, Helen", "Baker, Simon", "Davies, Owen", "Foster, Liam"], result.References.Select(r => r.Authors[0]));
        Assert.Equal([1, 2, 3, 4], result.References.Select(r => r.Position));
        Assert.Equal(7, result.RecordCount);
        Assert.Collection(
            result.Rejected,
            r =>
            {
                Assert.Equal((3, 15, "Home visits by community pharmacists after discharge"), (r.Record, r.Line, r.Title));
                Assert.Equal("it has no end line (‘ER  - ’) before the next record starts on line 21.", r.Reason);
                Assert.Equal("Record 3 (line 15): it has no end line (‘ER  - ’) before the next record starts on line 21.", r.Message);
            },
            r =>
            {
                Assert.Equal((5, 28, null), (r.Record, r.Line, r.Title));
                Assert.Equal("it has no title (no ‘TI  - ’ or ‘T1  - ’ line).", r.Reason);
            },
            r =>
            {
                Assert.Equal((7, 41, "Remote monitoring of heart failure in primary care"), (r.Record, r.Line, r.Title));
                Assert.Equal("it has no end line (‘ER  - ’) before the file ends on line 45, so the file may have been cut short.", r.Reason);
            });
    }

    [Fact]
    public void Lines_before_the_first_type_line_are_a_broken_record_and_the_next_record_is_still_read()
    {
        var text = "AU  - Lost, Header\nTI  - A record whose TY line was cut off\nER  - \nTY  - JOUR\nTI  - Intact\nER  - \n";

        var result = RisReader.Read(text);

        Assert.Equal("Intact", Assert.Single(result.References).Title);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal((1, 1), (rejected.Record, rejected.Line));
        Assert.Equal("it does not start with a type line (‘TY  - ’); its first line is ‘AU  - Lost, Header’.", rejected.Reason);
    }

    [Fact]
    public void Tags_without_a_type_line_running_into_the_next_record_are_reported_as_missing_the_type()
    {
        var result = RisReader.Read("TI  - Orphan\nTY  - JOUR\nTI  - Intact\nER  - \n");

        Assert.Equal("it does not start with a type line (‘TY  - ’); its first line is ‘TI  - Orphan’.", Assert.Single(result.Rejected).Reason);
        Assert.Single(result.References);
    }

    [Fact]
    public void Text_outside_records_is_ignored()
    {
        var result = RisReader.Read("Exported from the library catalogue on 3 May 2024\r\n\r\n" + Good + "\r\nEnd of export\r\n" + Good);

        Assert.Equal(2, result.References.Count);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void A_stray_end_line_with_no_record_open_is_ignored()
    {
        var result = RisReader.Read("ER  - \n" + Good + "ER  - \n");

        Assert.Single(result.References);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Fields_longer_than_their_column_are_shortened_with_an_ellipsis_and_a_warning()
    {
        var text = "TY  - JOUR\n"
            + "AU  - " + new string('a', Reference.ShortMaxLength + 10) + "\n"
            + "TI  - " + new string('t', Reference.TitleMaxLength + 1) + "\n"
            + "T2  - " + new string('j', Reference.ShortMaxLength) + "\n"
            + "AB  - " + new string('b', Reference.AbstractMaxLength + 500) + "\n"
            + "N1  - " + new string('n', Reference.NoteMaxLength + 1) + "\n"
            + "AD  - " + new string('d', Reference.ExtraTagMaxLength + 1) + "\n"
            + "ER  - \n";

        var result = RisReader.Read(text);

        var reference = Assert.Single(result.References);
        Assert.Equal(Reference.ShortMaxLength, reference.Authors[0].Length);
        Assert.Equal(Reference.TitleMaxLength, reference.Title.Length);
        Assert.EndsWith("…", reference.Title, StringComparison.Ordinal);
        Assert.Equal(new string('j', Reference.ShortMaxLength), reference.Source);
        Assert.Equal(Reference.AbstractMaxLength, reference.Abstract!.Length);
        Assert.Equal(Reference.NoteMaxLength, reference.Note!.Length);
        Assert.Equal(Reference.ExtraTagMaxLength, reference.OtherTags[0].Value.Length);
        Assert.Equal(
            [
                "the AD field was longer than 4,000 characters and was shortened.",
                "an author's name was longer than 500 characters and was shortened.",
                "the title was longer than 2,000 characters and was shortened.",
                "the abstract was longer than 20,000 characters and was shortened.",
                "the note was longer than 4,000 characters and was shortened.",
            ],
            result.Warnings.Select(w => w.Reason));
        Assert.All(result.Warnings, w => Assert.Equal((1, 1), (w.Record, w.Line)));
    }

    [Fact]
    public void A_DOI_or_link_too_long_to_be_real_is_left_out_rather_than_cut_into_a_broken_one()
    {
        var text = "TY  - JOUR\nTI  - Long identifiers\n"
            + "DO  - 10.1000/" + new string('x', Reference.ShortMaxLength) + "\n"
            + "UR  - https://example.org/?q=" + new string('q', Reference.UrlMaxLength) + "\n"
            + "UR  - https://example.org/short\n"
            + "ER  - \n";

        var result = RisReader.Read(text);

        var reference = Assert.Single(result.References);
        Assert.Null(reference.Doi);
        Assert.Equal("https://example.org/short", reference.Url);
        Assert.Empty(reference.OtherTags);
        Assert.Equal(
            ["the DOI on line 3 is longer than 500 characters, so it cannot be a DOI and was left out.", "the link on line 4 is longer than 2,000 characters and was left out."],
            result.Warnings.Select(w => w.Reason));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("file:///C:/Users/librarian/paper.pdf")]
    [InlineData("internal-pdf://0412345678/paper.pdf")]
    public void A_link_that_is_not_a_web_address_is_kept_as_an_extra_tag_but_never_offered_as_the_full_text(string link)
    {
        var result = RisReader.Read($"TY  - JOUR\nTI  - Odd link\nUR  - {link}\nER  - \n");

        var reference = Assert.Single(result.References);
        Assert.Null(reference.Url);
        Assert.Null(reference.FullTextUrl);
        Assert.Equal([new ExtraTag("UR", link)], reference.OtherTags);
    }

    [Fact]
    public void A_type_too_long_to_be_a_RIS_type_is_rejected_and_the_rest_imported()
    {
        var result = RisReader.Read("TY  - THIS IS NOT A REFERENCE TYPE AT ALL\nTI  - Odd\nER  - \n" + Good);

        Assert.Single(result.References);
        Assert.Equal("it has a type ‘THIS IS NOT A REFERENCE TYPE AT ALL’ that is not a RIS type (types are short codes such as JOUR or BOOK).", Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void A_record_that_only_has_empty_tags_is_rejected_for_its_missing_title()
    {
        var result = RisReader.Read("TY  - JOUR\nTI  - \nAU  - \nER  - \n");

        Assert.Empty(result.References);
        Assert.Equal("it has no title (no ‘TI  - ’ or ‘T1  - ’ line).", Assert.Single(result.Rejected).Reason);
    }
}
