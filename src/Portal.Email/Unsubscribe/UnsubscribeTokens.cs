using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Email.Unsubscribe;

/// <summary>
/// The token in a mail's unsubscribe link: who it was sent to and which kind of mail it was, sealed
/// with ASP.NET Core Data Protection (keys in the database, so any node reads what another wrote).
/// Whoever holds the token may turn that one kind of mail off for that one person, nothing more;
/// it needs no sign-in, as RFC 8058 one-click requires. It lasts a year after the mail was sent.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>Where the link points: GET shows a confirmation page, POST turns the mail off.</summary>
    public const string Path = "/notifications/unsubscribe";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private const string Version = "u1";
    private readonly IDataProtector _protector = protection.CreateProtector("Portal.Email.Unsubscribe");

    public string Create(string userId, string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var expires = (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return _protector.Protect(string.Join('\n', Version, userId, kind, expires));
    }

    /// <summary>The path and query of the unsubscribe page for this token.</summary>
    public static string PathFor(string token) => $"{Path}?token={Uri.EscapeDataString(token)}";

    /// <summary>Reads a token from a link; anything altered, from another site or too old is refused.</summary>
    public UnsubscribeToken Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return UnsubscribeToken.Invalid;
        }

        string text;
        try
        {
            text = _protector.Unprotect(token.Trim());
        }
        catch (CryptographicException)
        {
            return UnsubscribeToken.Invalid;
        }
        catch (FormatException)
        {
            return UnsubscribeToken.Invalid;
        }

        var parts = text.Split('\n');
        if (parts is not [Version, { Length: > 0 } userId, { Length: > 0 } kind, var expires]
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return UnsubscribeToken.Invalid;
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds) < clock.GetUtcNow()
            ? new UnsubscribeToken(UnsubscribeTokenStatus.Expired, userId, kind)
            : new UnsubscribeToken(UnsubscribeTokenStatus.Valid, userId, kind);
    }
}

public enum UnsubscribeTokenStatus
{
    Valid = 0,
    Invalid = 1,
    Expired = 2,
}

/// <summary>What a token says: valid, expired (the user and kind are known but not acted on) or not a token of ours.</summary>
public sealed record UnsubscribeToken(UnsubscribeTokenStatus Status, string UserId, string Kind)
{
    public static UnsubscribeToken Invalid { get; } = new(UnsubscribeTokenStatus.Invalid, string.Empty, string.Empty);
}
