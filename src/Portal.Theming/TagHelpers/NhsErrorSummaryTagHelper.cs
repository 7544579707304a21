using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Theming.TagHelpers;

/// <summary>
/// &lt;nhs-error-summary /&gt;: the NHS.UK error summary listing every field error with a link to
/// the field; renders nothing when the form has no errors.
/// </summary>
[HtmlTargetElement("nhs-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsErrorSummaryTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ViewData.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select(entry => (Field: entry.Key, Message: entry.Value!.Errors[0].ErrorMessage))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "nhsuk-error-summary");
        output.Attributes.SetAttribute("data-module", "nhsuk-error-summary");
        // Without JavaScript the summary still takes focus on load, so a screen reader hears it first.
        output.Attributes.SetAttribute("tabindex", "-1");
        var items = string.Concat(errors.Select(e => string.IsNullOrEmpty(e.Field)
            ? $"<li>{encoder.Encode(e.Message)}</li>"
            : $"<li><a href=\"#{encoder.Encode(FieldErrors.IdFor(e.Field))}\">{encoder.Encode(e.Message)}</a></li>"));
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"nhsuk-error-summary__title\">There is a problem</h2>" +
            $"<div class=\"nhsuk-error-summary__body\"><ul class=\"nhsuk-list nhsuk-error-summary__list\">{items}</ul></div></div>");
    }
}
