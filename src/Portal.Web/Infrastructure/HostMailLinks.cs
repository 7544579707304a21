using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Portal.Data.SaveHook;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Absolute links for mails: Portal:PublicUrl when set; else, during a request, its scheme and host
/// (after forwarded headers); else, in background work, the first address the portal listens on.
/// Set Portal:PublicUrl in production so that mails sent by background work link to the right host.
/// </summary>
public sealed class HostMailLinks(IConfiguration configuration, IHttpContextAccessor http, IServer server) : IMailLinks
{
    public string Absolute(string path)
    {
        var relative = path.TrimStart('/');
        if (configuration["Portal:PublicUrl"] is { Length: > 0 } publicUrl)
        {
            return new Uri(new Uri(publicUrl.TrimEnd('/') + "/", UriKind.Absolute), relative).ToString();
        }

        if (http.HttpContext?.Request is { } request)
        {
            return $"{request.Scheme}://{request.Host}{request.PathBase}/{relative}";
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return listening is null ? path : new Uri(new Uri(listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).TrimEnd('/') + "/"), relative).ToString();
    }
}
