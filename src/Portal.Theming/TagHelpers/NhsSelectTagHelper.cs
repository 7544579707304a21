using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Theming.TagHelpers;

/// <summary>One choice of a select. An empty value is the "choose nothing" option.</summary>
public sealed record SelectOption(string Value, string Text);

/// <summary>
/// &lt;nhs-select name="SystemId" label="System" options="..." value="..." /&gt;: an NHS.UK form group
/// with label, optional hint, the field's error message and a select.
/// </summary>
[HtmlTargetElement("nhs-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsSelectTagHelper(HtmlEncoder encoder) : NhsFieldTagHelper(encoder)
{
    public string Label { get; set; } = string.Empty;

    public IEnumerable<SelectOption> Options { get; set; } = [];

    public string? Value { get; set; }

    protected override void WriteField(StringBuilder html, Field field)
    {
        html.Append($"<label class=\"nhsuk-label\" for=\"{Enc(field.Id)}\">{Enc(Label)}</label>");
        var describedBy = WriteHintAndError(html, field);
        var classes = field.HasError ? "nhsuk-select nhsuk-select--error" : "nhsuk-select";
        html.Append($"<select class=\"{classes}\" id=\"{Enc(field.Id)}\" name=\"{Enc(Name)}\"{describedBy}>");
        foreach (var option in Options)
        {
            var selected = string.Equals(option.Value, Value ?? string.Empty, StringComparison.Ordinal) ? " selected" : string.Empty;
            html.Append($"<option value=\"{Enc(option.Value)}\"{selected}>{Enc(option.Text)}</option>");
        }

        html.Append("</select>");
    }
}
