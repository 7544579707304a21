using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Theming.TagHelpers;

/// <summary>
/// &lt;nhs-checkboxes name="Roles" legend="Roles" options="..." values="..." /&gt;: an NHS.UK fieldset of
/// checkboxes with legend, hint and error message. Every box posts under the same name.
/// </summary>
[HtmlTargetElement("nhs-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsCheckboxesTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string Name { get; set; } = string.Empty;

    public string Legend { get; set; } = string.Empty;

    public string? Hint { get; set; }

    /// <summary>The same options as radios: a value, its label and an optional hint.</summary>
    public IEnumerable<RadioOption> Options { get; set; } = [];

    public IEnumerable<string> Values { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = FieldErrors.IdFor(Name);
        var error = FieldErrors.For(ViewContext.ViewData.ModelState, Name);
        var chosen = Values.ToHashSet(StringComparer.Ordinal);
        var describedBy = new List<string>();
        var inner = new StringBuilder();
        inner.Append($"<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">{Enc(Legend)}</legend>");
        if (Hint is not null)
        {
            describedBy.Add(id + "-hint");
            inner.Append($"<div class=\"nhsuk-hint\" id=\"{Enc(id)}-hint\">{Enc(Hint)}</div>");
        }

        if (error is not null)
        {
            describedBy.Add(id + "-error");
            inner.Append($"<span class=\"nhsuk-error-message\" id=\"{Enc(id)}-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> {Enc(error)}</span>");
        }

        inner.Append("<div class=\"nhsuk-checkboxes\" data-module=\"nhsuk-checkboxes\">");
        var index = 0;
        foreach (var option in Options)
        {
            // The first box takes the field's id, so the error summary's link lands on it.
            var optionId = index++ == 0 ? id : $"{id}-{index}";
            var isChecked = chosen.Contains(option.Value) ? " checked" : string.Empty;
            var hintAttr = option.Hint is null ? string.Empty : $" aria-describedby=\"{Enc(optionId)}-item-hint\"";
            inner.Append("<div class=\"nhsuk-checkboxes__item\">");
            inner.Append($"<input class=\"nhsuk-checkboxes__input\" id=\"{Enc(optionId)}\" name=\"{Enc(Name)}\" type=\"checkbox\" value=\"{Enc(option.Value)}\"{isChecked}{hintAttr}>");
            inner.Append($"<label class=\"nhsuk-label nhsuk-checkboxes__label\" for=\"{Enc(optionId)}\">{Enc(option.Text)}</label>");
            if (option.Hint is not null)
            {
                inner.Append($"<div class=\"nhsuk-hint nhsuk-checkboxes__hint\" id=\"{Enc(optionId)}-item-hint\">{Enc(option.Hint)}</div>");
            }

            inner.Append("</div>");
        }

        inner.Append("</div>");
        var fieldsetDescribedBy = describedBy.Count > 0 ? $" aria-describedby=\"{Enc(string.Join(' ', describedBy))}\"" : string.Empty;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error");
        output.Content.SetHtmlContent($"<fieldset class=\"nhsuk-fieldset\"{fieldsetDescribedBy}>{inner}</fieldset>");
    }

    private string Enc(string value) => encoder.Encode(value);
}
