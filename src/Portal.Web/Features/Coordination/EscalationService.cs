using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Coordination;

/// <summary>
/// Every Portal:Coordination:EscalationInterval (first one interval after start) flags requests
/// unclaimed for Portal:Coordination:UnclaimedAfterDays days and claims past their deadline.
/// Each request is saved in its own scope, so one that fails does not stop the others; the
/// next round tries it again. Every node runs it; <see cref="Escalation"/> makes that safe.
/// </summary>
public sealed class EscalationService(
    IServiceScopeFactory scopes, CoordinationOptions options, TimeProvider clock, ILogger<EscalationService> logger)
    : RoundsService<Guid>(scopes, options.EscalationInterval, clock, logger)
{
    protected override string Job => "Escalation of unclaimed and overdue requests";

    protected override Task<IReadOnlyList<Guid>> FindAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<Escalation>().CandidatesAsync(cancellationToken);

    protected override Task<bool> HandleAsync(IServiceProvider services, Guid requestId, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<Escalation>().EscalateAsync(requestId, cancellationToken);
}
