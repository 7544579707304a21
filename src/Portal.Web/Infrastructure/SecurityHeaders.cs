using System.Security.Cryptography;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Headers that make the browser refuse what the portal never does: framing, sniffing, scripts
/// from elsewhere. The one inline script (NHS.UK frontend's js-enabled switch) carries a nonce.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string NonceKey = "csp-nonce";

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; " +
                "font-src 'self' https://assets.nhs.uk; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

public static class CspNonceExtensions
{
    /// <summary>The nonce for an inline script on this response.</summary>
    public static string CspNonce(this HttpContext context) => context.Items[SecurityHeadersMiddleware.NonceKey] as string ?? string.Empty;
}
