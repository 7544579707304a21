using Portal.Data;
using Portal.Data.Identity;

namespace Portal.Web.Features.Api;

/// <summary>Creates tokens. The text is returned once; only its hash is kept.</summary>
public sealed class ApiTokens(PortalDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(1);

    public async Task<(string Text, PersonalAccessToken Token)> CreateAsync(
        string userId, string name, TokenScope scope, TokenKind kind, TimeSpan lifetime, CancellationToken cancellationToken, string? givenText = null)
    {
        var (text, hash) = givenText is null ? PersonalAccessToken.NewSecret() : (givenText, PersonalAccessToken.HashOf(givenText));
        var now = clock.GetUtcNow();
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = name,
            Scope = scope,
            Kind = kind,
            Hash = hash,
            Hint = text[..Math.Min(10, text.Length)],
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (text, token);
    }
}
