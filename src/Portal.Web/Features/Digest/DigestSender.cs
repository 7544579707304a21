using Portal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.SaveHook;
using Portal.Email.Templates;
using Portal.Email.Templates.Digest;

namespace Portal.Web.Features.Digest;

/// <summary>What became of one person's digest round.</summary>
public enum DigestOutcome
{
    /// <summary>The digest was queued in the outbox.</summary>
    Sent,

    /// <summary>Nothing new: no mail, but the person is done until the next week.</summary>
    NothingNew,

    /// <summary>Not due (any more), not an active account, or another node got there first.</summary>
    Skipped,
}

/// <summary>
/// Sends one person's digest if it is due. The outbox row, DigestedAt on the notifications it
/// carries and the person's DigestState (LastSentAt, Version + 1) are one SaveChanges: the update of
/// DigestState is conditional on the Version read, so when two nodes race, one saves and the
/// other's whole save fails and is skipped. A person's first row is inserted on its own beforehand,
/// giving way to a row another node inserted first.
/// </summary>
public sealed class DigestSender(PortalDbContext db, DigestBuilder builder, DigestOptions options, IMailLinks links, ILogger<DigestSender> logger)
{
    public async Task<DigestOutcome> SendIfDueAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = await db.DigestStates.SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (state?.LastSentAt is { } last && last >= options.LatestSlot(now))
        {
            return DigestOutcome.Skipped;
        }

        if (await builder.ReaderAsync(userId, cancellationToken) is not { } reader)
        {
            return DigestOutcome.Skipped;
        }

        if (state is null)
        {
            // The first digest: another node may be writing this row too, and either row will do, so the
            // insert gives way instead of failing (and logging an error); the version check below decides.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO \"DigestStates\" (\"UserId\", \"LastSentAt\", \"Version\") VALUES ({userId}, NULL, 0) ON CONFLICT DO NOTHING", cancellationToken);
            state = await db.DigestStates.SingleAsync(s => s.UserId == userId, cancellationToken);
            if (state.LastSentAt is { } sent && sent >= options.LatestSlot(now))
            {
                return DigestOutcome.Skipped;
            }
        }

        var digest = await builder.BuildAsync(reader, now, cancellationToken);
        state.LastSentAt = now;
        state.Version++;
        if (!digest.IsEmpty)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                RecipientUserId = userId,
                ToAddress = reader.Email,
                Template = WeeklyDigestTemplate.TemplateName,
                Kind = NotificationKinds.WeeklyDigest,
                Model = EmailModelJson.Serialize(Model(digest)),
                CreatedAt = now,
                NextAttemptAt = now,
            });
            await db.Notifications.Where(n => digest.NotificationIds.Contains(n.Id)).LoadAsync(cancellationToken);
            foreach (var notification in db.Notifications.Local.Where(n => digest.NotificationIds.Contains(n.Id)))
            {
                notification.DigestedAt = now;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogDebug("The digest of user {UserId} was sent by another node (its version moved); skipping it.", userId);
            return DigestOutcome.Skipped;
        }

        return digest.IsEmpty ? DigestOutcome.NothingNew : DigestOutcome.Sent;
    }

    private WeeklyDigestModel Model(WeeklyDigest digest) => new(
        digest.Reader.DisplayName,
        digest.Sections.Select(s => new WeeklyDigestSection(s.Heading, s.Items.Select(i => new WeeklyDigestItem(i.Text, i.Link is null ? null : links.Absolute(i.Link))).ToList())).ToList(),
        links.Absolute(NotificationMail.PreferencesPath),
        links.Absolute(NotificationMail.PreferencesPath));
}
