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

    /// <summary>Renders the mail: RazorEmailTemplate renders the theme's component of the same name.</summary>
    protected abstract Task<RenderedMail> RenderAsync(TModel model, TemplateContext context);

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
