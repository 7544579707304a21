namespace Portal.Web.Features.Digest;

/// <summary>Whose digest is being built: an active account, and where their last digest left off.</summary>
public sealed record DigestReader(string UserId, string Email, string DisplayName, DateTimeOffset? LastSentAt);

/// <summary>
/// What the digest covers: from the last digest (or, for a first digest, one week back) until now.
/// Sections list only what is new in it, so nobody is told the same thing twice.
/// </summary>
public sealed record DigestPeriod(DateTimeOffset Since, DateTimeOffset Until)
{
    public static readonly TimeSpan FirstDigestLooksBack = TimeSpan.FromDays(7);

    public static DigestPeriod For(DigestReader reader, DateTimeOffset now) => new(reader.LastSentAt ?? now - FirstDigestLooksBack, now);
}

/// <summary>One line of a digest: what it is and, when there is one, the local path to it.</summary>
public sealed record DigestItem(string Text, string? Link);

/// <summary>One heading of a digest with its lines, in the order the reader sees them.</summary>
public sealed record DigestSection(string Heading, IReadOnlyList<DigestItem> Items);

/// <summary>
/// One part of the weekly digest beyond the person's own notifications. Features that bring
/// something new to read (published summaries, events, resources) add one, registered with
/// AddScoped&lt;IDigestSection, T&gt;(); sections appear in <see cref="Order"/>.
/// Subscriptions (db.Subscriptions: topics and work streams a person follows) have no section yet:
/// new submitted requests are not for members to read, so the first one comes with published
/// summaries, listing those published in the period in the reader's topics and work streams.
/// </summary>
public interface IDigestSection
{
    int Order { get; }

    /// <summary>The section for this reader, or null when it has nothing new for them.</summary>
    Task<DigestSection?> BuildAsync(DigestReader reader, DigestPeriod period, CancellationToken cancellationToken);
}
