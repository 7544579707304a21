using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Theming.TagHelpers;

/// <summary>
/// &lt;nhs-textarea name="Question" label="Your question" rows="3" /&gt;: an NHS.UK form group with
/// label, optional hint, the field's error message and a textarea.
/// </summary>
[HtmlTargetElement("nhs-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsTextareaTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string Name { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    /// <summary>Show the label as a small heading (NHS.UK "nhsuk-label--s").</summary>
    public bool LabelBold { get; set; }

    public string? Hint { get; set; }

    public string? Value { get; set; }

    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = FieldErrors.IdFor(Name);
        var error = FieldErrors.For(ViewContext.ViewData.ModelState, Name);
        var describedBy = new List<string>();
        var html = new StringBuilder();
        html.Append($"<label class=\"nhsuk-label{(LabelBold ? " nhsuk-label--s" : string.Empty)}\" for=\"{Enc(id)}\">{Enc(Label)}</label>");
        if (Hint is not null)
        {
            describedBy.Add(id + "-hint");
            html.Append($"<div class=\"nhsuk-hint\" id=\"{Enc(id)}-hint\">{Enc(Hint)}</div>");
        }

        if (error is not null)
        {
            describedBy.Add(id + "-error");
            html.Append($"<span class=\"nhsuk-error-message\" id=\"{Enc(id)}-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> {Enc(error)}</span>");
        }

        var classes = error is null ? "nhsuk-textarea" : "nhsuk-textarea nhsuk-textarea--error";
        var describedByAttr = describedBy.Count > 0 ? $" aria-describedby=\"{Enc(string.Join(' ', describedBy))}\"" : string.Empty;
        // A newline after the opening tag: the HTML parser drops the first one, which would eat a value's own leading newline.
        html.Append($"<textarea class=\"{classes}\" id=\"{Enc(id)}\" name=\"{Enc(Name)}\" rows=\"{Rows}\"{describedByAttr}>\n{Enc(Value ?? string.Empty)}</textarea>");
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error");
        output.Content.SetHtmlContent(html.ToString());
    }

    private string Enc(string value) => encoder.Encode(value);
}
