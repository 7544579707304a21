using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Web.Features.Account.Passwords;
using Portal.Web.Features.Account.Registration;
using Portal.Web.Features.Account.TwoFactor;

namespace Portal.Web.Features.Account;

public static class AccountServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Identity over the portal database: cookie sign-in with lockout and two-factor
    /// codes, registration, passwords per OWASP ASVS 6.2, and the account mails and audit records.
    /// </summary>
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services)
    {
        services.AddIdentity<PortalUser, PortalRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Every sign-in step asks ActiveAccountConfirmation: confirmed, approved, not deactivated.
                options.SignIn.RequireConfirmedAccount = true;
                options.SignIn.RequireConfirmedEmail = false;
                // OWASP ASVS 6.2: length, not composition.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<PortalIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddUserConfirmation<ActiveAccountConfirmation>()
            .AddPasswordValidator<MaximumLengthPasswordValidator>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<PersonalPasswordValidator>();

        // Roles and claims in the cookie are refreshed from the database this often.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "stem.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events.OnValidatePrincipal = AccountCookieValidation.ValidateAsync;
            // API callers get a status code, not a redirect to an HTML page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddHttpContextAccessor();
        services.AddSingleton(sp => AccountOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<AccountLinks>();
        services.AddScoped<AccountRecords>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<SystemChoices>();
        return services;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
