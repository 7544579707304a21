using System.Security.Cryptography;
using System.Text;

namespace Portal.Recipes;

/// <summary>
/// Ids that recipes derive from their keys (a name-based UUID from SHA-256, marked as version 8), so a step finds what it
/// made the first time without a key column, and later steps can name it by the same key.
/// </summary>
public static class RecipeIds
{
    private static readonly Guid Namespace = new("6f1c2a0e-3b4d-4c5e-9f70-8a9b0c1d2e3f");

    public static Guid For(string kind, string key)
    {
        var name = Encoding.UTF8.GetBytes($"{kind}:{key}");
        var space = Namespace.ToByteArray(bigEndian: true);
        var hash = SHA256.HashData([.. space, .. name]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
