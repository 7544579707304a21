using Portal.Email.Templates.Razor;

namespace Portal.Email.Templates;

/// <summary>
/// A template whose body is a Razor component in the theme (Emails/{Name}.razor). The class
/// decides what is not markup — the recipient's name, the subject — and refuses an unsafe model;
/// the component gives the HTML, and the plain text is read from that HTML.
/// </summary>
public abstract class RazorEmailTemplate<TModel>(MailRenderer renderer) : EmailTemplate<TModel>
    where TModel : class
{
    protected abstract string RecipientName(TModel model);

    protected abstract string Subject(TModel model, TemplateContext context);

    /// <summary>Refuses a model the component must not see, e.g. a link that is not an absolute http(s) address (use Link).</summary>
    protected virtual void Check(TModel model)
    {
    }

    protected sealed override async Task<RenderedMail> RenderAsync(TModel model, TemplateContext context)
    {
        Check(model);
        var subject = Subject(model, context);
        var (html, text) = await renderer.RenderAsync(Name, model, context, subject);
        return new RenderedMail(RecipientName(model), subject, text, html);
    }
}
