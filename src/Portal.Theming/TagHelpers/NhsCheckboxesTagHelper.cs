using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Theming.TagHelpers;

/// <summary>
/// &lt;nhs-checkboxes name="Roles" legend="Roles" options="..." values="..." /&gt;: an NHS.UK fieldset of
/// checkboxes with legend, hint and error message. Every box posts under the same name.
/// </summary>
[HtmlTargetElement("nhs-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsCheckboxesTagHelper(HtmlEncoder encoder) : NhsChoicesTagHelper(encoder, "checkboxes", "checkbox")
{
    private HashSet<string> _chosen = [];

    public IEnumerable<string> Values
    {
        get => _chosen;
        set => _chosen = value.ToHashSet(StringComparer.Ordinal);
    }

    protected override bool IsChosen(string value) => _chosen.Contains(value);
}
