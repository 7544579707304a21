using Portal.Data;
using Portal.Search;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Search with Lucene.Net: this node's index (kept in step from the indexing-task log by a
    /// background worker, rebuilt when missing, corrupt or asked for), a handler per content type,
    /// and the settings from Portal:Search (IndexPath, PollInterval, GapTimeout, BatchSize).
    /// </summary>
    public static IServiceCollection AddPortalSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPermissionProvider, SearchPermissions>();
        services.AddSingleton(sp => SearchOptions.Read(configuration, sp.GetRequiredService<DataFolder>()));
        services.AddSingleton(sp => new SearchIndex(new SearchIndexOptions { Path = sp.GetRequiredService<SearchOptions>().IndexPath }));
        services.AddSingleton<ISearchIndexHandler, SummaryIndexHandler>();
        services.AddSingleton<ISearchIndexHandler, WorkStreamIndexHandler>();
        services.AddSingleton<ISearchIndexHandler, RequestIndexHandler>();
        services.AddSingleton<ISearchIndexHandler, SegmentationIndexHandler>();
        services.AddScoped<SearchIndexing>();
        services.AddSingleton<SearchIndexSignal>();
        services.AddSingleton<Portal.Data.SaveHook.IIndexingObserver>(sp => sp.GetRequiredService<SearchIndexSignal>());
        services.AddScoped<PortalSearch>();
        services.AddScoped<SearchAdministration>().AddSingleton<Theming.INavigationProvider, SearchAdminNavigation>();
        services.AddHostedService<SearchIndexingService>();
        return services;
    }
}
