using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Theming.TagHelpers;

/// <summary>One choice of a radios or checkboxes group, with an optional hint under its label.</summary>
public sealed record RadioOption(string Value, string Text, string? Hint = null);

/// <summary>
/// &lt;nhs-radios name="Recipe" legend="Recipe" options="..." value="..." /&gt;: an NHS.UK fieldset of
/// radios with legend, hint and error message.
/// </summary>
[HtmlTargetElement("nhs-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsRadiosTagHelper(HtmlEncoder encoder) : NhsChoicesTagHelper(encoder, "radios", "radio")
{
    public string? Value { get; set; }

    protected override bool IsChosen(string value) => string.Equals(value, Value, StringComparison.Ordinal);
}
