using System.Net.Mail;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Site;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Recipes;

namespace Portal.Web.Features.Site;

/// <summary>
/// Sets up an empty site: settings, roles, the first administrator and a recipe's content, in one
/// transaction. A site that exists is never set up again.
/// </summary>
public sealed class SiteSetup(
    PortalDbContext db,
    UserManager<PortalUser> users,
    RoleManager<PortalRole> roles,
    RecipeCatalog catalog,
    RecipeRunner runner,
    DataFolder dataFolder,
    TimeProvider clock,
    IConfiguration configuration,
    SiteContext site,
    Api.ApiTokens tokens)
{
    public const string DemoPasswordFileName = "demo-password.txt";
    public const int MinimumApiTokenLength = 32;

    /// <summary>The token from Portal:Setup:AdminApiToken is for automation; it lasts a year unless revoked.</summary>
    private static readonly TimeSpan AdminApiTokenLifetime = TimeSpan.FromDays(365);

    public async Task<SetupResult> RunAsync(SetupRequest request, CancellationToken cancellationToken = default)
    {
        if (await db.SiteSettings.AnyAsync(cancellationToken))
        {
            return SetupResult.AlreadySetUp;
        }

        var errors = new List<SetupError>();
        var siteName = request.SiteName?.Trim();
        if (string.IsNullOrEmpty(siteName))
        {
            errors.Add(new(nameof(request.SiteName), "Enter a site name"));
        }
        else if (siteName.Length > 200)
        {
            errors.Add(new(nameof(request.SiteName), "Site name must be 200 characters or fewer"));
        }

        Recipe? recipe = null;
        if (string.IsNullOrWhiteSpace(request.Recipe))
        {
            errors.Add(new(nameof(request.Recipe), "Choose a recipe"));
        }
        else
        {
            try
            {
                recipe = catalog.Find(request.Recipe);
                if (recipe is null)
                {
                    errors.Add(new(nameof(request.Recipe), $"There is no recipe called '{request.Recipe}'"));
                }
                else
                {
                    runner.Validate(recipe);
                }
            }
            catch (RecipeException ex)
            {
                errors.Add(new(nameof(request.Recipe), ex.Message));
                recipe = null;
            }
        }

        var email = request.AdminEmail?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add(new(nameof(request.AdminEmail), "Enter the administrator's email address"));
        }
        else if (!IsEmailAddress(email))
        {
            errors.Add(new(nameof(request.AdminEmail), "Enter an email address in the correct format, like name@example.nhs.uk"));
        }

        var now = clock.GetUtcNow();
        var admin = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator", CreatedAt = now, ApprovedAt = now, ApprovedBy = "setup" };
        if (string.IsNullOrEmpty(request.AdminPassword))
        {
            errors.Add(new(nameof(request.AdminPassword), "Enter a password"));
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, admin, request.AdminPassword);
                errors.AddRange(result.Errors.Select(e => new SetupError(nameof(request.AdminPassword), e.Description)));
            }

            if (request.ConfirmPassword is not null && request.ConfirmPassword != request.AdminPassword)
            {
                errors.Add(new(nameof(request.ConfirmPassword), "The passwords do not match"));
            }
        }

        var apiToken = configuration["Portal:Setup:AdminApiToken"];
        if (apiToken is not null && (apiToken.Length < MinimumApiTokenLength || apiToken.Any(char.IsWhiteSpace)))
        {
            errors.Add(new("AdminApiToken", $"Portal:Setup:AdminApiToken must be at least {MinimumApiTokenLength} characters without spaces"));
        }

        if (errors.Count > 0 || recipe is null)
        {
            return SetupResult.Invalid(errors);
        }

        var configuredDemoPassword = configuration["Portal:Setup:DemoPassword"];
        if (configuredDemoPassword is { Length: < 12 or > 128 })
        {
            errors.Add(new("DemoPassword", "Portal:Setup:DemoPassword must be between 12 and 128 characters"));
            return SetupResult.Invalid(errors);
        }

        var generated = false;
        var demoPassword = NeedsDemoPassword(recipe) ? DemoPassword(out generated) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.SiteSettings.Add(new SiteSettings(siteName!, recipe.Name, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    Check(await roles.CreateAsync(new PortalRole(role)));
                }
            }

            Check(await users.CreateAsync(admin, request.AdminPassword!));
            Check(await users.AddToRoleAsync(admin, Roles.Administrator));
            if (apiToken is not null)
            {
                await tokens.CreateAsync(admin.Id, "Setup token", TokenScope.ReadWrite, TokenKind.Personal, AdminApiTokenLifetime, cancellationToken, apiToken);
            }

            await runner.RunAsync(recipe, new RecipeContext { DemoPassword = demoPassword }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request may have set the site up between our check and our insert.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (await db.SiteSettings.AnyAsync(CancellationToken.None))
            {
                return SetupResult.AlreadySetUp;
            }

            throw;
        }
        catch (RecipeException ex)
        {
            return SetupResult.Invalid([new SetupError(nameof(request.Recipe), ex.Message)]);
        }

        site.Refresh();
        if (demoPassword is not null && generated)
        {
            await WriteOwnerOnlyAsync(Path.Combine(dataFolder.Path, DemoPasswordFileName), demoPassword + Environment.NewLine, cancellationToken);
            return SetupResult.Done(demoPassword);
        }

        return SetupResult.Done(shownDemoPassword: null);
    }

    private static bool NeedsDemoPassword(Recipe recipe) =>
        recipe.Steps.Any(s => string.Equals(s.Name, "Users", StringComparison.OrdinalIgnoreCase));

    private string DemoPassword(out bool generated)
    {
        var configured = configuration["Portal:Setup:DemoPassword"];
        generated = string.IsNullOrEmpty(configured);
        // 20 characters from an unambiguous alphabet: ~115 bits, and easy to read off a screen.
        return generated ? RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20) : configured!;
    }

    private static async Task WriteOwnerOnlyAsync(string path, string text, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text.AsMemory(), cancellationToken);
    }

    private static bool IsEmailAddress(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && value.Contains('.', StringComparison.Ordinal);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record SetupError(string Field, string Message);

public sealed record SetupResult(bool Succeeded, bool WasAlreadySetUp, IReadOnlyList<SetupError> Errors, string? ShownDemoPassword)
{
    public static SetupResult AlreadySetUp { get; } = new(false, true, [], null);

    public static SetupResult Invalid(IReadOnlyList<SetupError> errors) => new(false, false, errors, null);

    public static SetupResult Done(string? shownDemoPassword) => new(true, false, [], shownDemoPassword);
}
