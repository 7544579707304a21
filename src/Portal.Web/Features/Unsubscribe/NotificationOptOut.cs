using Microsoft.EntityFrameworkCore;
using Portal.Core.Notifications;
using Portal.Data;
using Portal.Data.SaveHook;

namespace Portal.Web.Features.Unsubscribe;

/// <summary>Turns one kind of notification mail, or the weekly digest, off for one person: their preference for it becomes Off.</summary>
public sealed class NotificationOptOut(PortalDbContext db)
{
    /// <summary>False when the account no longer exists.</summary>
    public async Task<bool> TurnOffAsync(string userId, string kind, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return false;
        }

        try
        {
            await SetOffAsync(userId, kind, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two clicks at once (a mail client's one-click and the person's own): the other added
            // the row first, so this one updates it.
            db.ChangeTracker.Clear();
            await SetOffAsync(userId, kind, cancellationToken);
        }

        return true;
    }

    private async Task SetOffAsync(string userId, string kind, CancellationToken cancellationToken)
    {
        var preference = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == userId && p.Kind == kind, cancellationToken);
        if (preference is null)
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind, Delivery = NotificationDelivery.Off });
        }
        else
        {
            preference.Delivery = NotificationDelivery.Off;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
