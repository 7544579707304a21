namespace Portal.Web.Features.Account;

/// <summary>Absolute links for mails: Portal:PublicUrl when set, else the scheme and host of the request (after forwarded headers).</summary>
public sealed class AccountLinks(IHttpContextAccessor http, AccountOptions options)
{
    public string To(string pathAndQuery)
    {
        var relative = pathAndQuery.TrimStart('/');
        if (options.PublicUrl is { } publicUrl)
        {
            return new Uri(publicUrl, relative).ToString();
        }

        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Links need Portal:PublicUrl outside a request.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}/{relative}";
    }
}
