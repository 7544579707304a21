using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.OpenApi;
using Portal.Web.Features.Admin;

namespace Portal.Web.Features.Api;

/// <summary>
/// The JSON API under /api/v1: bearer tokens only (no cookies, so no cross-site requests),
/// the same permission policies as the pages, ProblemDetails errors and an OpenAPI document.
/// </summary>
public static class ApiServiceCollectionExtensions
{
    public const string TokenRateLimit = "auth-token";
    private const string PathSelectingScheme = "Portal";

    public static IServiceCollection AddPortalApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ApiTokens>();
        services.AddSingleton<Infrastructure.Authorization.IPermissionProvider, Tokens.TokensPermissions>();
        services.AddSingleton<Portal.Theming.INavigationProvider>(new TokensNavigation());
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(PathSelectingScheme, "Cookie for pages, bearer token for the API", options =>
                options.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments("/api")
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        // Identity sets its cookie as the default; route each request to the right scheme instead.
        services.Configure<AuthenticationOptions>(options =>
        {
            options.DefaultAuthenticateScheme = PathSelectingScheme;
            options.DefaultChallengeScheme = PathSelectingScheme;
            options.DefaultForbidScheme = PathSelectingScheme;
        });

        var perMinute = configuration.GetValue("Portal:Api:TokenRequestsPerMinute", 10);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(TokenRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        // Enums by name in requests and responses: states are "AwaitingRequester", never 3.
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false)));
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = "STEM Portal API", Version = "v1" };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal access token from your profile, or one from POST /api/v1/auth/token.",
            };
            return Task.CompletedTask;
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        var api = endpoints.MapGroup("/api/v1").AddEndpointFilter<ReadOnlyTokenFilter>().WithTags("STEM Portal");

        api.MapPost("/auth/token", AuthTokenEndpoint.HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(TokenRateLimit)
            .WithSummary("Exchange an email address, password and authenticator code for a one-hour token.");

        var users = api.MapGroup("/users").RequireAuthorization(AdminPermissions.ManageUsers.Name);
        users.MapGet("", UsersApi.ListAsync).WithSummary("List accounts, 50 a page.");
        users.MapPost("", UsersApi.CreateAsync).WithSummary("Create a confirmed account with roles.");
        WorkStreams.WorkStreamsApi.Map(api);
        Requests.RequestsApi.Map(api);
        Librarians.LibrariansApi.Map(api);
        Matching.MatchingApi.Map(api);
        Claims.ClaimsApi.Map(api);
        Summaries.SummariesApi.Map(api);
        Coordination.CoordinationApi.Map(api);
        Summaries.SummaryReviewApi.Map(api);
        Impact.ImpactApi.Map(api);
        Publication.PublicationApi.Map(api);
        Search.SearchApi.Map(api);
        Search.SimilarApi.Map(api);
        return endpoints;
    }

    private sealed class TokensNavigation : Portal.Theming.INavigationProvider
    {
        public IEnumerable<Portal.Theming.NavigationItem> Items => [new("API tokens", "/account/tokens", 800, Tokens.TokensPermissions.CreateApiTokens.Name, Portal.Theming.NavigationSections.Account)];
    }

    /// <summary>A read-only token may look but not change anything.</summary>
    internal sealed class ReadOnlyTokenFilter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            var readOnly = http.User.FindFirst(ApiTokenAuthenticationHandler.ScopeClaim)?.Value == nameof(Portal.Data.Identity.TokenScope.Read);
            if (readOnly && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This token is read-only.");
            }

            return await next(context);
        }
    }
}
