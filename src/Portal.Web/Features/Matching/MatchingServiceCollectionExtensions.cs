using Portal.Core.Librarians;
using Portal.Data.SaveHook;
using Portal.Theming;
using Portal.Web.Features.Librarians;

namespace Portal.Web.Features.Matching;

public static class MatchingServiceCollectionExtensions
{
    /// <summary>
    /// Explained matching of librarians and requests: the matcher, the past-work similarity (more-like-this
    /// over past summaries, with topics), the notifications of the top matches, the "Requests for
    /// me" menu item, and the settings Portal:Matching:Weights:{Topics,Similarity,Geography,Capacity,Availability}
    /// and Portal:Matching:NotifyTop.
    /// </summary>
    public static IServiceCollection AddPortalMatching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ReadSettings(configuration));
        services.AddSingleton<TopicPastWorkSimilarity>();
        services.AddSingleton<IPastWorkSimilarity, Search.SearchPastWorkSimilarity>();
        services.AddScoped<LibrarianMatcher>();
        services.AddScoped<IDomainEventReactor, MatchNotifier>();
        services.AddSingleton<INavigationProvider>(new MatchingNavigation());
        return services;
    }

    /// <summary>The configured settings; a weight that is not a number from 0 to 100, weights all 0, or a bad NotifyTop stops the portal at start-up.</summary>
    public static MatchSettings ReadSettings(IConfiguration configuration)
    {
        var section = configuration.GetSection("Portal:Matching");
        var (settings, problems) = MatchSettings.Read(key => section[key], prefix: "Portal:Matching:");
        return settings ?? throw new InvalidOperationException("The matching settings cannot be used. " + string.Join(" ", problems));
    }

    private sealed class MatchingNavigation : INavigationProvider
    {
        public IEnumerable<NavigationItem> Items => [new("Requests for me", "/librarians/me/matches", 25, LibrariansPermissions.KeepLibrarianProfile.Name)];
    }
}
