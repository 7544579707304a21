using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.SaveHook;
using Portal.Search;
using Portal.Theming;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Search;

/// <summary>
/// What an administrator does with search: sees how this node's index stands against the
/// database, asks every node to rebuild, and edits the health synonyms (which means a rebuild).
/// </summary>
public sealed class SearchAdministration(PortalDbContext db, SearchIndex index, SearchOptions options, TimeProvider clock)
{
    public const string CommandLine = "command line";

    /// <summary>
    /// Records a request every node acts on (each compares it with the last one its index was built
    /// for). Added to the context only: the caller saves, with whatever else belongs to the change.
    /// </summary>
    public static SearchRebuildRequest AddRebuildRequest(PortalDbContext db, string requestedBy, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var request = new SearchRebuildRequest { RequestedAt = now, RequestedBy = requestedBy, Reason = reason };
        db.SearchRebuildRequests.Add(request);
        return request;
    }

    /// <summary>This node's index and how far it is behind the task log.</summary>
    public async Task<SearchAdminStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var status = index.Status();
        var cursor = status.Cursor;
        var gapIds = cursor.GapIds;
        var newest = await db.IndexingTasks.AsNoTracking().MaxAsync(t => (long?)t.Id, cancellationToken);
        // Tasks the index has not applied: after the cursor, and the gaps that have since appeared.
        var waiting = db.IndexingTasks.AsNoTracking().Where(t => t.Id > cursor.Position || gapIds.Contains(t.Id));
        var lag = await waiting.CountAsync(cancellationToken);
        var oldest = lag == 0 ? null : await waiting.MinAsync(t => (DateTimeOffset?)t.CreatedAt, cancellationToken);
        var pending = await db.SearchRebuildRequests.AsNoTracking()
            .Where(r => r.Id > cursor.RebuildRequest)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var names = await db.DisplayNamesAsync(pending.Select(r => r.RequestedBy), cancellationToken);
        var now = clock.GetUtcNow();
        return new SearchAdminStatus(
            Environment.MachineName,
            status,
            newest ?? 0,
            lag,
            oldest is { } at ? now - at : null,
            options.IndexPath,
            pending.Select(r => new PendingRebuild(r.RequestedAt, names.GetValueOrDefault(r.RequestedBy, r.RequestedBy), r.Reason)).ToList());
    }

    public async Task RequestRebuildAsync(string userId, RebuildRequestForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        AddRebuildRequest(db, userId, form.Reason!.Trim(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The saved rules (with the version a save must match), or the portal's own when none were saved.</summary>
    public async Task<SynonymsForm> SynonymsAsync(CancellationToken cancellationToken)
    {
        var saved = await db.SearchSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SearchSettings.SingleId, cancellationToken);
        return saved is null
            ? new SynonymsForm { Synonyms = SynonymRules.DefaultText, Version = 0 }
            : new SynonymsForm { Synonyms = saved.Synonyms, Version = saved.Version };
    }

    /// <summary>
    /// Saves rules that parse, if nobody saved since the form was read, with a rebuild request in
    /// the same transaction: every node rebuilds with them. Problems come back one per line.
    /// </summary>
    public async Task<Outcome<SynonymsForm>> SaveSynonymsAsync(string userId, SynonymsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var text = (form.Synonyms ?? string.Empty).ReplaceLineEndings("\n");
        var (_, problems) = SynonymRules.Parse(text);
        if (problems.Count > 0)
        {
            return Outcome.Invalid<SynonymsForm>(problems.Select(p => new FieldProblem(nameof(SynonymsForm.Synonyms), p)).ToList());
        }

        var now = clock.GetUtcNow();
        var saved = await db.SearchSettings.FirstOrDefaultAsync(s => s.Id == SearchSettings.SingleId, cancellationToken);
        if (saved is null)
        {
            if (form.Version != 0)
            {
                return Outcome.Overtaken<SynonymsForm>();
            }

            saved = new SearchSettings { Version = 0 };
            db.SearchSettings.Add(saved);
        }
        else
        {
            // The save is conditional on the version the form was read at, not the one just loaded.
            db.Entry(saved).Property(s => s.Version).OriginalValue = form.Version;
        }

        saved.Synonyms = text;
        saved.UpdatedAt = now;
        saved.UpdatedBy = userId;
        saved.Version = form.Version + 1;
        AddRebuildRequest(db, userId, "The synonyms were changed.", now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Overtaken: a save matched no row at that version, or a first save met another first save.
            db.ChangeTracker.Clear();
            return Outcome.Overtaken<SynonymsForm>();
        }

        return Outcome.Done(new SynonymsForm { Synonyms = text, Version = saved.Version });
    }
}

/// <summary>The rebuild form: why (kept with the request, for the other administrators).</summary>
public sealed class RebuildRequestForm
{
    [Required(ErrorMessage = "Enter why the index should be rebuilt")]
    [StringLength(500, ErrorMessage = "The reason must be 500 characters or fewer")]
    public string? Reason { get; set; }
}

/// <summary>The synonyms form: the rules and the version they were read at.</summary>
public sealed class SynonymsForm
{
    public string? Synonyms { get; set; }

    [Range(0, int.MaxValue, ErrorMessage = "The form is out of date: open the synonyms page again")]
    public int Version { get; set; }
}

public sealed record PendingRebuild(DateTimeOffset RequestedAt, string RequestedBy, string Reason);

public sealed record SearchAdminStatus(
    string Node,
    SearchIndexStatus Index,
    long NewestTask,
    int Lag,
    TimeSpan? OldestWaiting,
    string IndexPath,
    IReadOnlyList<PendingRebuild> PendingRebuilds);

/// <summary>The search pages on the administration hub.</summary>
internal sealed class SearchAdminNavigation : INavigationProvider
{
    public IEnumerable<NavigationItem> Items =>
    [
        new("Search", "/admin/search", 860, SearchPermissions.ManageSearch.Name, NavigationSections.Administration, "The search index on this server, rebuilding it, and the health synonyms."),
    ];
}
