using Portal.Data.SaveHook;

namespace Portal.Web.Features.Summaries;

public static class SummaryReviewServiceCollectionExtensions
{
    /// <summary>
    /// Peer review, delivery and re-runs of summaries: the use cases, the summary page's section,
    /// the notices to reviewers, authors and requesters, and the review-date reminders
    /// (Portal:Summaries:ReminderInterval; a bad value stops the portal at start-up).
    /// </summary>
    public static IServiceCollection AddPortalSummaryReview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(SummaryReminderOptions.Read(configuration));
        services.AddScoped<SummaryReviewers>();
        services.AddScoped<SummaryWorkflow>();
        services.AddScoped<SummaryWorkflowPanels>();
        services.AddScoped<SummaryReviewReminders>();
        services.AddHostedService<SummaryReviewReminderService>();
        services.AddSingleton<IDomainEventReactor, SummaryNotices>();
        return services;
    }
}
