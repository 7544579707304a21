using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Theming.TagHelpers;

/// <summary>
/// &lt;nhs-input name="Email" label="Email address" type="email" /&gt;: an NHS.UK form group with
/// label, optional hint, the field's error message and the input, wired with aria-describedby.
/// </summary>
[HtmlTargetElement("nhs-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsInputTagHelper(HtmlEncoder encoder) : NhsFieldTagHelper(encoder)
{
    public string Label { get; set; } = string.Empty;

    public string Type { get; set; } = "text";

    public string? Value { get; set; }

    public string? Autocomplete { get; set; }

    /// <summary>An NHS.UK width class suffix: 10, 20, 30 or "full".</summary>
    public string? Width { get; set; }

    public bool Spellcheck { get; set; }

    protected override void WriteField(StringBuilder html, Field field)
    {
        html.Append($"<label class=\"nhsuk-label\" for=\"{Enc(field.Id)}\">{Enc(Label)}</label>");
        var describedBy = WriteHintAndError(html, field);
        var classes = "nhsuk-input" + Width switch
        {
            null => string.Empty,
            "full" => " nhsuk-u-width-full",
            _ => $" nhsuk-input--width-{Width}",
        } + (field.HasError ? " nhsuk-input--error" : string.Empty);
        html.Append($"<input class=\"{classes}\" id=\"{Enc(field.Id)}\" name=\"{Enc(Name)}\" type=\"{Enc(Type)}\"");
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

        html.Append(describedBy);
        html.Append('>');
    }
}
