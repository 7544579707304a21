using Microsoft.EntityFrameworkCore;
using Portal.Core.Events;
using Portal.Core.Notifications;
using Portal.Core.Requests;
using Portal.Core.Summaries;
using Portal.Data.SaveHook;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Publication;

/// <summary>
/// Tells the authors of a summary, in the same transaction as the change, that the requester agreed
/// to share it (so they can publish it) or took that back, and that someone else published or
/// withdrew it.
/// </summary>
internal sealed class PublicationNotices : IDomainEventReactor
{
    private const int TitleLength = 120;

    public async Task ReactAsync(IDomainEvent domainEvent, SideEffects effects, CancellationToken cancellationToken)
    {
        switch (domainEvent)
        {
            case RequestSharingConsentChanged consent:
                var versions = await effects.Db.SearchSummaries.AsNoTracking().Where(s => s.RequestId == consent.RequestId)
                    .OrderByDescending(s => s.VersionNumber).ToListAsync(cancellationToken);
                if (versions.FirstOrDefault(s => s.State == SummaryState.Final) is not { } newest)
                {
                    return;
                }

                var requester = await NameAsync(effects, consent.By, cancellationToken);
                var text = consent.To switch
                {
                    SummaryVisibility.Public => $"{requester} agreed to share the search summary {Quoted(newest.Content.Title)} with the public. You can now publish it.",
                    SummaryVisibility.Members => $"{requester} agreed to share the search summary {Quoted(newest.Content.Title)} with members. You can now publish it to members.",
                    _ => $"{requester} no longer agrees to share the search summary {Quoted(newest.Content.Title)}. It is for the requester only again.",
                };
                foreach (var author in versions.SelectMany(s => s.Authors).Distinct(StringComparer.Ordinal).Where(a => a != consent.By))
                {
                    await effects.NotifyAsync(author, NotificationKind.SummarySharing, text, $"/summaries/{newest.Id}", cancellationToken);
                }

                break;
            case SummaryPublished published:
                var summary = effects.Db.SearchSummaries.Local.FirstOrDefault(s => s.Id == published.SummaryId)
                    ?? await effects.Db.SearchSummaries.AsNoTracking().SingleAsync(s => s.Id == published.SummaryId, cancellationToken);
                var who = await NameAsync(effects, published.By, cancellationToken);
                var what = published.To switch
                {
                    SummaryVisibility.Public => "published the search summary {0} to the public",
                    SummaryVisibility.Members => "published the search summary {0} to members",
                    _ => "withdrew the search summary {0}: it is for the requester only again",
                };
                var line = $"{who} {string.Format(System.Globalization.CultureInfo.InvariantCulture, what, Quoted(summary.Content.Title))}.";
                foreach (var author in summary.Authors.Where(a => a != published.By))
                {
                    await effects.NotifyAsync(author, NotificationKind.SummarySharing, line, $"/summaries/{summary.Id}", cancellationToken);
                }

                break;
        }
    }

    private static string Quoted(string title) => $"“{(title.Length <= TitleLength ? title : title[..(TitleLength - 1)].TrimEnd() + "…")}”";

    private static async Task<string> NameAsync(SideEffects effects, string userId, CancellationToken cancellationToken) =>
        (await effects.Db.DisplayNamesAsync([userId], cancellationToken)).GetValueOrDefault(userId, "Someone");
}
