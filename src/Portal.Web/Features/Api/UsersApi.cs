using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Data.Identity;

namespace Portal.Web.Features.Api;

/// <summary>GET and POST /api/v1/users: list accounts and create confirmed ones (for administrators' scripts).</summary>
internal static class UsersApi
{
    public sealed record CreateUserRequest(string? Email, string? DisplayName, string? Password, IReadOnlyList<string>? Roles);

    public sealed record UserResponse(string Id, string Email, string DisplayName, string? Organisation, string? JobTitle, IReadOnlyList<string> Roles, bool Active);

    public static async Task<IResult> ListAsync(UserManager<PortalUser> users, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var number = Math.Max(page ?? 1, 1);
        var accounts = await users.Users.AsNoTracking().OrderBy(u => u.Email)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        var result = new List<UserResponse>(accounts.Count);
        foreach (var account in accounts)
        {
            result.Add(await ToResponseAsync(users, account));
        }

        return Results.Ok(result);
    }

    public static async Task<IResult> CreateAsync(CreateUserRequest? request, UserManager<PortalUser> users, TimeProvider clock, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        var email = request?.Email?.Trim();
        if (string.IsNullOrEmpty(email) || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            errors["email"] = ["Enter an email address in the correct format, like name@example.nhs.uk."];
        }

        if (string.IsNullOrWhiteSpace(request?.DisplayName) || request.DisplayName.Length > 200)
        {
            errors["displayName"] = ["Enter a display name of 200 characters or fewer."];
        }

        var roles = request?.Roles ?? [];
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            errors["roles"] = [$"Unknown role(s): {string.Join(", ", unknown)}. Roles are {string.Join(", ", Roles.All)}."];
        }

        if (string.IsNullOrEmpty(request?.Password))
        {
            errors["password"] = ["Enter a password."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        if (await users.FindByEmailAsync(email!) is not null)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "An account already uses this email address.");
        }

        var now = clock.GetUtcNow();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = request!.DisplayName!.Trim(),
            CreatedAt = now,
            ApprovedAt = now,
            ApprovedBy = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
        };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["password"] = created.Errors.Select(e => e.Description).ToArray() });
        }

        if (roles.Count > 0)
        {
            await users.AddToRolesAsync(user, roles.Distinct());
        }

        return Results.Created($"/api/v1/users/{user.Id}", await ToResponseAsync(users, user));
    }

    private static async Task<UserResponse> ToResponseAsync(UserManager<PortalUser> users, PortalUser user) =>
        new(user.Id, user.Email ?? string.Empty, user.DisplayName, user.Organisation, user.JobTitle,
            (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList(), user.CanUseThePortal);
}
