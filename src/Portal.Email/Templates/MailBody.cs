using System.Text;
using System.Text.Encodings.Web;

namespace Portal.Email.Templates;

/// <summary>
/// Builds the plain-text and the HTML body from the same parts, so they always say the same thing.
/// Every value is HTML-encoded here; templates pass plain text and never write markup themselves.
/// The look is plain NHS.UK: blue header, green button, grey footer, inline styles for mail clients.
/// </summary>
public sealed class MailBody
{
    private const string Text = "color:#212b32;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5";
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();
    private string _why = string.Empty;

    public MailBody Greeting(string name) => Paragraph($"Dear {name},");

    public MailBody Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append($"<p style=\"{Text};margin:0 0 16px\">{Html.Encode(text)}</p>\n");
        return this;
    }

    /// <summary>A call to action: a green button in HTML, the label and the address on their own lines in text.</summary>
    public MailBody Button(string label, Uri link)
    {
        var address = link.AbsoluteUri;
        _text.Append(label).Append(":\n").Append(address).Append("\n\n");
        _html.Append("<p style=\"margin:24px 0\"><a href=\"").Append(Html.Encode(address))
            .Append("\" style=\"display:inline-block;background:#007f3b;color:#ffffff;font-family:Arial,Helvetica,sans-serif;")
            .Append("font-size:16px;font-weight:bold;padding:12px 16px;text-decoration:none;border-radius:4px;box-shadow:0 4px 0 #00401e\">")
            .Append(Html.Encode(label)).Append("</a></p>\n")
            .Append($"<p style=\"{Text};margin:0 0 16px\">If the button does not work, copy this address into your browser:<br>")
            .Append("<span style=\"word-break:break-all\">").Append(Html.Encode(address)).Append("</span></p>\n");
        return this;
    }

    /// <summary>Why the person got this mail: shown below a rule at the end of both bodies.</summary>
    public MailBody Why(string text)
    {
        _why = text;
        return this;
    }

    public RenderedMail Render(string recipientName, string subject, TemplateContext context)
    {
        var text = new StringBuilder(_text.ToString())
            .Append("--\n").Append(_why).Append('\n').Append(context.SiteName).Append('\n')
            .ToString();
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Encode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background:#f0f4f5\">\n")
            .Append("<div style=\"max-width:600px;margin:0 auto;background:#ffffff\">\n")
            .Append("<div style=\"background:#005eb8;color:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:19px;font-weight:bold;padding:16px 24px\">")
            .Append(Html.Encode(context.SiteName)).Append("</div>\n")
            .Append("<div style=\"padding:24px\">\n").Append(_html)
            .Append($"<p style=\"{Text};font-size:14px;color:#4c6272;border-top:1px solid #d8dde0;margin:32px 0 0;padding-top:16px\">")
            .Append(Html.Encode(_why)).Append("</p>\n")
            .Append("</div>\n</div>\n</body>\n</html>\n")
            .ToString();
        return new RenderedMail(recipientName, subject, text, html);
    }
}
