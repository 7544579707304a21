using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Theming.TagHelpers;

/// <summary>One choice of a radios group, with an optional hint under its label.</summary>
public sealed record RadioOption(string Value, string Text, string? Hint = null);

/// <summary>
/// &lt;nhs-radios name="Recipe" legend="Recipe" options="..." value="..." /&gt;: an NHS.UK fieldset of
/// radios with legend, hint and error message.
/// </summary>
[HtmlTargetElement("nhs-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsRadiosTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string Name { get; set; } = string.Empty;

    public string Legend { get; set; } = string.Empty;

    public string? Hint { get; set; }

    public IEnumerable<RadioOption> Options { get; set; } = [];

    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = FieldErrors.IdFor(Name);
        var error = FieldErrors.For(ViewContext.ViewData.ModelState, Name);
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

        inner.Append("<div class=\"nhsuk-radios\" data-module=\"nhsuk-radios\">");
        var index = 0;
        foreach (var option in Options)
        {
            // The first radio takes the field's id, so the error summary's link lands on it.
            var optionId = index++ == 0 ? id : $"{id}-{index}";
            var isChecked = string.Equals(option.Value, Value, StringComparison.Ordinal) ? " checked" : string.Empty;
            var hintAttr = option.Hint is null ? string.Empty : $" aria-describedby=\"{Enc(optionId)}-item-hint\"";
            inner.Append("<div class=\"nhsuk-radios__item\">");
            inner.Append($"<input class=\"nhsuk-radios__input\" id=\"{Enc(optionId)}\" name=\"{Enc(Name)}\" type=\"radio\" value=\"{Enc(option.Value)}\"{isChecked}{hintAttr}>");
            inner.Append($"<label class=\"nhsuk-label nhsuk-radios__label\" for=\"{Enc(optionId)}\">{Enc(option.Text)}</label>");
            if (option.Hint is not null)
            {
                inner.Append($"<div class=\"nhsuk-hint nhsuk-radios__hint\" id=\"{Enc(optionId)}-item-hint\">{Enc(option.Hint)}</div>");
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
