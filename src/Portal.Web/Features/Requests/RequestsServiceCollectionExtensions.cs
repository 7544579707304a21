using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Requests;
using Portal.Theming;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Requests;

public static class RequestsServiceCollectionExtensions
{
    /// <summary>
    /// Evidence requests: permissions, use cases, the timeline, the menu item, and the usual
    /// turnaround per output from Portal:Requests:Turnaround (ReadingListDays, EvidenceSummaryDays, EvidenceBriefingDays).
    /// </summary>
    public static IServiceCollection AddPortalRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.Replace(ServiceDescriptor.Singleton(ReadTurnaround(configuration.GetSection("Portal:Requests:Turnaround"))));
        services.AddSingleton<IPermissionProvider, RequestsPermissions>();
        services.AddScoped<RequestActions>();
        services.AddScoped<RequestTimeline>();
        services.AddSingleton<INavigationProvider>(new RequestsNavigation());
        return services;
    }

    /// <summary>The configured turnaround; a value that is not a whole number of days from 1 to 365 stops the portal at start-up.</summary>
    public static TurnaroundRules ReadTurnaround(IConfiguration section)
    {
        var defaults = new TurnaroundRules();
        int Days(string key, int fallback)
        {
            var text = section[key];
            if (text is null)
            {
                return fallback;
            }

            return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 365
                ? days
                : throw new InvalidOperationException($"Portal:Requests:Turnaround:{key} must be a whole number of days from 1 to 365, not '{text}'.");
        }

        return new TurnaroundRules(
            Days(nameof(TurnaroundRules.ReadingListDays), defaults.ReadingListDays),
            Days(nameof(TurnaroundRules.EvidenceSummaryDays), defaults.EvidenceSummaryDays),
            Days(nameof(TurnaroundRules.EvidenceBriefingDays), defaults.EvidenceBriefingDays));
    }

    private sealed class RequestsNavigation : INavigationProvider
    {
        public IEnumerable<NavigationItem> Items => [new("My requests", "/requests/mine", 20, RequestsPermissions.RequestEvidence.Name)];
    }
}
