using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Events;
using Portal.Core.Notifications;
using Portal.Core.Requests;
using Portal.Data.SaveHook;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Notifications;

/// <summary>
/// When a claim's deadline is close (<see cref="RequestDeadlineNear"/>), tells the claimant, and
/// the mentor reviewing their search if there is one, in the same save as the reminder is marked.
/// </summary>
internal sealed class DeadlineNotices : IDomainEventReactor
{
    private const int QuestionLength = 120;
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public async Task ReactAsync(IDomainEvent domainEvent, SideEffects effects, CancellationToken cancellationToken)
    {
        if (domainEvent is not RequestDeadlineNear near)
        {
            return;
        }

        var request = effects.Db.EvidenceRequests.Local.FirstOrDefault(r => r.Id == near.RequestId)
            ?? await effects.Db.EvidenceRequests.AsNoTracking().SingleAsync(r => r.Id == near.RequestId, cancellationToken);
        var question = request.Details.Question.Length <= QuestionLength ? request.Details.Question : request.Details.Question[..(QuestionLength - 1)].TrimEnd() + "…";
        var due = When(near.Deadline, DateOnly.FromDateTime(effects.Now.UtcDateTime));
        var link = $"/requests/{request.Id}";
        await effects.NotifyAsync(near.ClaimantId, NotificationKind.DeadlineReminder, $"The deadline of “{question}” is {due}.", link, cancellationToken);
        if (request.MentorId is { } mentor && mentor != near.ClaimantId)
        {
            var claimant = (await effects.Db.DisplayNamesAsync([near.ClaimantId], cancellationToken)).GetValueOrDefault(near.ClaimantId, "the librarian");
            await effects.NotifyAsync(mentor, NotificationKind.DeadlineReminder, $"The deadline of “{question}”, which you mentor {claimant} on, is {due}.", link, cancellationToken);
        }
    }

    /// <summary>"today", "tomorrow" or "in 2 days", with the date: "in 2 days (Friday 6 March 2026)".</summary>
    public static string When(DateOnly deadline, DateOnly today)
    {
        var days = deadline.DayNumber - today.DayNumber;
        var relative = days switch
        {
            <= 0 => "today",
            1 => "tomorrow",
            _ => $"in {days} days",
        };
        return $"{relative} ({deadline.ToString("dddd d MMMM yyyy", English)})";
    }
}
