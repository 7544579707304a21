using Portal.Data;
using Portal.Recipes;
using Portal.Web.Features.Account;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Health;
using Portal.Web.Features.Site;
using Portal.Web.Infrastructure;
using Portal.Web.Infrastructure.Authorization;

var builder = WebApplication.CreateBuilder(args);
// Serve the themes' static files (NHS.UK frontend) straight from the build output in every environment.
builder.WebHost.UseStaticWebAssets();

builder.Services
    .AddPortalHost(builder.Configuration)
    .AddPortalData(builder.Configuration, builder.Environment.ContentRootPath)
    .AddPortalDataProtection()
    .AddPortalRecipes(builder.Configuration)
    .AddPortalAuthorization()
    .AddPortalAccounts()
    .AddPortalSite()
    .AddPortalHealth()
    .AddPortalAdmin();

var app = builder.Build();

if (await app.TryRunCommandAsync(args))
{
    return;
}

await app.MigrateDatabaseAsync();
await app.RunConfiguredSetupAsync();

app.UsePortalPipeline();
app.MapPortalHealth();

await app.RunAsync();
