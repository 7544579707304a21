using System.Text.Json;

namespace Portal.Email.Templates;

/// <summary>A template with a typed model read from camelCase JSON; a missing required value refuses the mail.</summary>
public abstract class EmailTemplate<TModel> : IEmailTemplate
    where TModel : class
{
    public abstract string Name { get; }

    public Task<RenderedMail> RenderAsync(string modelJson, TemplateContext context)
    {
        TModel? model;
        try
        {
            model = JsonSerializer.Deserialize<TModel>(modelJson, EmailModelJson.Options);
        }
        catch (JsonException e)
        {
            throw new MailRefusedException($"The model for template {Name} is not valid: {e.Message}");
        }

        return RenderAsync(model ?? throw new MailRefusedException($"The model for template {Name} is empty."), context);
    }

    /// <summary>Renders the mail; Razor templates (RazorEmailTemplate) override this.</summary>
    protected virtual Task<RenderedMail> RenderAsync(TModel model, TemplateContext context) => Task.FromResult(Render(model, context));

    /// <summary>
    /// For templates still built in C# with MailBody: a synchronous render. Kept only until the last
    /// of them is a Razor component; new templates derive from RazorEmailTemplate instead.
    /// </summary>
    protected virtual RenderedMail Render(TModel model, TemplateContext context) =>
        throw new NotSupportedException($"Template {Name} overrides neither RenderAsync nor Render.");

    /// <summary>A link for a button: only absolute http(s) addresses, so a model cannot smuggle in javascript: or data:.</summary>
    protected Uri Link(string value, string field) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new MailRefusedException($"The model for template {Name} has no absolute http(s) address in {field}.");
}

/// <summary>How template models are written and read: camelCase, and a missing or null required value is an error.</summary>
public static class EmailModelJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>The JSON for OutboxMessage.Model.</summary>
    public static string Serialize<TModel>(TModel model) => JsonSerializer.Serialize(model, Options);
}
