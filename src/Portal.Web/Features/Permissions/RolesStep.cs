using System.Text.Json;
using Portal.Data;
using Portal.Recipes;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Permissions;

/// <summary>
/// Recipe step "Roles": sets the permissions of each listed role, replacing what it held, as
/// Orchard Core's Roles step does: <c>{ "name": "Roles", "roles": [ { "name": "Librarian", "permissions": [ ... ] } ] }</c>.
/// </summary>
internal sealed class RolesStep(PermissionGrants grants, PortalDbContext db) : IRecipeStepHandler
{
    public string StepName => "Roles";

    public async Task ExecuteAsync(RecipeStep step, RecipeContext context, CancellationToken cancellationToken)
    {
        if (!step.Data.TryGetProperty("roles", out var roles) || roles.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The step needs a \"roles\" array.");
        }

        // Seed first so a role the recipe does not list keeps its defaults.
        await grants.SeedNewPermissionsAsync(db, cancellationToken);
        foreach (var role in roles.EnumerateArray())
        {
            var name = role.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : throw new FormatException("Each role needs a \"name\".");
            if (!Portal.Core.Roles.All.Contains(name))
            {
                throw new KeyNotFoundException($"There is no role called '{name}'.");
            }

            if (!role.TryGetProperty("permissions", out var permissions) || permissions.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"Role {name} needs a \"permissions\" array.");
            }

            await grants.ReplaceAsync(db, name, permissions.EnumerateArray().Select(p => p.GetString() ?? string.Empty), cancellationToken);
        }
    }
}
