using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Web.Features.Api;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Tokens;

public sealed class TokensPermissions : IPermissionProvider
{
    public static readonly Permission CreateApiTokens = new("CreateApiTokens", "Create personal access tokens for scripts and BI tools", Roles.All);

    public IEnumerable<Permission> Permissions => [CreateApiTokens];
}

/// <summary>A person's personal access tokens: create one (shown once), see them, revoke them.</summary>
[Authorize(Policy = "CreateApiTokens")]
[Route("account/tokens")]
public sealed class TokensController(PortalDbContext db, ApiTokens tokens, TimeProvider clock) : Controller
{
    public static readonly IReadOnlyList<int> LifetimesInDays = [30, 90, 365];

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(new CreateTokenRequest(), createdText: null, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Create([FromForm] CreateTokenRequest request, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError(nameof(request.Name), "Enter a name for the token");
        }
        else if (name.Length > 100)
        {
            ModelState.AddModelError(nameof(request.Name), "Name must be 100 characters or fewer");
        }

        if (!Enum.TryParse<TokenScope>(request.Scope, out var scope) || !Enum.IsDefined(scope))
        {
            ModelState.AddModelError(nameof(request.Scope), "Choose what the token may do");
        }

        if (request.Days is not { } days || !LifetimesInDays.Contains(days))
        {
            ModelState.AddModelError(nameof(request.Days), "Choose how long the token lasts");
        }

        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), await PageAsync(request, createdText: null, cancellationToken));
        }

        var (text, _) = await tokens.CreateAsync(UserId, name!, scope, TokenKind.Personal, TimeSpan.FromDays(request.Days!.Value), cancellationToken);
        // Shown on this response only: the token is not stored and cannot be shown again.
        return View(nameof(Index), await PageAsync(new CreateTokenRequest(), text, cancellationToken));
    }

    [HttpPost("{id:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken cancellationToken)
    {
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == UserId, cancellationToken);
        if (token is null)
        {
            return NotFound();
        }

        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Index));
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<TokensPage> PageAsync(CreateTokenRequest form, string? createdText, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var mine = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == UserId && t.Kind == TokenKind.Personal)
            .OrderByDescending(t => t.CreatedAt)
            .ToListAsync(cancellationToken);
        var rows = mine.Select(t => new TokenRow(t.Id, t.Name, t.Hint, t.Scope, t.CreatedAt, t.ExpiresAt, t.LastUsedAt,
            t.RevokedAt is not null ? "Revoked" : t.ExpiresAt <= now ? "Expired" : "Active")).ToList();
        return new TokensPage(form, rows, createdText);
    }
}

public sealed class CreateTokenRequest
{
    public string? Name { get; set; }

    public string? Scope { get; set; } = nameof(TokenScope.Read);

    public int? Days { get; set; } = 90;
}

public sealed record TokenRow(Guid Id, string Name, string Hint, TokenScope Scope, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, string Status);

public sealed record TokensPage(CreateTokenRequest Form, IReadOnlyList<TokenRow> Tokens, string? CreatedText);
