using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Theming.TagHelpers;

/// <summary>
/// &lt;nhs-date-input name="Deadline" legend="Deadline" day="..." month="..." year="..." /&gt;: the NHS.UK
/// date input, three fields posted as Name.Day, Name.Month and Name.Year. The day field takes the
/// field's id, so the error summary's link lands on it.
/// </summary>
[HtmlTargetElement("nhs-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsDateInputTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string Name { get; set; } = string.Empty;

    public string Legend { get; set; } = string.Empty;

    public string? Hint { get; set; }

    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

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

        inner.Append($"<div class=\"nhsuk-date-input\" id=\"{Enc(id)}-input\">");
        Part(inner, id, "Day", "Day", Day, 2, error is not null);
        Part(inner, id + "-month", "Month", "Month", Month, 2, error is not null);
        Part(inner, id + "-year", "Year", "Year", Year, 4, error is not null);
        inner.Append("</div>");
        var fieldsetDescribedBy = describedBy.Count > 0 ? $" aria-describedby=\"{Enc(string.Join(' ', describedBy))}\"" : string.Empty;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error");
        output.Content.SetHtmlContent($"<fieldset class=\"nhsuk-fieldset\" role=\"group\"{fieldsetDescribedBy}>{inner}</fieldset>");
    }

    private void Part(StringBuilder html, string partId, string part, string label, string? value, int width, bool error)
    {
        var classes = $"nhsuk-input nhsuk-date-input__input nhsuk-input--width-{width}" + (error ? " nhsuk-input--error" : string.Empty);
        html.Append("<div class=\"nhsuk-date-input__item\"><div class=\"nhsuk-form-group\">");
        html.Append($"<label class=\"nhsuk-label nhsuk-date-input__label\" for=\"{Enc(partId)}\">{label}</label>");
        html.Append($"<input class=\"{classes}\" id=\"{Enc(partId)}\" name=\"{Enc(Name)}.{part}\" type=\"text\" inputmode=\"numeric\"");
        if (!string.IsNullOrEmpty(value))
        {
            html.Append($" value=\"{Enc(value)}\"");
        }

        html.Append("></div></div>");
    }

    private string Enc(string value) => encoder.Encode(value);
}
