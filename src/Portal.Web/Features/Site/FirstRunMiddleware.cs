using Portal.Theming;

namespace Portal.Web.Features.Site;

/// <summary>Until the site is set up, every page leads to the setup page.</summary>
public sealed class FirstRunMiddleware(RequestDelegate next, ISiteContext site)
{
    private static readonly PathString[] AlwaysOpen = ["/setup", "/health", "/_content", "/error", "/favicon.ico"];

    public Task InvokeAsync(HttpContext context)
    {
        // Open paths first: health probes must answer without reading the site from the database.
        if (AlwaysOpen.Any(p => context.Request.Path.StartsWithSegments(p)) || site.Current.IsSetUp)
        {
            return next(context);
        }

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The site is not set up yet.").ExecuteAsync(context);
        }

        context.Response.Redirect("/setup");
        return Task.CompletedTask;
    }
}
