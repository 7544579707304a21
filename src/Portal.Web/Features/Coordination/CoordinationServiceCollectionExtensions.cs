using Portal.Data.SaveHook;
using Portal.Theming;
using Portal.Web.Features.Librarians;

namespace Portal.Web.Features.Coordination;

public static class CoordinationServiceCollectionExtensions
{
    /// <summary>
    /// The coordinator's side: pipeline board, capacity view, assigning, the activity report, and
    /// the escalation service with its notifications. Settings from Portal:Coordination
    /// (UnclaimedAfterDays, EscalationInterval); a bad value stops the portal at start-up.
    /// Its permissions (ViewPipeline, AssignRequests) are declared by the librarians feature.
    /// </summary>
    public static IServiceCollection AddPortalCoordination(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(CoordinationOptions.Read(configuration));
        services.AddScoped<PipelineBoard>();
        services.AddScoped<LibrarianCapacity>();
        services.AddScoped<RequestAssignment>();
        services.AddScoped<ActivityReport>();
        services.AddScoped<Escalation>();
        services.AddHostedService<EscalationService>();
        services.AddSingleton<IDomainEventReactor, CoordinationAlerts>();
        services.AddSingleton<INavigationProvider>(new CoordinationNavigation());
        return services;
    }

    private sealed class CoordinationNavigation : INavigationProvider
    {
        public IEnumerable<NavigationItem> Items => [new("Coordination", "/coordination", 30, LibrariansPermissions.ViewPipeline.Name)];
    }
}
