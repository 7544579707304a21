using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Theming.TagHelpers;

/// <summary>
/// &lt;nhs-error-summary /&gt;: the NHS.UK error summary listing every field error with a link to
/// the field; renders nothing when the form has no errors. ModelState lists its keys in an order of
/// its own (by name, not by place), so a long form names its fields in <see cref="FieldOrder"/> to list
/// the errors as the page shows the fields.
/// </summary>
[HtmlTargetElement("nhs-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsErrorSummaryTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>Field names in the order the page shows them. Errors of the whole form come first, then these, then any others.</summary>
    public IReadOnlyList<string>? FieldOrder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ViewData.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select(entry => (Field: entry.Key, Message: entry.Value!.Errors[0].ErrorMessage))
            .ToList();
        if (FieldOrder is { } order)
        {
            errors = [.. errors.OrderBy(e => e.Field.Length == 0 ? -1 : Position(order, e.Field))];
        }

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

    private static int Position(IReadOnlyList<string> order, string field)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], field, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return order.Count;
    }
}
