using System.Security.Cryptography;
using System.Text;

namespace Portal.Data.Identity;

/// <summary>
/// A bearer token for scripts and BI tools, or a short session token from /api/v1/auth/token.
/// Only a SHA-256 hash of the secret is stored; the secret is shown once, when it is created.
/// </summary>
public sealed class PersonalAccessToken
{
    /// <summary>Tokens start with this, so a leaked one is recognisable (and secret scanners can find it).</summary>
    public const string Prefix = "stem_";

    public Guid Id { get; set; } = Guid.NewGuid();

    public string UserId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public TokenScope Scope { get; set; }

    public TokenKind Kind { get; set; }

    /// <summary>Hex SHA-256 of the whole token text.</summary>
    public string Hash { get; set; } = string.Empty;

    /// <summary>The first characters of the token, to tell tokens apart in lists.</summary>
    public string Hint { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>A new random token: the text to hand over once, and the hash to store.</summary>
    public static (string Text, string Hash) NewSecret()
    {
        var text = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (text, HashOf(text));
    }

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

public enum TokenScope
{
    Read = 0,
    ReadWrite = 1,
}

public enum TokenKind
{
    /// <summary>Created by a person on their profile page; named and long-lived.</summary>
    Personal = 0,

    /// <summary>Issued by /api/v1/auth/token for an hour.</summary>
    Session = 1,
}
