using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Theming.TagHelpers;

/// <summary>
/// &lt;nhs-textarea name="Question" label="Your question" value="..." /&gt;: an NHS.UK form group with
/// label, optional hint, the field's error message and a textarea.
/// </summary>
[HtmlTargetElement("nhs-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsTextareaTagHelper(HtmlEncoder encoder) : NhsFieldTagHelper(encoder)
{
    public string Label { get; set; } = string.Empty;

    /// <summary>Show the label as a small heading (NHS.UK "nhsuk-label--s").</summary>
    public bool LabelBold { get; set; }

    public string? Value { get; set; }

    public int Rows { get; set; } = 5;

    protected override void WriteField(StringBuilder html, Field field)
    {
        html.Append($"<label class=\"nhsuk-label{(LabelBold ? " nhsuk-label--s" : string.Empty)}\" for=\"{Enc(field.Id)}\">{Enc(Label)}</label>");
        var describedBy = WriteHintAndError(html, field);
        var classes = field.HasError ? "nhsuk-textarea nhsuk-textarea--error" : "nhsuk-textarea";
        // A newline after the opening tag: the HTML parser drops the first one, which would eat a value's own leading newline.
        html.Append($"<textarea class=\"{classes}\" id=\"{Enc(field.Id)}\" name=\"{Enc(Name)}\" rows=\"{Rows}\"{describedBy}>\n{Enc(Value ?? string.Empty)}</textarea>");
    }
}
