using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Data;

namespace Portal.Web.Infrastructure;

public static class OutcomeSaving
{
    /// <summary>
    /// Makes a change through the entities and saves it, with its side effects, in one transaction.
    /// A rule the entities refuse, or a save overtaken by someone else's (a version token), becomes
    /// the outcome, and nothing is left half-written in the context. A value rule is reported
    /// against <paramref name="field"/> (empty: the whole form).
    /// </summary>
    public static async Task<Outcome<T>> SaveOutcomeAsync<T>(this PortalDbContext db, Func<T> change, CancellationToken cancellationToken, string field = "")
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            var value = change();
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(value);
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            return refusal.Kind == RuleViolationKind.Invalid ? Outcome.Invalid<T>([new(field, refusal.Message)]) : Outcome.Refused<T>(refusal);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Overtaken<T>();
        }
    }
}
