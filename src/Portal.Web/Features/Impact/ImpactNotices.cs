using Microsoft.EntityFrameworkCore;
using Portal.Core.Events;
using Portal.Core.Notifications;
using Portal.Core.Requests;
using Portal.Data.SaveHook;

namespace Portal.Web.Features.Impact;

/// <summary>
/// Sends the requester the impact form (<see cref="RequestImpactAsked"/>), in the portal and by
/// mail as they prefer, in the same save as the request records that it was asked.
/// </summary>
internal sealed class ImpactNotices : IDomainEventReactor
{
    private const int QuestionLength = 120;

    public async Task ReactAsync(IDomainEvent domainEvent, SideEffects effects, CancellationToken cancellationToken)
    {
        if (domainEvent is not RequestImpactAsked asked)
        {
            return;
        }

        var request = effects.Db.EvidenceRequests.Local.FirstOrDefault(r => r.Id == asked.RequestId)
            ?? await effects.Db.EvidenceRequests.AsNoTracking().SingleAsync(r => r.Id == asked.RequestId, cancellationToken);
        var question = request.Details.Question.Length <= QuestionLength ? request.Details.Question : request.Details.Question[..(QuestionLength - 1)].TrimEnd() + "…";
        var text = asked.Reminder
            ? $"A reminder: what difference did the evidence for “{question}” make? The impact form takes a few minutes."
            : $"What difference did the evidence for “{question}” make? Please tell us on the impact form: it takes a few minutes.";
        await effects.NotifyAsync(asked.RequesterId, NotificationKind.ImpactForm, text, ImpactPaths.Form(request.Id), cancellationToken);
    }
}

/// <summary>The addresses of the impact pages.</summary>
public static class ImpactPaths
{
    public const string Report = "/coordination/impact";

    public static string Form(Guid requestId) => $"/requests/{requestId}/impact";

    public static string CaseStudy(Guid caseStudyId) => $"/coordination/impact/case-studies/{caseStudyId}";
}
