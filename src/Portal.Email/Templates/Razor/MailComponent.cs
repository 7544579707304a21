using Microsoft.AspNetCore.Components;

namespace Portal.Email.Templates.Razor;

/// <summary>
/// The base of every mail component a theme ships (Emails/{TemplateName}.razor, with
/// <c>@inherits MailComponent&lt;TModel&gt;</c>): the template's model, the site and the subject.
/// </summary>
public abstract class MailComponent<TModel> : ComponentBase
    where TModel : class
{
    [Parameter, EditorRequired]
    public TModel Model { get; set; } = default!;

    /// <summary>The site's name, the theme and the unsubscribe link, if any.</summary>
    [Parameter, EditorRequired]
    public TemplateContext Mail { get; set; } = default!;

    /// <summary>The subject the template chose, for the HTML document's title.</summary>
    [Parameter, EditorRequired]
    public string Subject { get; set; } = string.Empty;
}
