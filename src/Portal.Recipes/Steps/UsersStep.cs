using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Data;
using Portal.Data.Identity;

namespace Portal.Recipes.Steps;

/// <summary>
/// "Users": demo accounts, matched by email. They all get the demo password of the run; its hash
/// is computed once and shared, because hashing is deliberately slow and the password is shared anyway.
/// </summary>
internal sealed class UsersStep(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : IRecipeStepHandler
{
    public string StepName => "Users";

    private sealed record Data(IReadOnlyList<UserData> Users);

    private sealed record UserData(string Email, string DisplayName, IReadOnlyList<string> Roles, string? Organisation, string? JobTitle, string? System);

    public async Task ExecuteAsync(RecipeStep step, RecipeContext context, CancellationToken cancellationToken)
    {
        var data = StepData.Read<Data>(step);
        var password = context.DemoPassword
            ?? throw new InvalidOperationException("No demo password was given for the demo users.");
        string? sharedHash = null;
        var systems = await db.GeoAreas.Where(a => a.Level == Core.Geography.GeoLevel.System)
            .ToDictionaryAsync(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);

        foreach (var item in data.Users)
        {
            var unknownRole = item.Roles.FirstOrDefault(r => !Roles.All.Contains(r));
            if (unknownRole is not null)
            {
                throw new KeyNotFoundException($"User {item.Email} has an unknown role '{unknownRole}'.");
            }

            int? systemId = null;
            if (item.System is not null)
            {
                systemId = systems.TryGetValue(item.System, out var id)
                    ? id
                    : throw new KeyNotFoundException($"User {item.Email} names system {item.System}, which is not in the geography.");
            }

            var user = await users.FindByEmailAsync(item.Email);
            if (user is null)
            {
                var now = clock.GetUtcNow();
                user = new PortalUser { UserName = item.Email, Email = item.Email, EmailConfirmed = true, CreatedAt = now, ApprovedAt = now, ApprovedBy = "recipe" };
                sharedHash ??= users.PasswordHasher.HashPassword(user, password);
                user.PasswordHash = sharedHash;
                Describe(user, item, systemId);
                Check(await users.CreateAsync(user), item.Email);
            }
            else
            {
                Describe(user, item, systemId);
                Check(await users.UpdateAsync(user), item.Email);
            }

            var missing = item.Roles.Except(await users.GetRolesAsync(user)).ToList();
            if (missing.Count > 0)
            {
                Check(await users.AddToRolesAsync(user, missing), item.Email);
            }
        }
    }

    private static void Describe(PortalUser user, UserData item, int? systemId)
    {
        user.DisplayName = item.DisplayName;
        user.Organisation = item.Organisation;
        user.JobTitle = item.JobTitle;
        user.SystemId = systemId;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"User {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
