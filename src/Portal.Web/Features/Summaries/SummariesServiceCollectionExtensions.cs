using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Summaries;
using Portal.Web.Features.Requests;
using Portal.Web.Infrastructure.Authorization;
using System.Security.Claims;

namespace Portal.Web.Features.Summaries;

public static class SummariesServiceCollectionExtensions
{
    /// <summary>
    /// Search summaries: permissions, who may read and change one, and when a reviewer's approval
    /// must come before delivery (Portal:Summaries:Review: RequireForMentees, RequireWhenAsked,
    /// RequireAlways; the first two default to true).
    /// </summary>
    public static IServiceCollection AddPortalSummaries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPermissionProvider, SummariesPermissions>();
        services.Replace(ServiceDescriptor.Singleton(ReadReviewPolicy(configuration.GetSection("Portal:Summaries:Review"))));
        services.AddScoped<SummaryEditing>().AddScoped<SummaryReading>().AddScoped<ReferenceTransfer>();
        return services;
    }

    /// <summary>The viewer's rights over summaries, from their permissions.</summary>
    public static async Task<SummaryAccess> SummaryAccessForAsync(this IAuthorizationService authorization, ClaimsPrincipal user)
    {
        var viewer = await Viewer.ForAsync(user, authorization);
        var mayWrite = (await authorization.AuthorizeAsync(user, SummariesPermissions.WriteSummaries.Name)).Succeeded;
        var mayReview = (await authorization.AuthorizeAsync(user, SummariesPermissions.ReviewSummaries.Name)).Succeeded;
        var isMember = user.Identity?.IsAuthenticated == true
            && (await authorization.AuthorizeAsync(user, WorkStreams.WorkStreamsPermissions.ViewWorkStreams.Name)).Succeeded;
        return new SummaryAccess(viewer, mayWrite, mayReview, isMember);
    }

    /// <summary>The configured policy; a value that is not true or false stops the portal at start-up.</summary>
    public static ReviewPolicy ReadReviewPolicy(IConfiguration section)
    {
        var defaults = ReviewPolicy.Default;
        bool Flag(string key, bool fallback) => section[key] switch
        {
            null => fallback,
            var text when bool.TryParse(text, out var value) => value,
            var text => throw new InvalidOperationException($"Portal:Summaries:Review:{key} must be true or false, not '{text}'."),
        };

        return new ReviewPolicy(
            Flag(nameof(ReviewPolicy.RequireForMentees), defaults.RequireForMentees),
            Flag(nameof(ReviewPolicy.RequireWhenAsked), defaults.RequireWhenAsked),
            Flag(nameof(ReviewPolicy.RequireAlways), defaults.RequireAlways));
    }
}
