using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Portal.Web.Infrastructure.Authorization;

/// <summary>A policy for each declared permission, named after it; an unknown name is a programming error.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, IEnumerable<IPermissionProvider> providers)
    : DefaultAuthorizationPolicyProvider(options)
{
    private readonly Dictionary<string, Permission> _permissions =
        providers.SelectMany(p => p.Permissions).ToDictionary(p => p.Name, StringComparer.Ordinal);

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (_permissions.TryGetValue(policyName, out var permission))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission))
                .Build();
        }

        return await base.GetPolicyAsync(policyName)
            ?? throw new InvalidOperationException($"No permission or policy is named '{policyName}'.");
    }
}

internal sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

/// <summary>Grants a permission to a user who holds one of the roles it is granted to.</summary>
internal sealed class PermissionHandler(PermissionGrants grants) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var roles = context.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value);
        if (await grants.IsGrantedToAnyAsync(requirement.Permission.Name, roles))
        {
            context.Succeed(requirement);
        }
    }
}
