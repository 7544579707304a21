using Microsoft.EntityFrameworkCore;
using Portal.Core.Notifications;
using Portal.Core.WorkStreams;
using Portal.Data;
using Portal.Data.SaveHook;
using Portal.Web.Features.Librarians;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Notifications;

/// <summary>How a person hears of each kind of notification, and the topics and work streams they follow.</summary>
public sealed record NotificationChoices(
    IReadOnlyDictionary<NotificationKind, NotificationDelivery> Deliveries, IReadOnlyList<int> TopicIds, IReadOnlyList<Guid> WorkStreamIds, bool DigestStopped = false);

/// <summary>An active work stream a person may follow.</summary>
public sealed record WorkStreamChoice(Guid Id, string Title);

/// <summary>What the preferences page offers: the topic tree in order and the active work streams by title.</summary>
public sealed record SubscriptionOptions(IReadOnlyList<TopicChoice> Topics, IReadOnlyList<WorkStreamChoice> WorkStreams);

/// <summary>
/// Reads and saves one person's notification settings. A kind left at its default has no row, so
/// it follows the default. Saving replaces the whole set in one save: every kind, the topics, and
/// the active work streams followed (a paused or closed work stream, not offered, stays followed).
/// </summary>
public sealed class NotificationSettings(PortalDbContext db, LibrarianProfileEditor topics, TimeProvider clock)
{
    public async Task<NotificationChoices> ChoicesAsync(string userId, CancellationToken cancellationToken)
    {
        var stored = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.Kind, p => p.Delivery, StringComparer.Ordinal, cancellationToken);
        var deliveries = NotificationKinds.All.ToDictionary(k => k.Kind, k => stored.GetValueOrDefault(k.Kind.ToString(), k.Default));
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(cancellationToken);
        return new NotificationChoices(
            deliveries,
            subscriptions.Where(s => s.TopicId != null).Select(s => s.TopicId!.Value).ToList(),
            subscriptions.Where(s => s.WorkStreamId != null).Select(s => s.WorkStreamId!.Value).ToList(),
            stored.TryGetValue(NotificationKinds.WeeklyDigest, out var digest) && digest == NotificationDelivery.Off);
    }

    public async Task<SubscriptionOptions> OptionsAsync(CancellationToken cancellationToken)
    {
        var tree = (await topics.ChoicesAsync(cancellationToken)).Topics;
        var workStreams = await db.WorkStreams.AsNoTracking().Where(w => w.Status == WorkStreamStatus.Active)
            .OrderBy(w => w.Title).Select(w => new WorkStreamChoice(w.Id, w.Title)).ToListAsync(cancellationToken);
        return new SubscriptionOptions(tree, workStreams);
    }

    /// <summary>Saves all the choices, or nothing when any problem was found (<paramref name="readProblems"/> came from reading the form).</summary>
    public async Task<Outcome<NotificationChoices>> SaveAsync(
        string userId, NotificationChoices choices, IReadOnlyList<FieldProblem> readProblems, CancellationToken cancellationToken)
    {
        var problems = readProblems.ToList();
        var offered = await OptionsAsync(cancellationToken);
        if (choices.TopicIds.Any(id => offered.Topics.All(t => t.Id != id)))
        {
            problems.Add(new(nameof(PreferencesForm.Topics), "Choose only topics from the list"));
        }

        if (choices.WorkStreamIds.Any(id => offered.WorkStreams.All(w => w.Id != id)))
        {
            problems.Add(new(nameof(PreferencesForm.WorkStreams), "Choose only work streams from the list"));
        }

        if (problems.Count > 0)
        {
            return Outcome.Invalid<NotificationChoices>(problems);
        }

        var now = clock.GetUtcNow();
        var stored = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, StringComparer.Ordinal, cancellationToken);
        foreach (var kind in NotificationKinds.All)
        {
            var wanted = choices.Deliveries[kind.Kind];
            var row = stored.GetValueOrDefault(kind.Kind.ToString());
            if (wanted == kind.Default && row is not null)
            {
                db.NotificationPreferences.Remove(row);
            }
            else if (wanted != kind.Default && row is not null)
            {
                row.Delivery = wanted;
            }
            else if (wanted != kind.Default)
            {
                db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind.Kind.ToString(), Delivery = wanted });
            }
        }

        // The digest itself: a row with delivery Off while it is stopped, none while it is sent.
        var digestRow = stored.GetValueOrDefault(NotificationKinds.WeeklyDigest);
        if (choices.DigestStopped && digestRow is null)
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = NotificationKinds.WeeklyDigest, Delivery = NotificationDelivery.Off });
        }
        else if (!choices.DigestStopped && digestRow is not null)
        {
            db.NotificationPreferences.Remove(digestRow);
        }

        // Only what changed: a subscription kept across a save keeps its row and the moment it began.
        var activeIds = offered.WorkStreams.Select(w => w.Id).ToList();
        var current = await db.Subscriptions
            .Where(s => s.UserId == userId && (s.TopicId != null || activeIds.Contains(s.WorkStreamId!.Value)))
            .ToListAsync(cancellationToken);
        db.Subscriptions.RemoveRange(current.Where(s =>
            (s.TopicId is { } topic && !choices.TopicIds.Contains(topic)) || (s.WorkStreamId is { } stream && !choices.WorkStreamIds.Contains(stream))));
        db.Subscriptions.AddRange(choices.TopicIds.Where(id => current.All(s => s.TopicId != id))
            .Select(id => new Subscription { UserId = userId, TopicId = id, CreatedAt = now }));
        db.Subscriptions.AddRange(choices.WorkStreamIds.Where(id => current.All(s => s.WorkStreamId != id))
            .Select(id => new Subscription { UserId = userId, WorkStreamId = id, CreatedAt = now }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two saves of the same person's settings at once: the other one landed.
            db.ChangeTracker.Clear();
            return Outcome.Overtaken<NotificationChoices>();
        }

        return Outcome.Done(choices);
    }
}
