namespace Portal.Web.Features.Account;

/// <summary>
/// Portal:Accounts:AllowedDomains — addresses at these domains (or their subdomains) are let in as
/// soon as they are confirmed; others wait for a coordinator. Portal:PublicUrl — the address that
/// links in mails start with; without it, the address of the request that caused the mail.
/// </summary>
public sealed class AccountOptions
{
    public static readonly IReadOnlyList<string> DefaultAllowedDomains = ["nhs.net", "nhs.uk", "gov.uk", "ac.uk"];

    public IReadOnlyList<string> AllowedDomains { get; init; } = DefaultAllowedDomains;

    public Uri? PublicUrl { get; init; }

    /// <summary>Reads the settings; the domains may be a list or one comma-separated value (handy in environment variables).</summary>
    public static AccountOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Portal:Accounts:AllowedDomains");
        var listed = section.Value is { } single
            ? single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).ToArray();
        var publicUrl = configuration["Portal:PublicUrl"];
        return new AccountOptions
        {
            AllowedDomains = listed.Length > 0 ? listed.Select(d => d.TrimStart('@', '.').ToLowerInvariant()).ToArray() : DefaultAllowedDomains,
            PublicUrl = string.IsNullOrWhiteSpace(publicUrl) ? null : new Uri(publicUrl.TrimEnd('/') + "/", UriKind.Absolute),
        };
    }

    /// <summary>True for name@nhs.net and for name@trust.nhs.uk when nhs.uk is listed.</summary>
    public bool IsAllowListed(string email)
    {
        var at = email.LastIndexOf('@');
        if (at < 0)
        {
            return false;
        }

        var domain = email[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant();
        return AllowedDomains.Any(allowed => domain == allowed || domain.EndsWith("." + allowed, StringComparison.Ordinal));
    }
}
