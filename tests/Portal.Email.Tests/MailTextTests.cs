using Portal.Email.Templates.Razor;

namespace Portal.Email.Tests;

/// <summary>The plain-text alternative is read from the HTML a mail component rendered.</summary>
public class MailTextTests
{
    [Fact]
    public void Paragraphs_are_separated_by_a_blank_line_and_white_space_is_folded_as_a_browser_would()
    {
        var text = MailText.FromHtml("<html><head><title>Hi</title></head><body><div><p>Dear   Alice,</p>\n   <p>First\n   line<br>second line.</p></div></body></html>");

        Assert.Equal("Dear Alice,\n\nFirst line\nsecond line.\n\n", text);
    }

    [Fact]
    public void A_button_is_its_label_then_the_address_on_its_own_line_and_other_links_keep_their_address()
    {
        var text = MailText.FromHtml("""<p>Read <a href="https://x.example/a?b=1&amp;c=2">the answer</a> now.</p><p><a data-mail="button" href="https://x.example/go">Open it</a></p><p><a href="https://x.example/">https://x.example/</a></p>""");

        Assert.Equal("Read the answer (https://x.example/a?b=1&c=2) now.\n\nOpen it:\nhttps://x.example/go\n\nhttps://x.example/\n\n", text);
    }

    [Fact]
    public void Skipped_parts_are_left_out_and_the_footer_comes_last_one_line_each_after_a_rule()
    {
        var text = MailText.FromHtml("""<div data-mail="skip">Site banner</div><div data-mail="footer"><p>Why you got it.</p><p><a data-mail="line" href="https://x.example/p">Choose</a></p></div><p>Body.</p>""");

        Assert.Equal("Body.\n\n--\nWhy you got it.\nChoose: https://x.example/p\n", text);
    }

    [Fact]
    public void Encoded_markup_in_the_html_is_text_and_comes_out_as_written()
    {
        var text = MailText.FromHtml("<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;q&quot; &lt;!-- not a comment --&gt;</p>");

        Assert.Equal("<script>alert('x')</script> & \"q\" <!-- not a comment -->\n\n", text);
    }
}
