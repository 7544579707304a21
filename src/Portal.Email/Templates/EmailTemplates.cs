namespace Portal.Email.Templates;

/// <summary>Every registered template by name. Features add theirs with AddSingleton&lt;IEmailTemplate, T&gt;().</summary>
public sealed class EmailTemplates
{
    private readonly Dictionary<string, IEmailTemplate> _byName;

    public EmailTemplates(IEnumerable<IEmailTemplate> templates)
    {
        _byName = new Dictionary<string, IEmailTemplate>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            if (!_byName.TryAdd(template.Name, template))
            {
                throw new InvalidOperationException($"Two email templates are named {template.Name}.");
            }
        }
    }

    public IEnumerable<string> Names => _byName.Keys;

    /// <exception cref="MailRefusedException">No template has that name, or its model is not valid.</exception>
    public Task<RenderedMail> RenderAsync(string name, string modelJson, TemplateContext context) =>
        _byName.TryGetValue(name, out var template)
            ? template.RenderAsync(modelJson, context)
            : throw new MailRefusedException($"Unknown template \"{name}\".");
}
