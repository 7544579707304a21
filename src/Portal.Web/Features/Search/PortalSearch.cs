using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Search;

namespace Portal.Web.Features.Search;

/// <summary>
/// Searching as a signed-in (or anonymous) person: their access terms are added to every search,
/// so nothing comes back that they may not open. Null results mean this node is rebuilding its
/// index: say so, do not fail.
/// </summary>
public sealed class PortalSearch(SearchIndex index, IAuthorizationService authorization)
{
    public bool IsReady => index.IsReady;

    public async Task<SearchResults?> SearchAsync(ClaimsPrincipal user, string text, IReadOnlyDictionary<string, string> filters, SearchSort sort, int page, int pageSize = 10)
    {
        var access = await ReaderAccess.ForAsync(user, authorization);
        return index.Search(new SearchQuery { Text = text, ReaderAccess = access, Filters = filters, Sort = sort, Page = page, PageSize = pageSize });
    }

    /// <summary>Published summaries the person may open that are most like <paramref name="text"/> (a question being written).</summary>
    public async Task<IReadOnlyList<SimilarHit>?> SimilarSummariesAsync(ClaimsPrincipal user, string text, int count, IReadOnlyCollection<string>? excludeKeys = null)
    {
        var access = await ReaderAccess.ForAsync(user, authorization);
        return index.Similar(text, access, [SearchTypes.Summary], count, excludeKeys);
    }

    /// <summary>Summaries the person may open that are most like the summary with <paramref name="summaryId"/>, other versions of it excluded.</summary>
    public async Task<IReadOnlyList<SimilarHit>?> RelatedSummariesAsync(ClaimsPrincipal user, Guid summaryId, IEnumerable<Guid> otherVersions, int count)
    {
        var access = await ReaderAccess.ForAsync(user, authorization);
        var exclude = otherVersions.Select(id => SearchDocument.KeyOf(SearchTypes.Summary, id.ToString())).ToList();
        return index.SimilarTo(SearchDocument.KeyOf(SearchTypes.Summary, summaryId.ToString()), access, [SearchTypes.Summary], count, exclude);
    }
}
