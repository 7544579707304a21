using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Portal.Testing;

/// <summary>
/// An authenticator app in a few lines: RFC 6238 time-based codes (HMAC-SHA1, 30-second steps,
/// 6 digits) from the base32 shared key the portal shows. Written here so the tests do not
/// trust the portal's own code generator.
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        // RFC 6238's default, and what authenticator apps and Identity use.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, ignoring spaces, hyphens, padding and letter case.</summary>
    public static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '-' or '=')
            {
                continue;
            }

            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }

        return [.. bytes];
    }
}

/// <summary>
/// The shared keys of the accounts the tests have enrolled, by portal address and email, so a
/// later sign-in to the same portal can answer the code step.
/// </summary>
public static class AuthenticatorKeys
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Keys = new();

    public static void Remember(Uri portal, string email, string key) => Keys[Id(portal, email)] = key;

    public static string For(Uri portal, string email) =>
        Keys.TryGetValue(Id(portal, email), out var key) ? key : throw new InvalidOperationException($"{email} has not enrolled in two-factor sign-in on {portal} in this test run.");

    private static string Id(Uri portal, string email) => $"{portal.GetLeftPart(UriPartial.Authority)}|{email.ToLowerInvariant()}";
}
