using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Theming.TagHelpers;

/// <summary>One choice of a select. An empty value is the "choose nothing" option.</summary>
public sealed record SelectOption(string Value, string Text);

/// <summary>
/// &lt;nhs-select name="SystemId" label="System" options="..." value="..." /&gt;: an NHS.UK form group
/// with label, optional hint, the field's error message and a select.
/// </summary>
[HtmlTargetElement("nhs-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsSelectTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string Name { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public string? Hint { get; set; }

    public IEnumerable<SelectOption> Options { get; set; } = [];

    public string? Value { get; set; }

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

        var classes = error is null ? "nhsuk-select" : "nhsuk-select nhsuk-select--error";
        var describedByAttr = describedBy.Count > 0 ? $" aria-describedby=\"{Enc(string.Join(' ', describedBy))}\"" : string.Empty;
        html.Append($"<select class=\"{classes}\" id=\"{Enc(id)}\" name=\"{Enc(Name)}\"{describedByAttr}>");
        foreach (var option in Options)
        {
            var selected = string.Equals(option.Value, Value ?? string.Empty, StringComparison.Ordinal) ? " selected" : string.Empty;
            html.Append($"<option value=\"{Enc(option.Value)}\"{selected}>{Enc(option.Text)}</option>");
        }

        html.Append("</select>");
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error");
        output.Content.SetHtmlContent(html.ToString());
    }

    private string Enc(string value) => encoder.Encode(value);
}
