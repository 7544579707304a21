using Portal.Data.SaveHook;

namespace Portal.Web.Features.Impact;

public static class ImpactServiceCollectionExtensions
{
    /// <summary>
    /// What difference the evidence made: the impact form sent to requesters after delivery (and
    /// one reminder), the form itself, the coordinator's impact report with its CSV, and case
    /// studies. Settings from Portal:Impact (AskAfterDays, ReminderAfterDays, CheckInterval); a bad
    /// value stops the portal at start-up. The report's permission (ViewPipeline) is the librarians
    /// feature's; answering needs RequestEvidence, and the request's requester.
    /// </summary>
    public static IServiceCollection AddPortalImpact(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ImpactOptions.Read(configuration));
        services.AddScoped<ImpactAsking>();
        services.AddScoped<ImpactAnswering>();
        services.AddScoped<ImpactReport>();
        services.AddScoped<CaseStudies>();
        services.AddHostedService<ImpactService>();
        services.AddSingleton<IDomainEventReactor, ImpactNotices>();
        return services;
    }
}
