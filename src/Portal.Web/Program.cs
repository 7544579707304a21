using Portal.Data;
using Portal.Email;
using Portal.Recipes;
using Portal.Web.Features.Account;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Api;
using Portal.Web.Features.Claims;
using Portal.Web.Features.Coordination;
using Portal.Web.Features.Digest;
using Portal.Web.Features.Health;
using Portal.Web.Features.Impact;
using Portal.Web.Features.Librarians;
using Portal.Web.Features.Matching;
using Portal.Web.Features.Notifications;
using Portal.Web.Features.Permissions;
using Portal.Web.Features.Publication;
using Portal.Web.Features.Requests;
using Portal.Web.Features.Search;
using Portal.Web.Features.Segmentation;
using Portal.Web.Features.Site;
using Portal.Web.Features.Summaries;
using Portal.Web.Features.Unsubscribe;
using Portal.Web.Features.WorkStreams;
using Portal.Web.Infrastructure;
using Portal.Web.Infrastructure.Authorization;

var builder = WebApplication.CreateBuilder(args);
// Serve the themes' static files (NHS.UK frontend) straight from the build output in every environment.
builder.WebHost.UseStaticWebAssets();

builder.Services
    .AddPortalHost(builder.Configuration)
    .AddPortalData(builder.Configuration, builder.Environment.ContentRootPath)
    .AddPortalDataProtection()
    .AddPortalEmail(builder.Configuration)
    .AddPortalRecipes(builder.Configuration)
    .AddPortalAuthorization()
    .AddPortalAccounts()
    .AddPortalSite()
    .AddPortalHealth()
    .AddPortalRoles()
    .AddPortalAdmin()
    .AddPortalWorkStreams()
    .AddPortalRequests(builder.Configuration)
    .AddPortalLibrarians()
    .AddPortalMatching(builder.Configuration)
    .AddPortalClaims()
    .AddPortalSummaries(builder.Configuration)
    .AddPortalSummaryReview(builder.Configuration)
    .AddPortalPublication()
    .AddPortalCoordination(builder.Configuration)
    .AddPortalNotifications(builder.Configuration)
    .AddPortalDigest(builder.Configuration)
    .AddPortalSegmentation(builder.Configuration)
    .AddPortalImpact(builder.Configuration)
    .AddPortalUnsubscribe()
    .AddPortalSearch(builder.Configuration)
    .AddPortalApi(builder.Configuration);

// Disposed on every way out, so the console logger writes what it holds before the process exits.
await using var app = builder.Build();

if (await app.TryRunCommandAsync(args) is { } exitCode)
{
    return exitCode;
}

if (!await app.TryMigrateDatabaseAsync())
{
    return 1;
}

await app.SeedPermissionsAsync();
await app.RunConfiguredSetupAsync();

app.UsePortalPipeline();
app.MapPortalHealth();
app.MapPortalApi();
app.MapPortalSegmentationApi();

await app.RunAsync();
return 0;
