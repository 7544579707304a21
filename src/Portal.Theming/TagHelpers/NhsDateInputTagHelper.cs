using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Theming.TagHelpers;

/// <summary>
/// &lt;nhs-date-input name="Deadline" legend="Deadline" day="..." month="..." year="..." /&gt;: the NHS.UK
/// date input, three fields posted as Name.Day, Name.Month and Name.Year. The day field takes the
/// field's id, so the error summary's link lands on it.
/// </summary>
[HtmlTargetElement("nhs-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsDateInputTagHelper(HtmlEncoder encoder) : NhsFieldsetTagHelper(encoder)
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    protected override string FieldsetAttributes => " role=\"group\"";

    protected override void WriteControls(StringBuilder html, Field field)
    {
        html.Append($"<div class=\"nhsuk-date-input\" id=\"{Enc(field.Id)}-input\">");
        Part(html, field.Id, "Day", Day, 2, field.HasError);
        Part(html, field.Id + "-month", "Month", Month, 2, field.HasError);
        Part(html, field.Id + "-year", "Year", Year, 4, field.HasError);
        html.Append("</div>");
    }

    private void Part(StringBuilder html, string partId, string part, string? value, int width, bool error)
    {
        var classes = $"nhsuk-input nhsuk-date-input__input nhsuk-input--width-{width}" + (error ? " nhsuk-input--error" : string.Empty);
        html.Append("<div class=\"nhsuk-date-input__item\"><div class=\"nhsuk-form-group\">");
        html.Append($"<label class=\"nhsuk-label nhsuk-date-input__label\" for=\"{Enc(partId)}\">{part}</label>");
        html.Append($"<input class=\"{classes}\" id=\"{Enc(partId)}\" name=\"{Enc(Name)}.{part}\" type=\"text\" inputmode=\"numeric\"");
        if (!string.IsNullOrEmpty(value))
        {
            html.Append($" value=\"{Enc(value)}\"");
        }

        html.Append("></div></div>");
    }
}
