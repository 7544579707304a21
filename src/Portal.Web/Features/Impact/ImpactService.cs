using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Impact;

/// <summary>
/// Every Portal:Impact:CheckInterval (first one interval after start) sends the impact form to
/// requesters whose evidence was delivered Portal:Impact:AskAfterDays days ago, and reminds once,
/// Portal:Impact:ReminderAfterDays days later, those who have not answered. Every node runs it;
/// <see cref="ImpactAsking"/> makes that safe.
/// </summary>
public sealed class ImpactService(IServiceScopeFactory scopes, ImpactOptions options, TimeProvider clock, ILogger<ImpactService> logger)
    : RoundsService<Guid>(scopes, options.CheckInterval, clock, logger)
{
    protected override string Job => "Impact forms";

    protected override Task<IReadOnlyList<Guid>> FindAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<ImpactAsking>().CandidatesAsync(cancellationToken);

    protected override Task<bool> HandleAsync(IServiceProvider services, Guid requestId, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<ImpactAsking>().AskAsync(requestId, cancellationToken);
}
