using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Events;
using Portal.Core.Notifications;
using Portal.Core.Summaries;
using Portal.Core.WorkStreams;
using Portal.Data.SaveHook;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// Tells people about a summary's review and delivery, in the portal and as they prefer by mail, in
/// the same transaction as the change: the reviewer that a review is asked of them, the authors
/// that it was approved or sent back or that its review date has come, the requester and the leads
/// of the work stream that it was delivered.
/// </summary>
internal sealed class SummaryNotices : IDomainEventReactor
{
    private const int TitleLength = 120;
    private const int GistLength = 300;
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public async Task ReactAsync(IDomainEvent domainEvent, SideEffects effects, CancellationToken cancellationToken)
    {
        if (domainEvent is not (SummaryReviewAsked or SummaryApproved or SummaryChangesAsked or SummaryDelivered or SummaryReviewDue))
        {
            return;
        }

        var happened = (SummaryEvent)domainEvent;
        var summary = effects.Db.SearchSummaries.Local.FirstOrDefault(s => s.Id == happened.SummaryId)
            ?? await effects.Db.SearchSummaries.AsNoTracking().SingleAsync(s => s.Id == happened.SummaryId, cancellationToken);
        var title = Quoted(summary.Content.Title, TitleLength);
        var link = $"/summaries/{summary.Id}";
        switch (domainEvent)
        {
            case SummaryReviewAsked asked:
                await effects.NotifyAsync(asked.ReviewerId, NotificationKind.SummaryReview,
                    $"{await NameAsync(effects, asked.By, cancellationToken)} asked you to peer review the search summary {title}.", link + "/review", cancellationToken);
                break;
            case SummaryApproved approved:
                await TellAuthorsAsync(effects, summary, approved.By, NotificationKind.SummaryReview,
                    $"{await NameAsync(effects, approved.By, cancellationToken)} approved the search summary {title}. You can now deliver it.", link, cancellationToken);
                break;
            case SummaryChangesAsked changes:
                await TellAuthorsAsync(effects, summary, changes.By, NotificationKind.SummaryReview,
                    $"{await NameAsync(effects, changes.By, cancellationToken)} asked for changes to the search summary {title}: {Cut(changes.Gist, GistLength)}", link, cancellationToken);
                break;
            case SummaryDelivered delivered:
                var request = effects.Db.EvidenceRequests.Local.FirstOrDefault(r => r.Id == delivered.RequestId)
                    ?? await effects.Db.EvidenceRequests.AsNoTracking().SingleAsync(r => r.Id == delivered.RequestId, cancellationToken);
                var leads = await effects.Db.Set<WorkStreamLead>().AsNoTracking().Where(l => l.WorkStreamId == request.WorkStreamId).Select(l => l.UserId).ToListAsync(cancellationToken);
                var what = delivered.Version > 1 ? $"version {delivered.Version} of the search summary" : "the search summary";
                var text = $"{await NameAsync(effects, delivered.By, cancellationToken)} delivered {what} {title}.";
                foreach (var person in leads.Prepend(request.RequesterId).Distinct(StringComparer.Ordinal).Where(p => p != delivered.By))
                {
                    await effects.NotifyAsync(person, NotificationKind.SummaryDelivered, text, link, cancellationToken);
                }

                break;
            case SummaryReviewDue due:
                await TellAuthorsAsync(effects, summary, by: null, NotificationKind.SummaryReviewDue,
                    $"The date you set to re-run or review the search summary {title} has come ({due.ReviewDate.ToString("d MMMM yyyy", English)}).", link, cancellationToken);
                break;
        }
    }

    private static async Task TellAuthorsAsync(SideEffects effects, SearchSummary summary, string? by, NotificationKind kind, string text, string link, CancellationToken cancellationToken)
    {
        foreach (var author in summary.Authors.Where(a => a != by))
        {
            await effects.NotifyAsync(author, kind, text, link, cancellationToken);
        }
    }

    private static string Quoted(string title, int length) => $"“{Cut(title, length)}”";

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    private static async Task<string> NameAsync(SideEffects effects, string userId, CancellationToken cancellationToken) =>
        (await effects.Db.DisplayNamesAsync([userId], cancellationToken)).GetValueOrDefault(userId, "A librarian");
}
