using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// Every Portal:Summaries:ReminderInterval (first one interval after start) tells the authors of
/// final summaries whose date to re-run or review has come. Every node runs it;
/// <see cref="SummaryReviewReminders"/> makes that safe.
/// </summary>
public sealed class SummaryReviewReminderService(
    IServiceScopeFactory scopes, SummaryReminderOptions options, TimeProvider clock, ILogger<SummaryReviewReminderService> logger)
    : RoundsService<Guid>(scopes, options.ReminderInterval, clock, logger)
{
    protected override string Job => "Summary review reminders";

    protected override Task<IReadOnlyList<Guid>> FindAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<SummaryReviewReminders>().CandidatesAsync(cancellationToken);

    protected override Task<bool> HandleAsync(IServiceProvider services, Guid summaryId, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<SummaryReviewReminders>().RemindAsync(summaryId, cancellationToken);
}
