using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Theming.TagHelpers;

/// <summary>
/// &lt;nhs-input name="Email" label="Email address" type="email" /&gt;: an NHS.UK form group with
/// label, optional hint, the field's error message and the input, wired with aria-describedby.
/// </summary>
[HtmlTargetElement("nhs-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsInputTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string Name { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public string? Hint { get; set; }

    public string Type { get; set; } = "text";

    public string? Value { get; set; }

    public string? Autocomplete { get; set; }

    /// <summary>An NHS.UK width class suffix: 10, 20, 30 or "full".</summary>
    public string? Width { get; set; }

    public bool Spellcheck { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = FieldErrors.IdFor(Name);
        var error = FieldErrors.For(ViewContext.ViewData.ModelState, Name);
        var describedBy = new List<string>();
        var html = new StringBuilder();
        html.Append($"<label class=\"nhsuk-label\" for=\"{Enc(id)}\">{Enc(Label)}</label>");
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

        var classes = "nhsuk-input" + Width switch
        {
            null => string.Empty,
            "full" => " nhsuk-u-width-full",
            _ => $" nhsuk-input--width-{Width}",
        } + (error is null ? string.Empty : " nhsuk-input--error");
        html.Append($"<input class=\"{classes}\" id=\"{Enc(id)}\" name=\"{Enc(Name)}\" type=\"{Enc(Type)}\"");
        if (Value is not null && Type != "password")
        {
            html.Append($" value=\"{Enc(Value)}\"");
        }

        if (Autocomplete is not null)
        {
            html.Append($" autocomplete=\"{Enc(Autocomplete)}\"");
        }

        if (!Spellcheck && Type is "text" or "email")
        {
            html.Append(" spellcheck=\"false\"");
        }

        if (describedBy.Count > 0)
        {
            html.Append($" aria-describedby=\"{Enc(string.Join(' ', describedBy))}\"");
        }

        html.Append('>');
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error");
        output.Content.SetHtmlContent(html.ToString());
    }

    private string Enc(string value) => encoder.Encode(value);
}
