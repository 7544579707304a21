using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Theming.TagHelpers;

/// <summary>
/// What every NHS.UK form field shares: a form group (marked when the field has an error), an
/// optional hint, the field's first error message, and aria-describedby pointing at both.
/// Each field tag helper writes only its own control.
/// </summary>
public abstract class NhsFieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The posted name; also the key of the field's errors and, made safe, its id.</summary>
    public string Name { get; set; } = string.Empty;

    public string? Hint { get; set; }

    public sealed override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = new Field(FieldErrors.IdFor(Name), FieldErrors.For(ViewContext.ViewData.ModelState, Name));
        var html = new StringBuilder();
        WriteField(html, field);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", field.HasError ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group");
        output.Content.SetHtmlContent(html.ToString());
    }

    protected abstract void WriteField(StringBuilder html, Field field);

    /// <summary>Writes the hint and the error message; returns the aria-describedby attribute for them (or nothing).</summary>
    protected string WriteHintAndError(StringBuilder html, Field field)
    {
        var describedBy = new List<string>();
        if (Hint is not null)
        {
            describedBy.Add(field.Id + "-hint");
            html.Append($"<div class=\"nhsuk-hint\" id=\"{Enc(field.Id)}-hint\">{Enc(Hint)}</div>");
        }

        if (field.Error is not null)
        {
            describedBy.Add(field.Id + "-error");
            html.Append($"<span class=\"nhsuk-error-message\" id=\"{Enc(field.Id)}-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> {Enc(field.Error)}</span>");
        }

        return describedBy.Count > 0 ? $" aria-describedby=\"{Enc(string.Join(' ', describedBy))}\"" : string.Empty;
    }

    protected string Enc(string value) => encoder.Encode(value);

    /// <summary>The field's element id and its first error, if any.</summary>
    protected sealed record Field(string Id, string? Error)
    {
        public bool HasError => Error is not null;
    }
}

/// <summary>A field that is a group of controls: a fieldset with a legend (radios, checkboxes, a date).</summary>
public abstract class NhsFieldsetTagHelper(HtmlEncoder encoder) : NhsFieldTagHelper(encoder)
{
    public string Legend { get; set; } = string.Empty;

    /// <summary>Extra attributes of the fieldset element, with a leading space.</summary>
    protected virtual string FieldsetAttributes => string.Empty;

    protected sealed override void WriteField(StringBuilder html, Field field)
    {
        var inner = new StringBuilder();
        inner.Append($"<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">{Enc(Legend)}</legend>");
        var describedBy = WriteHintAndError(inner, field);
        WriteControls(inner, field);
        html.Append($"<fieldset class=\"nhsuk-fieldset\"{FieldsetAttributes}{describedBy}>{inner}</fieldset>");
    }

    protected abstract void WriteControls(StringBuilder html, Field field);
}

/// <summary>Radios or checkboxes: one input per option, each with its label and optional hint.</summary>
public abstract class NhsChoicesTagHelper(HtmlEncoder encoder, string kind, string inputType) : NhsFieldsetTagHelper(encoder)
{
    public IEnumerable<RadioOption> Options { get; set; } = [];

    protected abstract bool IsChosen(string value);

    protected sealed override void WriteControls(StringBuilder html, Field field)
    {
        html.Append($"<div class=\"nhsuk-{kind}\" data-module=\"nhsuk-{kind}\">");
        var index = 0;
        foreach (var option in Options)
        {
            // The first input takes the field's id, so the error summary's link lands on it.
            var optionId = index++ == 0 ? field.Id : $"{field.Id}-{index}";
            var isChecked = IsChosen(option.Value) ? " checked" : string.Empty;
            var hintAttr = option.Hint is null ? string.Empty : $" aria-describedby=\"{Enc(optionId)}-item-hint\"";
            html.Append($"<div class=\"nhsuk-{kind}__item\">");
            html.Append($"<input class=\"nhsuk-{kind}__input\" id=\"{Enc(optionId)}\" name=\"{Enc(Name)}\" type=\"{inputType}\" value=\"{Enc(option.Value)}\"{isChecked}{hintAttr}>");
            html.Append($"<label class=\"nhsuk-label nhsuk-{kind}__label\" for=\"{Enc(optionId)}\">{Enc(option.Text)}</label>");
            if (option.Hint is not null)
            {
                html.Append($"<div class=\"nhsuk-hint nhsuk-{kind}__hint\" id=\"{Enc(optionId)}-item-hint\">{Enc(option.Hint)}</div>");
            }

            html.Append("</div>");
        }

        html.Append("</div>");
    }
}
